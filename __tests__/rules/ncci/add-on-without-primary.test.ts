import { testRule } from '../../helpers/rule-tester';
import { outpatient, professional } from './ncci-claims';

// Rows of rules/data/ncci-aoc (shared/domain/ncci/aoc-2026q3.tsv), add-on / primary / type / effective:
//   22552 22551 1 20130401 (22552's only primary)     22845 22551 1 20130401 (one of 112 primaries)
//   20930 22551 1 20130401 (one of 23)                 64484 64483 1 20130401 (its only primary)
// ncci-aoc-addons: 22552 type 1, 1 listed primary.
const D = '2026-05-12';
testRule('ncci/add-on-without-primary', {
  valid: [
    { name: '22551 + 22552', claim: professional(D, '22551', '22552') },
    { name: '22551 + 22552 + 22845 + 20930 (the seed\'s fusion)', claim: professional(D, '22551', '22552', '22845', '20930') },
    { name: '64483 + 64484 (epidural injection and its add-on level)', claim: professional(D, '64483', '64484') },
    { name: 'an outpatient hospital claim with 22551 + 22552', claim: outpatient(D, '22551', '22552') },
    { name: '22551 alone (a primary code)', claim: professional(D, '22551') },
    { name: '15012 alone on 2025-03-31: its edit (15012 → 15011, type 1) begins 2025-04-01; a row\'s own dates hold in the nearest edition', claim: professional('2025-03-31', '15012') },
  ],
  invalid: [
    {
      name: '22552 alone (the seed)',
      claim: professional(D, '22552'),
      findings: [{ path: '$.lines[0]', code: '22552', severity: 'error', fix: { action: 'add' }, messageIncludes: ['22552 (line 1) is an add-on code (NCCI AOC type 1) billed on 2026-05-12 without any of its 1 listed primary codes', 'NCCI add-on code edits 2026Q3).'] }],
    },
    {
      name: '22552 with 22551 on another date',
      claim: professional(D, ['22551', 1, [], '2026-05-11'], '22552'),
      findings: [{ path: '$.lines[1]', code: '22552' }],
    },
    {
      name: '22552 with 63075 (not one of its primaries)',
      claim: professional(D, '63075', '22552'),
      findings: [{ path: '$.lines[1]', code: '22552' }],
    },
    {
      name: '64484 alone, on an outpatient hospital claim',
      claim: outpatient(D, '64484'),
      findings: [{ path: '$.lines[0]', code: '64484' }],
    },
    {
      name: '15012 alone on 2025-04-01, the first day of its edit',
      claim: professional('2025-04-01', '15012'),
      findings: [{ path: '$.lines[0]', code: '15012', messageIncludes: ['15012 (line 1) is an add-on code (NCCI AOC type 1)'] }],
    },
    {
      name: 'before the 2026Q3 edition (2026-05-12): judged by it as the nearest edition, and said so',
      claim: professional(D, '22552'),
      findings: [{ path: '$.lines[0]', code: '22552', messageIncludes: ['The 2026Q3 table is in effect from 2026-07-01; no table in force on 2026-05-12 is loaded, so the nearest edition (2026Q3) judged it'] }],
    },
    {
      name: 'after the table\'s quarter (2026-10-01): says the table may be stale',
      claim: professional('2026-10-01', '22552'),
      findings: [{ path: '$.lines[0]', code: '22552', messageIncludes: ['The 2026Q3 table covers dates of service through 2026-09-30; it may be stale for 2026-10-01.'] }],
    },
  ],
});
