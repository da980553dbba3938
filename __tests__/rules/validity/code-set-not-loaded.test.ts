import { claim, testRule } from '../../helpers/rule-tester';

// The shipped code sets cover FY2025-FY2027: 2024-10-01 to 2027-09-30.
testRule('validity/code-set-not-loaded', {
  valid: [
    { name: 'first day of FY2025', claim: claim({ serviceDate: '2024-10-01' }) },
    { name: 'last day of FY2027', claim: claim({ serviceDate: '2027-09-30' }) },
  ],
  invalid: [
    {
      name: 'the day before FY2025',
      claim: claim({ serviceDate: '2024-09-30' }),
      findings: [{ path: '$.serviceDate', severity: 'error', fix: { action: 'review' }, messageIncludes: ['2024-09-30', 'cannot be judged', 'ICD-10-CM FY2025 (2024-10-01 to 2025-09-30)'] }],
    },
    {
      name: 'FY2028, not loaded',
      claim: claim({ serviceDate: '2027-10-01' }),
      findings: [{ path: '$.serviceDate', messageIncludes: ['2027-10-01'] }],
    },
    {
      name: 'an ICD-9-era date says so',
      claim: claim({ serviceDate: '2014-06-01', diagnoses: ['722.0'] }),
      findings: [{ path: '$.serviceDate', messageIncludes: ['ICD-9-CM'] }],
    },
    {
      name: 'an undated professional claim is judged by its first line date',
      claim: claim({ serviceDate: undefined, lines: [{ procedureCode: '99213', serviceDate: '2030-01-02' }, { procedureCode: '99213', serviceDate: '2029-01-02' }] }),
      findings: [{ path: '$.lines[1].serviceDate', messageIncludes: ['2029-01-02'] }],
    },
  ],
});
