import { testRule } from '../../helpers/rule-tester';
import { outpatient, professional } from './ncci-claims';

// Rows of rules/data/ncci-mue-practitioner (shared/domain/ncci/mue-practitioner-2026q2.tsv, effective
// 2026-04-01, validThrough 2026-06-30), code / MUE / MAI / rationale:
//   22551 1 2 "Code Descriptor / CPT Instruction"     22552 5 3 "Clinical: Data"
//   22845 1 3 "Nature of Service/Procedure"           20930 0 3 "CMS Policy"
//   97110 6 3 "Clinical: Data"                        99214 2 3 "Clinical: Data"
const Q2 = '2026-05-12';
testRule('ncci/mue', {
  valid: [
    { name: '22551 × 1', claim: professional(Q2, '22551') },
    { name: '22552 × 5 (its MUE)', claim: professional(Q2, '22551', ['22552', 5]) },
    { name: 'therapy: 97110 × 4 + 97110 × 2 = 6 (its MUE)', claim: professional(Q2, ['97110', 4], ['97110', 2]) },
    { name: '22551 × 1 on two dates (per date of service)', claim: professional(Q2, ['22551', 1, [], '2026-05-12'], ['22551', 1, [], '2026-05-13']) },
    { name: 'an outpatient hospital claim: ncci/mue-outpatient speaks', claim: outpatient(Q2, ['22551', 2]) },
    { name: '20930 × 1: MUE 0, ncci/mue-not-payable speaks', claim: professional(Q2, '22551', '20930') },
    { name: 'A6460 × 2: MAI 1, ncci/mue-line speaks', claim: professional(Q2, ['A6460', 2]) },
  ],
  invalid: [
    {
      name: '22551 × 2 (the seed): MAI 2, policy',
      claim: professional(Q2, ['22551', 2]),
      findings: [{ path: '$.lines[0]', code: '22551', severity: 'error', messageIncludes: ['22551 is billed 2 unit(s) on 2026-05-12', 'allows 1 per date of service', 'MAI 2', 'NCCI MUE practitioner 2026Q2', "'Code Descriptor / CPT Instruction'"] }],
    },
    {
      name: '22551 on two lines of one date: summed (MAI 2)',
      claim: professional(Q2, '22551', '22551'),
      findings: [{ path: '$.lines[0]', code: '22551', messageIncludes: ['billed 2 unit(s)', '(2 line(s))'] }],
    },
    {
      name: 'therapy: 97110 × 4 + 97110 × 3 = 7 over 6, MAI 3 (clinical, appealable)',
      claim: professional(Q2, ['97110', 4], ['97110', 3]),
      findings: [{ path: '$.lines[0]', code: '97110', messageIncludes: ['billed 7 unit(s)', 'allows 6', 'MAI 3: a clinical limit'] }],
    },
    {
      name: 'E/M: 99214 × 3',
      claim: professional(Q2, ['99214', 3]),
      findings: [{ path: '$.lines[0]', code: '99214', messageIncludes: ['allows 2'] }],
    },
    {
      name: 'before the table (2026-01-15, the seed\'s date): judged by the nearest edition, and said so',
      claim: professional('2026-01-15', ['22551', 2]),
      findings: [{ path: '$.lines[0]', code: '22551', severity: 'error', messageIncludes: ['allows 1 per date of service', 'The 2026Q2 table is in effect from 2026-04-01; no table in force on 2026-01-15 is loaded, so the nearest edition (2026Q2) judged it'] }],
    },
    {
      name: 'after the table\'s quarter (2026-07-01): says the table may be stale',
      claim: professional('2026-07-01', ['22551', 2]),
      findings: [{ path: '$.lines[0]', code: '22551', messageIncludes: ['The 2026Q2 table covers dates of service through 2026-06-30; it may be stale for 2026-07-01.'] }],
    },
  ],
});
