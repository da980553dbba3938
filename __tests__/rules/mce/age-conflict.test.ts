import { testRule } from '../../helpers/rule-tester';

// Cases from the MCE oracle sample (__tests__/fixtures/mce-oracle): the CMS MCE v43.1 reports AGE_CONFLICT on the
// invalid claims at the paths given, and not on the valid ones (neighbours of the same bucket).
testRule('mce/age-conflict', {
  valid: [
    { name: 'MCEDEV-0008: the MCE reports no AGE_CONFLICT', claim: {"id": "MCEDEV-0008", "type": "institutional", "payer": {"id": "MEDICARE", "type": "medicare"}, "admissionDate": "2026-03-22", "dischargeDate": "2026-03-29", "dischargeStatus": "01", "patient": {"birthDate": "2025-10-06", "sex": "M"}, "diagnoses": [{"code": "Z05.89", "poa": "Y"}, {"code": "M62.212", "poa": "Y"}], "procedures": [], "lines": []} },
    { name: 'MCEDEV-0015: the MCE reports no AGE_CONFLICT', claim: {"id": "MCEDEV-0015", "type": "institutional", "payer": {"id": "MEDICARE", "type": "medicare"}, "admissionDate": "2026-03-10", "dischargeDate": "2026-03-11", "dischargeStatus": "01", "patient": {"birthDate": "2026-01-26", "sex": "M"}, "diagnoses": [{"code": "M25.70", "poa": "Y"}, {"code": "Z38.01", "poa": "Y"}, {"code": "M89.70", "poa": "N"}, {"code": "M05.179", "poa": "Y"}], "procedures": [], "lines": []} },
    { name: 'MCEDEV-0022: the MCE reports no AGE_CONFLICT', claim: {"id": "MCEDEV-0022", "type": "institutional", "payer": {"id": "MEDICARE", "type": "medicare"}, "admissionDate": "2025-12-01", "dischargeDate": "2025-12-04", "dischargeStatus": "01", "patient": {"birthDate": "2025-10-18", "sex": "F"}, "diagnoses": [{"code": "G57.61", "poa": "Y"}, {"code": "H04.531", "poa": "Y"}, {"code": "M26.82", "poa": "Y"}, {"code": "B00.4", "poa": "Y"}], "procedures": [], "lines": []} },
  ],
  invalid: [
    { name: 'MCEDEV-0002: the MCE reports AGE_CONFLICT', claim: {"id": "MCEDEV-0002", "type": "institutional", "payer": {"id": "MEDICARE", "type": "medicare"}, "admissionDate": "2026-07-22", "dischargeDate": "2026-07-29", "dischargeStatus": "01", "patient": {"birthDate": "1949-10-13", "sex": "M"}, "diagnoses": [{"code": "Z05.2", "poa": "Y"}, {"code": "M12.112", "poa": "Y"}, {"code": "H11.429", "poa": "Y"}], "procedures": [], "lines": []}, findings: [{ path: '$.diagnoses[0]', severity: 'error' }] },
    { name: 'MCEDEV-0003: the MCE reports AGE_CONFLICT', claim: {"id": "MCEDEV-0003", "type": "institutional", "payer": {"id": "MEDICARE", "type": "medicare"}, "admissionDate": "2026-07-17", "dischargeDate": "2026-07-22", "dischargeStatus": "01", "patient": {"birthDate": "1959-09-10", "sex": "M"}, "diagnoses": [{"code": "D36.10", "poa": "Y"}, {"code": "Z05.6", "poa": "Y"}], "procedures": [], "lines": []}, findings: [{ path: '$.diagnoses[1]', severity: 'error' }] },
    { name: 'MCEDEV-0004: the MCE reports AGE_CONFLICT', claim: {"id": "MCEDEV-0004", "type": "institutional", "payer": {"id": "MEDICARE", "type": "medicare"}, "admissionDate": "2026-05-28", "dischargeDate": "2026-06-07", "dischargeStatus": "20", "patient": {"birthDate": "2000-05-28", "sex": "M"}, "diagnoses": [{"code": "Z00.111", "poa": "Y"}, {"code": "I87.023", "poa": "Y"}], "procedures": [], "lines": []}, findings: [{ path: '$.diagnoses[0]', severity: 'error' }] },
  ],
});
