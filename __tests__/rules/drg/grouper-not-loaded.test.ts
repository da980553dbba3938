import { claim, inpatientClaim, testRule } from '../../helpers/rule-tester';

// MS-DRG v43 is loaded for discharges 2025-10-01 to 2026-09-30; v44 (FY2027) is not.
testRule('drg/grouper-not-loaded', {
  valid: [
    { name: 'last day of FY2026 (v43)', claim: inpatientClaim({ dischargeDate: '2026-09-30' }) },
    { name: 'first day of FY2026 (v43)', claim: inpatientClaim({ admissionDate: '2025-09-28', dischargeDate: '2025-10-01' }) },
    { name: 'a professional claim in FY2027 has no DRG', claim: claim({ serviceDate: '2026-10-15' }) },
  ],
  invalid: [
    {
      name: 'first day of FY2027: v44 not loaded',
      claim: inpatientClaim({ admissionDate: '2026-09-28', dischargeDate: '2026-10-01' }),
      findings: [{ path: '$.dischargeDate', severity: 'warning', fix: { action: 'review' }, messageIncludes: ['MS-DRG v44 tables not loaded', '2026-10-01', 'MS-DRG v43 (2025-10-01 to 2026-09-30)'] }],
    },
    {
      name: 'FY2025 discharge: v42 not loaded',
      claim: inpatientClaim({ admissionDate: '2025-09-20', dischargeDate: '2025-09-30' }),
      findings: [{ path: '$.dischargeDate', messageIncludes: ['MS-DRG v42 tables not loaded'] }],
    },
  ],
});
