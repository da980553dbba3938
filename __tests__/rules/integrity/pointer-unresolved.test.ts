import { claim, testRule } from '../../helpers/rule-tester';

testRule('integrity/pointer-unresolved', {
  valid: [{ name: 'pointers 1 and 2 of two diagnoses', claim: claim({ diagnoses: ['M43.03', 'M54.13'], lines: [{ procedureCode: '22551', units: 1, charge: 100, diagnosisPointers: [1, 2] }] }) }],
  invalid: [{
    name: 'pointer 3 of two diagnoses: the claim is scrubbed, the finding is on the line',
    claim: claim({ diagnoses: ['M43.03', 'M54.13'], lines: [{ procedureCode: '22551', units: 1, charge: 100, diagnosisPointers: [1, 3] }] }),
    findings: [{ path: '$.lines[0].diagnosisPointers[1]', messageIncludes: ['Line 1 (22551)', 'diagnosis 3', 'only 2'] }],
  }],
});
