import { testRule } from '../../helpers/rule-tester';

// Cases from the MCE oracle sample (__tests__/fixtures/mce-oracle): the CMS MCE v43.1 reports UNACCEPTABLE_PDX on the
// invalid claims at the paths given, and not on the valid ones (neighbours of the same bucket).
testRule('mce/unacceptable-principal', {
  valid: [
    { name: 'MCEDEV-0005: the MCE reports no UNACCEPTABLE_PDX', claim: {"id": "MCEDEV-0005", "type": "institutional", "payer": {"id": "MEDICARE", "type": "medicare"}, "admissionDate": "2026-09-14", "dischargeDate": "2026-09-15", "dischargeStatus": "01", "patient": {"birthDate": "2019-10-09", "sex": "M"}, "diagnoses": [{"code": "Z05.89", "poa": "Y"}], "procedures": [], "lines": []} },
    { name: 'MCEDEV-0006: the MCE reports no UNACCEPTABLE_PDX', claim: {"id": "MCEDEV-0006", "type": "institutional", "payer": {"id": "MEDICARE", "type": "medicare"}, "admissionDate": "2026-02-18", "dischargeDate": "2026-02-19", "dischargeStatus": "06", "patient": {"birthDate": "1951-07-22", "sex": "M"}, "diagnoses": [{"code": "R41.3", "poa": "Y"}, {"code": "Z00.111", "poa": "Y"}, {"code": "M89.157", "poa": "Y"}, {"code": "H61.029", "poa": "Y"}], "procedures": [], "lines": []} },
    { name: 'MCEDEV-0007: the MCE reports no UNACCEPTABLE_PDX', claim: {"id": "MCEDEV-0007", "type": "institutional", "payer": {"id": "MEDICARE", "type": "medicare"}, "admissionDate": "2026-08-22", "dischargeDate": "2026-08-30", "dischargeStatus": "03", "patient": {"birthDate": "1958-07-02", "sex": "M"}, "diagnoses": [{"code": "Z05.2", "poa": "Y"}, {"code": "J45.22", "poa": "Y"}], "procedures": [], "lines": []} },
  ],
  invalid: [
    { name: 'MCEDEV-0004: the MCE reports UNACCEPTABLE_PDX', claim: {"id": "MCEDEV-0004", "type": "institutional", "payer": {"id": "MEDICARE", "type": "medicare"}, "admissionDate": "2026-05-28", "dischargeDate": "2026-06-07", "dischargeStatus": "20", "patient": {"birthDate": "2000-05-28", "sex": "M"}, "diagnoses": [{"code": "Z00.111", "poa": "Y"}, {"code": "I87.023", "poa": "Y"}], "procedures": [], "lines": []}, findings: [{ path: '$.diagnoses[0]', severity: 'error' }] },
    { name: 'MCEDEV-0017: the MCE reports UNACCEPTABLE_PDX', claim: {"id": "MCEDEV-0017", "type": "institutional", "payer": {"id": "MEDICARE", "type": "medicare"}, "admissionDate": "2026-05-24", "dischargeDate": "2026-05-25", "dischargeStatus": "03", "patient": {"birthDate": "2015-03-29", "sex": "F"}, "diagnoses": [{"code": "Z00.111", "poa": "Y"}, {"code": "M10.339", "poa": "Y"}], "procedures": [], "lines": []}, findings: [{ path: '$.diagnoses[0]', severity: 'error' }] },
    { name: 'MCEDEV-0021: the MCE reports UNACCEPTABLE_PDX', claim: {"id": "MCEDEV-0021", "type": "institutional", "payer": {"id": "MEDICARE", "type": "medicare"}, "admissionDate": "2026-09-17", "dischargeDate": "2026-09-22", "dischargeStatus": "01", "patient": {"birthDate": "1933-02-01", "sex": "M"}, "diagnoses": [{"code": "Z00.110", "poa": "Y"}, {"code": "N90.89", "poa": "Y"}, {"code": "C83.07", "poa": "Y"}], "procedures": [], "lines": []}, findings: [{ path: '$.diagnoses[0]', severity: 'error' }] },
  ],
});
