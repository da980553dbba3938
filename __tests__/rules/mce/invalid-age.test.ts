import { testRule } from '../../helpers/rule-tester';

// Cases from the MCE oracle sample (__tests__/fixtures/mce-oracle): the CMS MCE v43.1 reports INVALID_AGE on the
// invalid claims at the paths given, and not on the valid ones (neighbours of the same bucket).
testRule('mce/invalid-age', {
  valid: [
    { name: 'MCEDEV-3321: the MCE reports no INVALID_AGE', claim: {"id": "MCEDEV-3321", "type": "institutional", "payer": {"id": "MEDICARE", "type": "medicare"}, "admissionDate": "2025-10-15", "dischargeDate": "2025-10-24", "dischargeStatus": "22", "patient": {"birthDate": "1951-09-11", "sex": "M"}, "diagnoses": [{"code": "E11.3599", "poa": "Y"}, {"code": "H47.49", "poa": "Y"}, {"code": "M84.332D", "poa": "Y"}], "procedures": [], "lines": []} },
    { name: 'MCEDEV-3322: the MCE reports no INVALID_AGE', claim: {"id": "MCEDEV-3322", "type": "institutional", "payer": {"id": "MEDICARE", "type": "medicare"}, "admissionDate": "2026-08-06", "dischargeDate": "2026-08-15", "dischargeStatus": "31", "patient": {"birthDate": "1931-05-20", "sex": "F"}, "diagnoses": [{"code": "M75.51", "poa": "Y"}, {"code": "M91.42", "poa": "Y"}], "procedures": [], "lines": []} },
    { name: 'MCEDEV-3323: the MCE reports no INVALID_AGE', claim: {"id": "MCEDEV-3323", "type": "institutional", "payer": {"id": "MEDICARE", "type": "medicare"}, "admissionDate": "2026-04-21", "dischargeDate": "2026-04-23", "dischargeStatus": "38", "patient": {"birthDate": "1942-02-27", "sex": "M"}, "diagnoses": [{"code": "B69.0", "poa": "Y"}, {"code": "I66.29", "poa": "Y"}, {"code": "H83.3X1", "poa": "Y"}], "procedures": [], "lines": []} },
  ],
  invalid: [
    { name: 'MCEDEV-3261: the MCE reports INVALID_AGE', claim: {"id": "MCEDEV-3261", "type": "institutional", "payer": {"id": "MEDICARE", "type": "medicare"}, "admissionDate": "2026-01-12", "dischargeDate": "2026-01-17", "dischargeStatus": "01", "patient": {"birthDate": "1897-02-09", "sex": "F"}, "diagnoses": [{"code": "J67.9", "poa": "Y"}, {"code": "C84.95", "poa": "Y"}], "procedures": [], "lines": []}, findings: [{ path: '$.patient.birthDate', severity: 'error' }] },
    { name: 'MCEDEV-3262: the MCE reports INVALID_AGE', claim: {"id": "MCEDEV-3262", "type": "institutional", "payer": {"id": "MEDICARE", "type": "medicare"}, "admissionDate": "2026-04-07", "dischargeDate": "2026-04-14", "dischargeStatus": "01", "patient": {"birthDate": "1898-01-08", "sex": "F"}, "diagnoses": [{"code": "F10.259", "poa": "Y"}], "procedures": [], "lines": []}, findings: [{ path: '$.patient.birthDate', severity: 'error' }] },
    { name: 'MCEDEV-3263: the MCE reports INVALID_AGE', claim: {"id": "MCEDEV-3263", "type": "institutional", "payer": {"id": "MEDICARE", "type": "medicare"}, "admissionDate": "2026-05-03", "dischargeDate": "2026-05-13", "dischargeStatus": "06", "patient": {"birthDate": "1895-06-23", "sex": "M"}, "diagnoses": [{"code": "M24.521", "poa": "Y"}, {"code": "M84.48XK", "poa": "Y"}], "procedures": [], "lines": []}, findings: [{ path: '$.patient.birthDate', severity: 'error' }] },
  ],
});
