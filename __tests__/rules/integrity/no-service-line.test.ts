import { claim, inpatientClaim, testRule } from '../../helpers/rule-tester';

testRule('integrity/no-service-line', {
  valid: [
    { name: 'one line', claim: claim() },
    { name: 'an inpatient claim whose lines are revenue codes only (not lines of the model)', claim: inpatientClaim() },
  ],
  invalid: [
    { name: 'an empty line list', claim: claim({ lines: [] }), findings: [{ path: '$.lines', severity: 'error' }] },
  ],
});
