import { inpatientClaim, testRule } from '../../helpers/rule-tester';

// L89.154 (stage 4 pressure ulcer of sacral region) is a HAC 04 MCC.
const withUlcer = (poa: string) => inpatientClaim({ diagnoses: [{ code: 'M43.03', poa: 'Y' }, { code: 'L89.154', poa }] });

testRule('drg/mcc-cancelled-hac', {
  valid: [
    { name: 'POA Y', claim: withUlcer('Y') },
    { name: 'POA W (clinically undetermined)', claim: withUlcer('W') },
    { name: 'HAC 10 PE without the hip/knee replacement it needs', claim: inpatientClaim({ diagnoses: [{ code: 'M43.03', poa: 'Y' }, { code: 'I26.99', poa: 'N' }] }) },
    { name: 'another MCC counts anyway', claim: inpatientClaim({ diagnoses: [{ code: 'M43.03', poa: 'Y' }, { code: 'L89.154', poa: 'N' }, { code: 'A41.9', poa: 'Y' }] }) },
  ],
  invalid: [
    {
      name: 'POA N',
      claim: withUlcer('N'),
      findings: [{ path: '$.diagnoses[1]', code: 'L89.154', severity: 'warning', fix: { action: 'document' }, messageIncludes: ['HAC 04 Stage III and IV Pressure Ulcers', 'POA N', 'final DRG is 552'] }],
    },
    { name: 'POA U', claim: withUlcer('U'), findings: [{ path: '$.diagnoses[1]', messageIncludes: ['POA U'] }] },
    {
      name: 'HAC 06 companion with a catheter code not present on admission',
      claim: inpatientClaim({ diagnoses: [{ code: 'M43.03', poa: 'Y' }, { code: 'T83.511A', poa: 'N' }, { code: 'N15.1', poa: 'N' }] }),
      findings: [{ path: '$.diagnoses[2]', code: 'N15.1', messageIncludes: ['HAC 06'] }],
    },
  ],
});
