import { testRule } from '../../helpers/rule-tester';
import { outpatient, professional } from './ncci-claims';

// ncci/ptp judges dates of service inside the PTP table's quarter (2024Q3: 2024-07-01 … 2024-09-30); later
// dates go to ncci/ptp-stale-table. Rows of rules/data/ncci-ptp-practitioner.tsv.gz (from
// shared/domain/ncci/ptp-practitioner-2024q3.tsv.gz, undeleted rows), column 1 / column 2 / modifier indicator:
//   22551 63075 1 "Mutually exclusive procedures"         22551 22554 1 "CPT Manual or CMS manual coding instruction"
//   29881 29877 0 "Misuse of Column Two code …"           20610 99213 1 "CPT Manual or CMS manual coding instruction"
//   71046 71045 1 "More extensive procedure"              74177 74176 1 "HCPCS/CPT procedure code definition"
//   80053 82947 1 "Laboratory panel"                      97113 97110 1 "HCPCS/CPT procedure code definition"
//   73562 73560 1 "HCPCS/CPT procedure code definition"   67801 67800 1 "HCPCS/CPT procedure code definition"
//   28285 28270 1 "CPT Separate procedure definition"     92928 92920 1 "HCPCS/CPT procedure code definition"
// Anatomic modifiers bypass an indicator-1 edit only when the two lines carry different modifiers of one family
// (NCCI Policy Manual, Chapter I, §E): LT on one line and RT on the other; not LT on both, nor LT on one line only.
// No row pairs 22551 with 22552, 22845 or 20930 (add-on codes: ncci/add-on-without-primary speaks).
const Q3 = '2024-08-14';
testRule('ncci/ptp', {
  valid: [
    { name: 'one line', claim: professional(Q3, '22551') },
    { name: '22551 + 22552 + 22845 + 20930: add-on codes, no PTP row with 22551', claim: professional(Q3, '22551', '22552', '22845', '20930') },
    { name: '22551 + 63075-XS (indicator 1, separate structure)', claim: professional(Q3, '22551', ['63075', 1, ['XS']]) },
    { name: '22551-59 + 63075 (indicator 1: the modifier may be on either line)', claim: professional(Q3, ['22551', 1, ['59']], '63075') },
    { name: '73562-LT + 73560-RT (knee x-rays, different sides)', claim: professional(Q3, ['73562', 1, ['LT']], ['73560', 1, ['RT']]) },
    { name: '73562-26-LT + 73560-26-RT (both professional components; 26 is no anatomic modifier)', claim: professional(Q3, ['73562', 1, ['26', 'LT']], ['73560', 1, ['26', 'RT']]) },
    { name: '67801-E1 + 67800-E3 (different eyelids)', claim: professional(Q3, ['67801', 1, ['E1']], ['67800', 1, ['E3']]) },
    { name: '28285-T1 + 28270-T2 (different toes)', claim: professional(Q3, ['28285', 1, ['T1']], ['28270', 1, ['T2']]) },
    { name: '92928-LC + 92920-LD (different coronary arteries)', claim: professional(Q3, ['92928', 1, ['LC']], ['92920', 1, ['LD']]) },
    { name: '22551 + 63075 on different dates', claim: professional(Q3, ['22551', 1, [], '2024-08-14'], ['63075', 1, [], '2024-08-15']) },
    { name: '20610 + 99213-25 (E/M row, indicator 1: 25 on the E/M line bypasses, Policy Manual ch. I §E / ch. XI)', claim: professional(Q3, '20610', ['99213', 1, ['25']]) },
    { name: '71046 + 71045-XU (radiology, indicator 1)', claim: professional(Q3, '71046', ['71045', 1, ['XU']]) },
    { name: '80053 + 82947-91 (lab panel, indicator 1: 91 on a repeated lab test)', claim: professional(Q3, '80053', ['82947', 1, ['91']]) },
    { name: '97113 + 97110-59 (therapy, indicator 1)', claim: professional(Q3, '97113', ['97110', 1, ['59']]) },
    { name: 'a later date (2026-05-12): ncci/ptp-stale-table speaks instead', claim: professional('2026-05-12', '22551', '63075') },
    { name: 'an outpatient hospital claim: ncci/ptp-outpatient speaks instead', claim: outpatient(Q3, '22551', '63075') },
    { name: 'before the table (2024-06-30): ncci/ptp-stale-table speaks (the nearest edition, a warning)', claim: professional('2024-06-30', '22551', '63075') },
  ],
  invalid: [
    {
      name: '22551 + 63075 on one date (the seed)',
      claim: professional(Q3, '22551', '63075'),
      findings: [{ path: '$.lines[0]', code: '22551', severity: 'error', fix: { action: 'remove', includes: 'Remove line 2 (63075)' }, messageIncludes: ['63075 (line 2) is a column 2 code of 22551 (line 1)', "'Mutually exclusive procedures'", 'modifier indicator 1', 'NCCI PTP practitioner 2024Q3.'] }],
    },
    {
      name: '22551 + 22554 (both orders on the claim give the one row)',
      claim: professional(Q3, '22554', '22551'),
      findings: [{ path: '$.lines[1]', code: '22551', messageIncludes: ['22554 (line 1) is a column 2 code of 22551 (line 2)'] }],
    },
    {
      name: '29881 + 29877-59: indicator 0, no modifier bypasses',
      claim: professional(Q3, '29881', ['29877', 1, ['59']]),
      findings: [{ path: '$.lines[0]', code: '29881', messageIncludes: ['modifier indicator 0', 'no modifier bypasses the edit'] }],
    },
    {
      name: '20610-25 + 99213: 25 on the procedure line does not bypass (it belongs on the E/M)',
      claim: professional(Q3, ['20610', 1, ['25']], '99213'),
      findings: [{ path: '$.lines[0]', code: '20610', messageIncludes: ['99213 (line 2)'] }],
    },
    {
      name: '22551 + 63075-91: 91 bypasses only repeated lab tests',
      claim: professional(Q3, '22551', ['63075', 1, ['91']]),
      findings: [{ path: '$.lines[0]', code: '22551' }],
    },
    {
      name: '22551 + 63075-LT: an anatomic modifier on one line only does not bypass',
      claim: professional(Q3, '22551', ['63075', 1, ['LT']]),
      findings: [{ path: '$.lines[0]', code: '22551', messageIncludes: ['modifier indicator 1'] }],
    },
    {
      name: '73562-LT + 73560-LT: the same side on both lines does not bypass',
      claim: professional(Q3, ['73562', 1, ['LT']], ['73560', 1, ['LT']]),
      findings: [{ path: '$.lines[0]', code: '73562', messageIncludes: ['73560 (line 2) is a column 2 code of 73562 (line 1)'] }],
    },
    {
      name: '67801-E1 + 67800-E1: the same eyelid on both lines does not bypass',
      claim: professional(Q3, ['67801', 1, ['E1']], ['67800', 1, ['E1']]),
      findings: [{ path: '$.lines[0]', code: '67801' }],
    },
    {
      name: '28285-T1 + 28270-F1: modifiers of two families (toe, finger) do not bypass',
      claim: professional(Q3, ['28285', 1, ['T1']], ['28270', 1, ['F1']]),
      findings: [{ path: '$.lines[0]', code: '28285' }],
    },
    {
      name: '73562-LT-RT + 73560-RT: the lines share RT',
      claim: professional(Q3, ['73562', 1, ['LT', 'RT']], ['73560', 1, ['RT']]),
      findings: [{ path: '$.lines[0]', code: '73562' }],
    },
    {
      name: 'radiology: 74177 + 74176',
      claim: professional(Q3, '74176', '74177'),
      findings: [{ path: '$.lines[1]', code: '74177', messageIncludes: ["'HCPCS/CPT procedure code definition'"] }],
    },
    {
      name: 'therapy: 97113 + 97110 (no modifier)',
      claim: professional(Q3, '97110', '97113'),
      findings: [{ path: '$.lines[1]', code: '97113' }],
    },
  ],
});
