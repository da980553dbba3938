import { claim, testRule } from '../../helpers/rule-tester';

// Values from shared/domain/icd10cm: S23.420A is billable in FY2026 and deleted in FY2027
// (fy2027-changes/deleted.csv); D69.11 is added in FY2027 (added.csv); S30.1XXA is billable in
// FY2025 and absent from FY2026; E11.A is new in FY2026.
testRule('validity/code-not-in-code-set', {
  valid: [
    { name: 'a billable FY2026 code on a FY2026 date', claim: claim({ diagnoses: ['M43.03', 'M54.12'] }) },
    { name: 'S23.420A on 2026-09-30, the last day of FY2026', claim: claim({ serviceDate: '2026-09-30', diagnoses: ['S23.420A'] }) },
    { name: 'D69.11 on 2026-10-01, the first day of FY2027', claim: claim({ serviceDate: '2026-10-01', diagnoses: ['D69.11'] }) },
    { name: 'S30.1XXA on 2025-09-30 (FY2025)', claim: claim({ serviceDate: '2025-09-30', diagnoses: ['S30.1XXA'] }) },
    { name: 'a header is not "absent" (validity/header-code judges it)', claim: claim({ diagnoses: ['M43.0'] }) },
    { name: 'no code set for the date: cannot tell, so no finding here', claim: claim({ serviceDate: '2023-05-01', diagnoses: ['M99.99'] }) },
    { name: 'an ICD-9 code is left to validity/icd9-after-transition', claim: claim({ diagnoses: ['722.0'] }) },
    { name: 'the institutional discharge date picks the code set', claim: claim({ type: 'institutional', serviceDate: '2026-09-28', dischargeDate: '2026-10-02', diagnoses: ['D69.11'] }) },
  ],
  invalid: [
    {
      name: 'S23.420A on 2026-10-01, deleted in FY2027',
      claim: claim({ serviceDate: '2026-10-01', diagnoses: ['M43.03', 'S23.420A'] }),
      findings: [{ path: '$.diagnoses[1]', code: 'S23.420A', severity: 'error', fix: { action: 'replace', replaces: 'S23.420A' },
        messageIncludes: ['ICD-10-CM FY2027', '2026-10-01', 'billable FY2016 to FY2026'] }],
    },
    {
      name: 'D69.11 on 2026-09-30, before FY2027 added it',
      claim: claim({ serviceDate: '2026-09-30', diagnoses: ['D69.11'] }),
      findings: [{ path: '$.diagnoses[0]', code: 'D69.11', messageIncludes: ['ICD-10-CM FY2026', 'ICD-10-CM FY2027 (from 2026-10-01)'] }],
    },
    {
      name: 'S30.1XXA on 2025-10-01, gone in FY2026',
      claim: claim({ serviceDate: '2025-10-01', diagnoses: ['S30.1XXA'] }),
      findings: [{ path: '$.diagnoses[0]', code: 'S30.1XXA', messageIncludes: ['ICD-10-CM FY2026'] }],
    },
    {
      name: 'E11.A on a FY2025 date, new in FY2026',
      claim: claim({ serviceDate: '2025-01-10', diagnoses: ['E11.A'] }),
      findings: [{ path: '$.diagnoses[0]', code: 'E11.A', messageIncludes: ['ICD-10-CM FY2025', 'a billable code in ICD-10-CM FY2026'] }],
    },
    {
      name: 'a code that exists in no fiscal year, undotted input normalized',
      claim: claim({ diagnoses: ['M4399'] }),
      findings: [{ path: '$.diagnoses[0]', code: 'M43.99', messageIncludes: ['not in any loaded ICD-10-CM code set'] }],
    },
    {
      name: '--as-of moves the judging date (what-if)',
      claim: claim({ serviceDate: '2026-09-30', diagnoses: ['S23.420A'] }),
      options: { asOf: '2026-10-01' },
      findings: [{ path: '$.diagnoses[0]', code: 'S23.420A' }],
    },
  ],
});
