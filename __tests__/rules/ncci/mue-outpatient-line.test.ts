import { testRule } from '../../helpers/rule-tester';
import { outpatient } from './ncci-claims';

// rules/data/ncci-mue-outpatient (2024Q3): 99486 4 1 "Clinical: CMS Workgroup" (MAI 1, line edit).
testRule('ncci/mue-outpatient-line', {
  valid: [
    { name: '99486 × 4', claim: outpatient('2024-08-14', ['99486', 4]) },
    { name: '99486 × 4 on two lines', claim: outpatient('2024-08-14', ['99486', 4], ['99486', 4]) },
  ],
  invalid: [
    {
      name: '99486 × 5 on one line',
      claim: outpatient('2024-08-14', ['99486', 5]),
      findings: [{ path: '$.lines[0]', code: '99486', messageIncludes: ['allows 4 per line', 'NCCI MUE outpatient hospital 2024Q3'] }],
    },
  ],
});
