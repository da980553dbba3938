import { testRule } from '../../helpers/rule-tester';

// Cases from the MCE oracle sample (__tests__/fixtures/mce-oracle): the CMS MCE v43.1 reports NON_COVERED on the
// invalid claims at the paths given, and not on the valid ones (neighbours of the same bucket).
testRule('mce/non-covered-procedure', {
  valid: [
    { name: 'MCEDEV-3611: the MCE reports no NON_COVERED', claim: {"id": "MCEDEV-3611", "type": "institutional", "payer": {"id": "MEDICARE", "type": "medicare"}, "admissionDate": "2026-02-12", "dischargeDate": "2026-02-16", "dischargeStatus": "01", "patient": {"birthDate": "1986-03-05", "sex": "M"}, "diagnoses": [{"code": "M51.370", "poa": "Y"}], "procedures": [{"code": "0SR40JZ"}], "lines": []} },
    { name: 'MCEDEV-3612: the MCE reports no NON_COVERED', claim: {"id": "MCEDEV-3612", "type": "institutional", "payer": {"id": "MEDICARE", "type": "medicare"}, "admissionDate": "2026-04-30", "dischargeDate": "2026-05-04", "dischargeStatus": "01", "patient": {"birthDate": "1970-07-01", "sex": "M"}, "diagnoses": [{"code": "M51.362", "poa": "Y"}, {"code": "M07.669", "poa": "N"}, {"code": "A92.31", "poa": "Y"}], "procedures": [{"code": "0SR20JZ"}], "lines": []} },
    { name: 'MCEDEV-3613: the MCE reports no NON_COVERED', claim: {"id": "MCEDEV-3613", "type": "institutional", "payer": {"id": "MEDICARE", "type": "medicare"}, "admissionDate": "2026-09-07", "dischargeDate": "2026-09-15", "dischargeStatus": "02", "patient": {"birthDate": "1986-07-16", "sex": "F"}, "diagnoses": [{"code": "M51.86", "poa": "Y"}], "procedures": [{"code": "0SR20JZ"}], "lines": []} },
  ],
  invalid: [
    { name: 'MCEDEV-3421: the MCE reports NON_COVERED', claim: {"id": "MCEDEV-3421", "type": "institutional", "payer": {"id": "MEDICARE", "type": "medicare"}, "admissionDate": "2025-12-04", "dischargeDate": "2025-12-14", "dischargeStatus": "01", "patient": {"birthDate": "1955-09-19", "sex": "M"}, "diagnoses": [{"code": "G43.601", "poa": "Y"}, {"code": "M08.00", "poa": "W"}, {"code": "H21.513", "poa": "Y"}], "procedures": [{"code": "0FF5XZZ"}], "lines": []}, findings: [{ path: '$.procedures[0]', severity: 'error' }] },
    { name: 'MCEDEV-3422: the MCE reports NON_COVERED', claim: {"id": "MCEDEV-3422", "type": "institutional", "payer": {"id": "MEDICARE", "type": "medicare"}, "admissionDate": "2026-09-20", "dischargeDate": "2026-09-30", "dischargeStatus": "06", "patient": {"birthDate": "1950-12-24", "sex": "M"}, "diagnoses": [{"code": "M23.672", "poa": "Y"}, {"code": "K82.1", "poa": "Y"}], "procedures": [{"code": "057L4ZZ"}], "lines": []}, findings: [{ path: '$.procedures[0]', severity: 'error' }] },
    { name: 'MCEDEV-3423: the MCE reports NON_COVERED', claim: {"id": "MCEDEV-3423", "type": "institutional", "payer": {"id": "MEDICARE", "type": "medicare"}, "admissionDate": "2026-02-02", "dischargeDate": "2026-02-04", "dischargeStatus": "01", "patient": {"birthDate": "1932-11-04", "sex": "F"}, "diagnoses": [{"code": "R94.2", "poa": "Y"}, {"code": "M67.20", "poa": "Y"}], "procedures": [{"code": "0DV67DZ"}], "lines": []}, findings: [{ path: '$.procedures[0]', severity: 'error' }] },
  ],
});
