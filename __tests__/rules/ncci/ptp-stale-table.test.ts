import { testRule } from '../../helpers/rule-tester';
import { outpatient, professional } from './ncci-claims';

// The same rows as ptp.test.ts (rules/data/ncci-ptp-practitioner: 22551 63075 indicator 1 "Mutually exclusive
// procedures"; 29881 29877 indicator 0), judged on dates outside the table's quarter: after it (validThrough
// 2024-09-30) or before it (effective 2024-07-01: the nearest edition judges).
testRule('ncci/ptp-stale-table', {
  valid: [
    { name: 'inside the table\'s quarter: ncci/ptp speaks', claim: professional('2024-09-30', '22551', '63075') },
    { name: '22551 + 63075-XS', claim: professional('2026-05-12', '22551', ['63075', 1, ['XS']]) },
    { name: 'an outpatient hospital claim', claim: outpatient('2026-05-12', '22551', '63075') },
  ],
  invalid: [
    {
      name: '22551 + 63075 on 2026-05-12: a warning that names the table and says it may be stale',
      claim: professional('2026-05-12', '22551', '63075'),
      findings: [{ path: '$.lines[0]', code: '22551', severity: 'warning', messageIncludes: ['63075 (line 2) is a column 2 code of 22551 (line 1)', 'NCCI PTP practitioner 2024Q3', 'covers dates of service through 2024-09-30; it may be stale for 2026-05-12'] }],
    },
    {
      name: '22551 + 63075 on 2024-06-30, the day before the table: the nearest edition judges, a warning that says so',
      claim: professional('2024-06-30', '22551', '63075'),
      findings: [{ path: '$.lines[0]', code: '22551', severity: 'warning', messageIncludes: ['NCCI PTP practitioner 2024Q3', 'The 2024Q3 table is in effect from 2024-07-01; no table in force on 2024-06-30 is loaded, so the nearest edition (2024Q3) judged it'] }],
    },
    {
      name: '29881 + 29877 on 2024-10-01 (the first stale day), indicator 0',
      claim: professional('2024-10-01', '29881', '29877'),
      findings: [{ path: '$.lines[0]', code: '29881', severity: 'warning', messageIncludes: ['modifier indicator 0', 'may be stale for 2024-10-01'] }],
    },
  ],
});
