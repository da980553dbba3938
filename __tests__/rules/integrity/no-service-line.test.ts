import { claim, inpatientClaim, testRule } from '../../helpers/rule-tester';

testRule('integrity/no-service-line', {
  valid: [{ name: 'one line', claim: claim() }],
  invalid: [
    { name: 'an empty line list', claim: claim({ lines: [] }), findings: [{ path: '$.lines', severity: 'error' }] },
    { name: 'an inpatient claim without lines', claim: inpatientClaim(), findings: [{ path: '$.lines' }] },
  ],
});
