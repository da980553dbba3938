import { testRule } from '../../helpers/rule-tester';
import { outpatient, professional } from './ncci-claims';

// Rows of rules/data/ncci-ptp-outpatient (shared/domain/ncci/ptp-outpatient-2024q3.tsv.gz, undeleted):
// 22551 63075 1 "Mutually exclusive procedures"; 71046 71045 1 "More extensive procedure";
// 73562 73560 1 "HCPCS/CPT procedure code definition".
const Q3 = '2024-08-14';
testRule('ncci/ptp-outpatient', {
  valid: [
    { name: '22551 + 63075-XS', claim: outpatient(Q3, '22551', ['63075', 1, ['XS']]) },
    { name: '73562-LT + 73560-RT (different sides)', claim: outpatient(Q3, ['73562', 1, ['LT']], ['73560', 1, ['RT']]) },
    { name: 'a professional claim: ncci/ptp speaks', claim: professional(Q3, '22551', '63075') },
    { name: 'an inpatient claim (type of bill 111): PTP edits are for outpatient claims', claim: { ...outpatient(Q3, '22551', '63075'), billType: '111' } },
    { name: 'a later date: ncci/ptp-outpatient-stale-table speaks', claim: outpatient('2026-05-12', '22551', '63075') },
  ],
  invalid: [
    {
      name: '22551 + 63075 on an outpatient hospital claim',
      claim: outpatient(Q3, '22551', '63075'),
      findings: [{ path: '$.lines[0]', code: '22551', severity: 'error', messageIncludes: ['NCCI PTP outpatient hospital 2024Q3'] }],
    },
    {
      name: '73562-RT + 73560-RT: the same side on both lines does not bypass',
      claim: outpatient(Q3, ['73562', 1, ['RT']], ['73560', 1, ['RT']]),
      findings: [{ path: '$.lines[0]', code: '73562' }],
    },
    {
      name: 'radiology: 71046 + 71045',
      claim: outpatient(Q3, '71045', '71046'),
      findings: [{ path: '$.lines[1]', code: '71046', messageIncludes: ["'More extensive procedure'"] }],
    },
  ],
});
