import { testRule } from '../../helpers/rule-tester';

// Cases from the MCE oracle sample (__tests__/fixtures/mce-oracle): the CMS MCE v43.1 reports REQUIRES_SDX on the
// invalid claims at the paths given, and not on the valid ones (neighbours of the same bucket).
testRule('mce/requires-secondary', {
  valid: [
    { name: 'MCEDEV-2261: the MCE reports no REQUIRES_SDX', claim: {"id": "MCEDEV-2261", "type": "institutional", "payer": {"id": "MEDICARE", "type": "medicare"}, "admissionDate": "2026-04-29", "dischargeDate": "2026-04-30", "dischargeStatus": "01", "patient": {"birthDate": "1953-02-18", "sex": "F"}, "diagnoses": [{"code": "Z51.89", "poa": "Y"}, {"code": "H11.132", "poa": "Y"}, {"code": "E13.3543", "poa": "Y"}], "procedures": [], "lines": []} },
    { name: 'MCEDEV-2262: the MCE reports no REQUIRES_SDX', claim: {"id": "MCEDEV-2262", "type": "institutional", "payer": {"id": "MEDICARE", "type": "medicare"}, "admissionDate": "2026-05-11", "dischargeDate": "2026-05-17", "dischargeStatus": "01", "patient": {"birthDate": "1989-01-19", "sex": "F"}, "diagnoses": [{"code": "Z51.89", "poa": "Y"}, {"code": "K12.1", "poa": "Y"}], "procedures": [], "lines": []} },
    { name: 'MCEDEV-2263: the MCE reports no REQUIRES_SDX', claim: {"id": "MCEDEV-2263", "type": "institutional", "payer": {"id": "MEDICARE", "type": "medicare"}, "admissionDate": "2025-10-06", "dischargeDate": "2025-10-14", "dischargeStatus": "01", "patient": {"birthDate": "1993-09-07", "sex": "F"}, "diagnoses": [{"code": "Z51.89", "poa": "Y"}, {"code": "M84.346S", "poa": "N"}, {"code": "B87.89", "poa": "Y"}], "procedures": [], "lines": []} },
  ],
  invalid: [
    { name: 'MCEDEV-2201: the MCE reports REQUIRES_SDX', claim: {"id": "MCEDEV-2201", "type": "institutional", "payer": {"id": "MEDICARE", "type": "medicare"}, "admissionDate": "2026-09-11", "dischargeDate": "2026-09-19", "dischargeStatus": "01", "patient": {"birthDate": "1953-01-02", "sex": "F"}, "diagnoses": [{"code": "Z51.89", "poa": "Y"}], "procedures": [], "lines": []}, findings: [{ path: '$.diagnoses[0]', severity: 'error' }] },
    { name: 'MCEDEV-2202: the MCE reports REQUIRES_SDX', claim: {"id": "MCEDEV-2202", "type": "institutional", "payer": {"id": "MEDICARE", "type": "medicare"}, "admissionDate": "2026-08-02", "dischargeDate": "2026-08-07", "dischargeStatus": "03", "patient": {"birthDate": "1935-03-31", "sex": "F"}, "diagnoses": [{"code": "Z51.89", "poa": "Y"}], "procedures": [], "lines": []}, findings: [{ path: '$.diagnoses[0]', severity: 'error' }] },
    { name: 'MCEDEV-2203: the MCE reports REQUIRES_SDX', claim: {"id": "MCEDEV-2203", "type": "institutional", "payer": {"id": "MEDICARE", "type": "medicare"}, "admissionDate": "2026-02-01", "dischargeDate": "2026-02-11", "dischargeStatus": "65", "patient": {"birthDate": "1955-07-30", "sex": "F"}, "diagnoses": [{"code": "Z51.89", "poa": "Y"}], "procedures": [], "lines": []}, findings: [{ path: '$.diagnoses[0]', severity: 'error' }] },
  ],
});
