import { testRule } from '../../helpers/rule-tester';

// Cases from the MCE oracle sample (__tests__/fixtures/mce-oracle): the CMS MCE v43.1 reports INVALID_ADMIT_DX on the
// invalid claims at the paths given, and not on the valid ones (neighbours of the same bucket).
testRule('mce/invalid-admitting-diagnosis', {
  valid: [
    { name: 'MCEDEV-3261: the MCE reports no INVALID_ADMIT_DX', claim: {"id": "MCEDEV-3261", "type": "institutional", "payer": {"id": "MEDICARE", "type": "medicare"}, "admissionDate": "2026-01-12", "dischargeDate": "2026-01-17", "dischargeStatus": "01", "patient": {"birthDate": "1897-02-09", "sex": "F"}, "diagnoses": [{"code": "J67.9", "poa": "Y"}, {"code": "C84.95", "poa": "Y"}], "procedures": [], "lines": []} },
    { name: 'MCEDEV-3262: the MCE reports no INVALID_ADMIT_DX', claim: {"id": "MCEDEV-3262", "type": "institutional", "payer": {"id": "MEDICARE", "type": "medicare"}, "admissionDate": "2026-04-07", "dischargeDate": "2026-04-14", "dischargeStatus": "01", "patient": {"birthDate": "1898-01-08", "sex": "F"}, "diagnoses": [{"code": "F10.259", "poa": "Y"}], "procedures": [], "lines": []} },
    { name: 'MCEDEV-3263: the MCE reports no INVALID_ADMIT_DX', claim: {"id": "MCEDEV-3263", "type": "institutional", "payer": {"id": "MEDICARE", "type": "medicare"}, "admissionDate": "2026-05-03", "dischargeDate": "2026-05-13", "dischargeStatus": "06", "patient": {"birthDate": "1895-06-23", "sex": "M"}, "diagnoses": [{"code": "M24.521", "poa": "Y"}, {"code": "M84.48XK", "poa": "Y"}], "procedures": [], "lines": []} },
  ],
  invalid: [
    { name: 'MCEDEV-3221: the MCE reports INVALID_ADMIT_DX', claim: {"id": "MCEDEV-3221", "type": "institutional", "payer": {"id": "MEDICARE", "type": "medicare"}, "admissionDate": "2026-05-04", "dischargeDate": "2026-05-05", "dischargeStatus": "01", "patient": {"birthDate": "1953-08-16", "sex": "F"}, "diagnoses": [{"code": "H18.893", "poa": "Y"}, {"code": "M84.478P", "poa": "Y"}], "procedures": [], "lines": [], "admittingDiagnosis": {"code": "V28.9XXS"}}, findings: [{ path: '$.admittingDiagnosis', severity: 'error' }] },
    { name: 'MCEDEV-3222: the MCE reports INVALID_ADMIT_DX', claim: {"id": "MCEDEV-3222", "type": "institutional", "payer": {"id": "MEDICARE", "type": "medicare"}, "admissionDate": "2026-01-23", "dischargeDate": "2026-01-30", "dischargeStatus": "01", "patient": {"birthDate": "1931-04-27", "sex": "M"}, "diagnoses": [{"code": "D31.01", "poa": "Y"}, {"code": "D37.05", "poa": "U"}, {"code": "H16.311", "poa": "N"}], "procedures": [], "lines": [], "admittingDiagnosis": {"code": "S65.902"}}, findings: [{ path: '$.admittingDiagnosis', severity: 'error' }] },
    { name: 'MCEDEV-3223: the MCE reports INVALID_ADMIT_DX', claim: {"id": "MCEDEV-3223", "type": "institutional", "payer": {"id": "MEDICARE", "type": "medicare"}, "admissionDate": "2026-04-22", "dischargeDate": "2026-05-02", "dischargeStatus": "01", "patient": {"birthDate": "1950-01-20", "sex": "M"}, "diagnoses": [{"code": "E78.49", "poa": "Y"}, {"code": "M24.575", "poa": "Y"}], "procedures": [], "lines": [], "admittingDiagnosis": {"code": "S02.61XD"}}, findings: [{ path: '$.admittingDiagnosis', severity: 'error' }] },
  ],
});
