import { claim, testRule } from '../../helpers/rule-tester';

// The clock is the scrubber option `now`, so the cases do not depend on the day the tests run.
const now = '2026-03-01';
testRule('integrity/future-date', {
  valid: [
    { name: 'dated before the clock', claim: claim(), options: { now } },
    { name: 'dated on the clock', claim: claim({ serviceDate: now }), options: { now } },
  ],
  invalid: [
    { name: 'the claim date after the clock', claim: claim({ serviceDate: '2026-03-02' }), options: { now }, findings: [{ path: '$.serviceDate', messageIncludes: ['2026-03-02', 'today is 2026-03-01'] }] },
    {
      name: 'one line after the clock',
      claim: claim({ lines: [{ procedureCode: '99213', units: 1, charge: 100, serviceDate: '2026-01-15' }, { procedureCode: '99213', units: 1, charge: 100, serviceDate: '2026-04-01' }] }),
      options: { now }, findings: [{ path: '$.lines[1].serviceDate' }],
    },
  ],
});
