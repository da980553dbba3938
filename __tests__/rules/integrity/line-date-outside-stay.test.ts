import { claim, inpatientClaim, testRule } from '../../helpers/rule-tester';

const lines = (...dates: string[]) => dates.map((serviceDate) => ({ procedureCode: '99233', units: 1, charge: 200, serviceDate }));
testRule('integrity/line-date-outside-stay', {
  valid: [
    { name: 'lines on the admission and discharge days', claim: inpatientClaim({ lines: lines('2026-01-12', '2026-01-15') }) },
    { name: 'a professional claim with lines on several dates', claim: claim({ lines: lines('2026-01-15', '2026-02-20') }) },
  ],
  invalid: [
    { name: 'a line before admission and one after discharge', claim: inpatientClaim({ lines: lines('2026-01-11', '2026-01-13', '2026-01-16') }),
      findings: [{ path: '$.lines[0].serviceDate', messageIncludes: ['2026-01-11', '2026-01-12 to 2026-01-15'] }, { path: '$.lines[2].serviceDate' }] },
  ],
});
