import { testRule } from '../../helpers/rule-tester';
import { outpatient, professional } from './ncci-claims';

// Rows of rules/data/ncci-mue-practitioner (shared/domain/ncci/mue-practitioner-2026q2.tsv, effective 2026-04-01),
// code / MUE / MAI / rationale: 20930 0 3 "CMS Policy"; 99605 0 2 "CMS Policy"; 22551 1 2; 0329T 1 2
// (0329T is 0 in the outpatient hospital table: ncci/mue-outpatient-not-payable).
const Q2 = '2026-05-12';
testRule('ncci/mue-not-payable', {
  valid: [
    { name: '22551 × 1 (MUE 1)', claim: professional(Q2, '22551') },
    { name: '0329T × 1 (practitioner MUE 1; 0 only for outpatient hospitals)', claim: professional(Q2, '0329T') },
    { name: '20930 on an outpatient hospital claim (outpatient MUE 1)', claim: outpatient(Q2, '22551', '20930') },
  ],
  invalid: [
    {
      name: '20930 × 1 with the fusion: MUE 0, MAI 3 — not payable at any units, not "over 0"',
      claim: professional(Q2, '22551', '20930'),
      findings: [{
        path: '$.lines[1]', code: '20930', severity: 'error', fix: { action: 'review', includes: 'an MUE of 0 means the table allows no units' },
        messageIncludes: ['Line 2 bills 20930 on 2026-05-12, whose medically unlikely edit is 0', 'does not pay it as a practitioner service on that date at any number of units', 'MAI 3', "'CMS Policy'", 'NCCI MUE practitioner 2026Q2'],
      }],
    },
    {
      name: '99605 × 3: MUE 0, MAI 2',
      claim: professional(Q2, ['99605', 3]),
      findings: [{ path: '$.lines[0]', code: '99605', messageIncludes: ['whose medically unlikely edit is 0', 'MAI 2'] }],
    },
    {
      name: '20930 on two lines: each line',
      claim: professional(Q2, '20930', '20930'),
      findings: [{ path: '$.lines[0]', code: '20930' }, { path: '$.lines[1]', code: '20930' }],
    },
    {
      name: 'before the table (2026-01-15): the nearest edition judges, and the finding says so',
      claim: professional('2026-01-15', '22551', '20930'),
      findings: [{ path: '$.lines[1]', code: '20930', messageIncludes: ['no table in force on 2026-01-15 is loaded, so the nearest edition (2026Q2) judged it'] }],
    },
  ],
});
