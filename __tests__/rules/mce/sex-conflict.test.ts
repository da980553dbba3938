import { testRule } from '../../helpers/rule-tester';

// Cases from the MCE oracle sample (__tests__/fixtures/mce-oracle): the CMS MCE v43.1 reports SEX_CONFLICT on the
// invalid claims at the paths given, and not on the valid ones (neighbours of the same bucket).
testRule('mce/sex-conflict', {
  valid: [
    { name: 'MCEDEV-1321: the MCE reports no SEX_CONFLICT', claim: {"id": "MCEDEV-1321", "type": "institutional", "payer": {"id": "MEDICARE", "type": "medicare"}, "admissionDate": "2025-10-25", "dischargeDate": "2025-10-26", "dischargeStatus": "01", "patient": {"birthDate": "1939-06-13", "sex": "M"}, "diagnoses": [{"code": "M90.58", "poa": "Y"}, {"code": "N64.2", "poa": "Y"}], "procedures": [], "lines": []} },
    { name: 'MCEDEV-1322: the MCE reports no SEX_CONFLICT', claim: {"id": "MCEDEV-1322", "type": "institutional", "payer": {"id": "MEDICARE", "type": "medicare"}, "admissionDate": "2026-05-20", "dischargeDate": "2026-05-29", "dischargeStatus": "62", "patient": {"birthDate": "1947-02-13", "sex": "M"}, "diagnoses": [{"code": "M36.2", "poa": "Y"}, {"code": "M60.139", "poa": "Y"}, {"code": "F13.221", "poa": "Y"}], "procedures": [], "lines": []} },
    { name: 'MCEDEV-1323: the MCE reports no SEX_CONFLICT', claim: {"id": "MCEDEV-1323", "type": "institutional", "payer": {"id": "MEDICARE", "type": "medicare"}, "admissionDate": "2025-09-30", "dischargeDate": "2025-10-07", "dischargeStatus": "01", "patient": {"birthDate": "1930-05-30", "sex": "M"}, "diagnoses": [{"code": "H94.02", "poa": "Y"}, {"code": "I80.291", "poa": "Y"}], "procedures": [], "lines": []} },
  ],
  invalid: [
    { name: 'MCEDEV-1281: the MCE reports SEX_CONFLICT', claim: {"id": "MCEDEV-1281", "type": "institutional", "payer": {"id": "MEDICARE", "type": "medicare"}, "admissionDate": "2024-07-01", "dischargeDate": "2024-07-09", "dischargeStatus": "01", "patient": {"birthDate": "1999-03-03", "sex": "F"}, "diagnoses": [{"code": "C82.61", "poa": "Y"}, {"code": "M43.8X6", "poa": "N"}, {"code": "H04.322", "poa": "Y"}], "procedures": [{"code": "0V7P4ZZ"}], "lines": []}, findings: [{ path: '$.procedures[0]', severity: 'error' }] },
    { name: 'MCEDEV-1282: the MCE reports SEX_CONFLICT', claim: {"id": "MCEDEV-1282", "type": "institutional", "payer": {"id": "MEDICARE", "type": "medicare"}, "admissionDate": "2024-09-12", "dischargeDate": "2024-09-20", "dischargeStatus": "01", "patient": {"birthDate": "1936-12-30", "sex": "M"}, "diagnoses": [{"code": "S30.826S", "poa": "Y"}], "procedures": [], "lines": []}, findings: [{ path: '$.diagnoses[0]', severity: 'error' }] },
    { name: 'MCEDEV-1283: the MCE reports SEX_CONFLICT', claim: {"id": "MCEDEV-1283", "type": "institutional", "payer": {"id": "MEDICARE", "type": "medicare"}, "admissionDate": "2024-08-21", "dischargeDate": "2024-08-28", "dischargeStatus": "03", "patient": {"birthDate": "1942-07-21", "sex": "M"}, "diagnoses": [{"code": "H35.151", "poa": "Y"}, {"code": "S37.499D", "poa": "Y"}], "procedures": [], "lines": []}, findings: [{ path: '$.diagnoses[1]', severity: 'error' }] },
  ],
});
