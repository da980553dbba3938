import { claim, testRule } from '../../helpers/rule-tester';

testRule('validity/icd9-after-transition', {
  valid: [
    { name: 'ICD-10-CM codes', claim: claim({ diagnoses: ['M43.03'] }) },
    { name: 'an ICD-9 date (before 2015-10-01) is not this rule\'s', claim: claim({ serviceDate: '2015-09-30', diagnoses: ['722.0'] }) },
    { name: 'an ICD-10 V-code that looks like ICD-9', claim: claim({ diagnoses: ['V00.01XA'] }) },
  ],
  invalid: [
    {
      name: 'numeric 722.0 (dotted) and 7220 (undotted)',
      claim: claim({ diagnoses: ['M43.03', '722.0', '7244'] }),
      findings: [
        { path: '$.diagnoses[1]', code: '722.0', severity: 'error', fix: { action: 'replace' }, messageIncludes: ['ICD-9-CM', '2026-01-15'] },
        { path: '$.diagnoses[2]', code: '724.4' },
      ],
    },
    {
      name: 'a V-code marked ICD-9-CM, on the first ICD-10 day',
      claim: claim({ serviceDate: '2015-10-01', diagnoses: [{ code: 'V72.31', system: 'ICD-9-CM' }] }),
      findings: [{ path: '$.diagnoses[0]', code: 'V72.31' }],
    },
    {
      name: 'an ICD-9 E-code',
      claim: claim({ diagnoses: ['E849.7'] }),
      findings: [{ path: '$.diagnoses[0]', code: 'E849.7' }],
    },
  ],
});
