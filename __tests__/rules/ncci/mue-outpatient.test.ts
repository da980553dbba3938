import { testRule } from '../../helpers/rule-tester';
import { outpatient, professional } from './ncci-claims';

// Rows of rules/data/ncci-mue-outpatient (shared/domain/ncci/mue-outpatient-2024q3.tsv, effective 2024-07-01,
// validThrough 2024-09-30): 22551 1 2 "Code Descriptor / CPT Instruction"; 97110 8 3 "Clinical: Data"
// (6 in the practitioner table); 20930 1 3 "Clinical: Data" (0 in the practitioner table).
testRule('ncci/mue-outpatient', {
  valid: [
    { name: '22551 × 1', claim: outpatient('2024-08-14', '22551') },
    { name: 'therapy: 97110 × 8 (the outpatient MUE; the practitioner one is 6)', claim: outpatient('2024-08-14', ['97110', 8]) },
    { name: '20930 × 1 (outpatient MUE 1; practitioner 0)', claim: outpatient('2024-08-14', '22551', '20930') },
    { name: 'a professional claim: ncci/mue speaks', claim: professional('2024-08-14', ['22551', 2]) },
  ],
  invalid: [
    {
      name: '22551 × 2 in the table\'s quarter',
      claim: outpatient('2024-08-14', ['22551', 2]),
      findings: [{ path: '$.lines[0]', code: '22551', severity: 'error', messageIncludes: ['NCCI MUE outpatient hospital 2024Q3', 'MAI 2'] }],
    },
    {
      name: '97110 × 9 on 2026-05-12: the 2024Q3 table may be stale',
      claim: outpatient('2026-05-12', ['97110', 5], ['97110', 4]),
      findings: [{ path: '$.lines[0]', code: '97110', messageIncludes: ['billed 9 unit(s)', 'allows 8', 'may be stale for 2026-05-12'] }],
    },
  ],
});
