import { testRule } from '../../helpers/rule-tester';
import { professional } from './ncci-claims';

// Rows of rules/data/ncci-aoc (shared/domain/ncci/aoc-2026q3.tsv): 88311 (decalcification) type 3 with
// primaries 17311, 17313, 88302, 88304, 88305, 88307, 88309 and CCCCC; 0054T type 2, primary CCCCC
// ("Contractor Defined Primary Codes").
const D = '2026-05-12';
testRule('ncci/add-on-primary-unlisted', {
  valid: [
    { name: '88305 + 88311 (a listed primary)', claim: professional(D, '88305', '88311') },
    { name: '22552 alone: type 1, ncci/add-on-without-primary speaks', claim: professional(D, '22552') },
  ],
  invalid: [
    {
      name: '88311 alone: type 3, the list is not exhaustive',
      claim: professional(D, '88311'),
      findings: [{ path: '$.lines[0]', code: '88311', severity: 'warning', messageIncludes: ['AOC type 3', 'without any of its 7 listed primary codes', 'not exhaustive'] }],
    },
    {
      name: '0054T: type 2, contractor-defined primaries',
      claim: professional(D, '20610', '0054T'),
      findings: [{ path: '$.lines[1]', code: '0054T', messageIncludes: ['AOC type 2', 'the contractor defines them'] }],
    },
  ],
});
