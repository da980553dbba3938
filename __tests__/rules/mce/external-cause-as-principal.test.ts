import { testRule } from '../../helpers/rule-tester';

// Cases from the MCE oracle sample (__tests__/fixtures/mce-oracle): the CMS MCE v43.1 reports E_CODE_AS_PDX on the
// invalid claims at the paths given, and not on the valid ones (neighbours of the same bucket).
testRule('mce/external-cause-as-principal', {
  valid: [
    { name: 'MCEDEV-1901: the MCE reports no E_CODE_AS_PDX', claim: {"id": "MCEDEV-1901", "type": "institutional", "payer": {"id": "MEDICARE", "type": "medicare"}, "admissionDate": "2026-09-29", "dischargeDate": "2026-09-30", "dischargeStatus": "01", "patient": {"birthDate": "1965-03-03", "sex": "M"}, "diagnoses": [{"code": "Z3A.17", "poa": "Y"}, {"code": "N83.291", "poa": "Y"}, {"code": "B69.81", "poa": "Y"}, {"code": "G06.0", "poa": "Y"}], "procedures": [], "lines": []} },
    { name: 'MCEDEV-1902: the MCE reports no E_CODE_AS_PDX', claim: {"id": "MCEDEV-1902", "type": "institutional", "payer": {"id": "MEDICARE", "type": "medicare"}, "admissionDate": "2026-01-08", "dischargeDate": "2026-01-12", "dischargeStatus": "01", "patient": {"birthDate": "1936-06-25", "sex": "F"}, "diagnoses": [{"code": "Z81.3", "poa": "Y"}], "procedures": [], "lines": []} },
    { name: 'MCEDEV-1903: the MCE reports no E_CODE_AS_PDX', claim: {"id": "MCEDEV-1903", "type": "institutional", "payer": {"id": "MEDICARE", "type": "medicare"}, "admissionDate": "2026-08-06", "dischargeDate": "2026-08-09", "dischargeStatus": "01", "patient": {"birthDate": "1936-02-25", "sex": "M"}, "diagnoses": [{"code": "Z55.4", "poa": "Y"}, {"code": "H52.521", "poa": "Y"}, {"code": "B67.69", "poa": "Y"}], "procedures": [], "lines": []} },
  ],
  invalid: [
    { name: 'MCEDEV-1651: the MCE reports E_CODE_AS_PDX', claim: {"id": "MCEDEV-1651", "type": "institutional", "payer": {"id": "MEDICARE", "type": "medicare"}, "admissionDate": "2026-02-13", "dischargeDate": "2026-02-16", "dischargeStatus": "03", "patient": {"birthDate": "1959-10-20", "sex": "M"}, "diagnoses": [{"code": "Y36.7X1A", "poa": "Y"}, {"code": "H73.20", "poa": "Y"}, {"code": "H04.412", "poa": "Y"}], "procedures": [], "lines": []}, findings: [{ path: '$.diagnoses[0]', severity: 'error' }] },
    { name: 'MCEDEV-1652: the MCE reports E_CODE_AS_PDX', claim: {"id": "MCEDEV-1652", "type": "institutional", "payer": {"id": "MEDICARE", "type": "medicare"}, "admissionDate": "2025-10-16", "dischargeDate": "2025-10-25", "dischargeStatus": "01", "patient": {"birthDate": "1940-09-21", "sex": "M"}, "diagnoses": [{"code": "X08.01XA", "poa": "Y"}, {"code": "K91.873", "poa": "Y"}, {"code": "M1A.3191", "poa": "Y"}], "procedures": [], "lines": []}, findings: [{ path: '$.diagnoses[0]', severity: 'error' }] },
    { name: 'MCEDEV-1653: the MCE reports E_CODE_AS_PDX', claim: {"id": "MCEDEV-1653", "type": "institutional", "payer": {"id": "MEDICARE", "type": "medicare"}, "admissionDate": "2025-10-27", "dischargeDate": "2025-11-06", "dischargeStatus": "01", "patient": {"birthDate": "1953-08-23", "sex": "F"}, "diagnoses": [{"code": "V32.4XXS", "poa": "Y"}, {"code": "M1A.0211", "poa": "Y"}, {"code": "M25.739", "poa": "Y"}], "procedures": [], "lines": []}, findings: [{ path: '$.diagnoses[0]', severity: 'error' }] },
  ],
});
