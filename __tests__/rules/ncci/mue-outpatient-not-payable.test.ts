import { testRule } from '../../helpers/rule-tester';
import { outpatient, professional } from './ncci-claims';

// Rows of rules/data/ncci-mue-outpatient (shared/domain/ncci/mue-outpatient-2024q3.tsv, effective 2024-07-01),
// code / MUE / MAI / rationale: 0329T 0 3 "CMS Policy"; 20930 1 3 "Clinical: Data" (0 in the practitioner table).
const Q3 = '2024-08-14';
testRule('ncci/mue-outpatient-not-payable', {
  valid: [
    { name: '20930 × 1 (outpatient MUE 1)', claim: outpatient(Q3, '22551', '20930') },
    { name: '0329T on a professional claim (practitioner MUE 1)', claim: professional('2026-05-12', '0329T') },
  ],
  invalid: [
    {
      name: '0329T × 1 on an outpatient hospital claim: MUE 0',
      claim: outpatient(Q3, '0329T'),
      findings: [{ path: '$.lines[0]', code: '0329T', severity: 'error', messageIncludes: ['whose medically unlikely edit is 0', 'on an outpatient hospital claim on that date at any number of units', 'MAI 3', 'NCCI MUE outpatient hospital 2024Q3'] }],
    },
    {
      name: 'after the table\'s quarter: said to be possibly stale',
      claim: outpatient('2026-05-12', '0329T'),
      findings: [{ path: '$.lines[0]', code: '0329T', messageIncludes: ['it may be stale for 2026-05-12'] }],
    },
  ],
});
