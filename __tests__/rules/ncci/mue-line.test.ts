import { testRule } from '../../helpers/rule-tester';
import { professional } from './ncci-claims';

// Rows of rules/data/ncci-mue-practitioner (2026Q2) with MAI 1 (line edit), code / MUE / MAI / rationale:
//   A6460 1 1 "Clinical: CMS Workgroup"      A0425 250 1 "Clinical: Data"
const Q2 = '2026-05-12';
testRule('ncci/mue-line', {
  valid: [
    { name: 'A6460 × 1', claim: professional(Q2, 'A6460') },
    { name: 'A6460 × 1 on two lines (a line edit: each line alone)', claim: professional(Q2, 'A6460', ['A6460', 1, ['RT']]) },
    { name: 'A0425 × 250', claim: professional(Q2, ['A0425', 250]) },
    { name: '22551 × 2: MAI 2, ncci/mue speaks', claim: professional(Q2, ['22551', 2]) },
  ],
  invalid: [
    {
      name: 'A6460 × 2 on one line',
      claim: professional(Q2, ['A6460', 2]),
      findings: [{ path: '$.lines[0]', code: 'A6460', severity: 'error', messageIncludes: ['Line 1 bills 2 unit(s) of A6460', 'allows 1 per line (MAI 1'] }],
    },
    {
      name: 'A0425 × 251',
      claim: professional(Q2, 'A6460', ['A0425', 251]),
      findings: [{ path: '$.lines[1]', code: 'A0425', messageIncludes: ['allows 250 per line'] }],
    },
  ],
});
