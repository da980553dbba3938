import { inpatientClaim, testRule } from '../../helpers/rule-tester';

// Appendix C Part 1: S32.009B (MCC) is in collection 1661, which holds the PDX S32.009A.
testRule('drg/mcc-excluded-by-pdx', {
  valid: [
    { name: 'the same MCC with a PDX outside its collection counts (551)', claim: inpatientClaim({ diagnoses: [{ code: 'M43.03', poa: 'Y' }, { code: 'S32.009B', poa: 'Y' }] }) },
    { name: 'another MCC counts, so the exclusion changes nothing (551)', claim: inpatientClaim({ diagnoses: [{ code: 'S32.009A', poa: 'Y' }, { code: 'S32.009B', poa: 'Y' }, 'A41.9'] }) },
    { name: 'professional claim', claim: { id: 'P', type: 'professional', serviceDate: '2026-01-15', diagnoses: ['S32.009A', 'S32.009B'], lines: [{ procedureCode: '99223' }] } },
    { name: 'FY2027 discharge (v44 not loaded)', claim: inpatientClaim({ dischargeDate: '2026-10-05', diagnoses: [{ code: 'S32.009A', poa: 'Y' }, { code: 'S32.009B', poa: 'Y' }] }) },
  ],
  invalid: [
    {
      name: 'S32.009A + S32.009B → 552',
      claim: inpatientClaim({ diagnoses: [{ code: 'S32.009A', poa: 'Y' }, { code: 'S32.009B', poa: 'Y' }] }),
      findings: [{ path: '$.diagnoses[1]', code: 'S32.009B', severity: 'warning', fix: { action: 'review' }, messageIncludes: ['collection 1661', 'DRG 552 (weight 0.9613), not 551 (weight 1.6761)', 'MS-DRG v43.0'] }],
    },
    {
      name: 'last day of v43',
      claim: inpatientClaim({ dischargeDate: '2026-09-30', diagnoses: [{ code: 'S32.009A', poa: 'Y' }, { code: 'S32.009B', poa: 'Y' }] }),
      findings: [{ path: '$.diagnoses[1]', code: 'S32.009B', messageIncludes: ['MS-DRG v43.1'] }],
    },
  ],
});
