import { testRule } from '../../helpers/rule-tester';
import { outpatient, professional } from './ncci-claims';

// rules/data/ncci-ptp-outpatient: 22551 63075 indicator 1 (2024Q3, validThrough 2024-09-30).
testRule('ncci/ptp-outpatient-stale-table', {
  valid: [
    { name: 'inside the quarter: ncci/ptp-outpatient speaks', claim: outpatient('2024-08-14', '22551', '63075') },
    { name: 'a professional claim', claim: professional('2026-05-12', '22551', '63075') },
    { name: '22551-XS + 63075', claim: outpatient('2026-05-12', ['22551', 1, ['XS']], '63075') },
  ],
  invalid: [
    {
      name: '22551 + 63075 on 2026-05-12',
      claim: outpatient('2026-05-12', '22551', '63075'),
      findings: [{ path: '$.lines[0]', code: '22551', severity: 'warning', messageIncludes: ['NCCI PTP outpatient hospital 2024Q3', 'may be stale for 2026-05-12'] }],
    },
  ],
});
