import { claim, inpatientClaim, testRule } from '../../helpers/rule-tester';

testRule('integrity/inpatient-dates-missing', {
  valid: [
    { name: 'admission, discharge and status', claim: inpatientClaim({ billType: '111' }) },
    { name: 'an outpatient bill (131) with a service date only', claim: inpatientClaim({ billType: '131', serviceDate: '2026-01-15', admissionDate: undefined, dischargeDate: undefined, dischargeStatus: undefined }) },
    { name: 'a professional claim', claim: claim() },
  ],
  invalid: [
    { name: 'inpatient (111) without discharge status', claim: inpatientClaim({ billType: '111', dischargeStatus: undefined }), findings: [{ path: '$.dischargeStatus', messageIncludes: ['dischargeStatus'] }] },
    { name: 'no type of bill, a discharge date but no admission date', claim: inpatientClaim({ admissionDate: undefined }), findings: [{ path: '$.admissionDate' }] },
  ],
});
