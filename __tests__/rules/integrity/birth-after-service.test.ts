import { claim, inpatientClaim, testRule } from '../../helpers/rule-tester';

testRule('integrity/birth-after-service', {
  valid: [
    { name: 'born before the service', claim: claim({ patient: { birthDate: '1961-04-02', sex: 'F' } }) },
    { name: 'a newborn discharged the day of birth', claim: inpatientClaim({ patient: { birthDate: '2026-01-15', sex: 'M' }, admissionDate: '2026-01-15' }) },
  ],
  invalid: [{ name: 'born after the date of service', claim: claim({ patient: { birthDate: '2026-02-01', sex: 'F' } }), findings: [{ path: '$.patient.birthDate', messageIncludes: ['2026-02-01', '2026-01-15'] }] }],
});
