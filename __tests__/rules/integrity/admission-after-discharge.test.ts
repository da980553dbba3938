import { inpatientClaim, testRule } from '../../helpers/rule-tester';

testRule('integrity/admission-after-discharge', {
  valid: [
    { name: 'admitted before discharge', claim: inpatientClaim() },
    { name: 'admitted and discharged the same day', claim: inpatientClaim({ admissionDate: '2026-01-15' }) },
  ],
  invalid: [{ name: 'admitted after discharge', claim: inpatientClaim({ admissionDate: '2026-01-16' }), findings: [{ path: '$.admissionDate', messageIncludes: ['2026-01-16', '2026-01-15'] }] }],
});
