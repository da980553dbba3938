import { testRule } from '../../helpers/rule-tester';
import { COMPLETE, fusionClaim } from './notes';

testRule('documentation/spine-chart-missing', {
  valid: [
    { name: 'chart text present', claim: fusionClaim(COMPLETE) },
    { name: 'chart text present but incomplete: the element rules speak', claim: fusionClaim('Neck pain.') },
    { name: 'no chart text, no diagnosis in scope', claim: fusionClaim(undefined, { diagnoses: ['S12.9XXA'] }) },
    { name: 'no chart text, not a fusion claim', claim: fusionClaim(undefined, { lines: [{ procedureCode: '99213', units: 1, charge: 100, diagnosisPointers: [1] }] }) },
  ],
  invalid: [
    {
      name: 'no chart text (as every 837): one info finding',
      claim: fusionClaim(undefined),
      findings: [{ path: '$.documentation', severity: 'info', fix: { action: 'review' }, messageIncludes: ['could not be checked'] }],
    },
    {
      name: 'two fusion lines, still one finding',
      claim: fusionClaim('', { lines: [{ procedureCode: '22551', units: 1, charge: 1604.91, diagnosisPointers: [1] }, { procedureCode: '22552', units: 1, charge: 500, diagnosisPointers: [1] }] }),
      findings: [{ path: '$.documentation' }],
    },
    {
      name: 'blank chart text counts as none',
      claim: fusionClaim('  \n '),
      findings: [{ path: '$.documentation', severity: 'info' }],
    },
  ],
});
