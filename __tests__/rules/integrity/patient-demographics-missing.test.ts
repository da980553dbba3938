import { claim, testRule } from '../../helpers/rule-tester';

testRule('integrity/patient-demographics-missing', {
  valid: [
    { name: 'birth date and sex', claim: claim({ patient: { birthDate: '1961-04-02', sex: 'F' } }) },
    { name: 'sex U is a valid code', claim: claim({ patient: { birthDate: '1961-04-02', sex: 'U' } }) },
  ],
  invalid: [
    { name: 'no patient at all: one finding per field', claim: claim(), findings: [{ path: '$.patient.birthDate', messageIncludes: ['patient.birthDate'] }, { path: '$.patient.sex' }] },
    { name: 'no sex', claim: claim({ patient: { birthDate: '1961-04-02' } }), findings: [{ path: '$.patient.sex', fix: { action: 'add', includes: 'patient.sex' } }] },
  ],
});
