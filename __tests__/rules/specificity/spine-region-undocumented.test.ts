import { claim, testRule } from '../../helpers/rule-tester';

testRule('specificity/spine-region-undocumented', {
  valid: [
    { name: 'a specific region (M43.03)', claim: claim({ diagnoses: ['M43.03'] }) },
    { name: 'M43.00 and the chart names the level (the spine-region rule replaces it)', claim: claim({ diagnoses: ['M43.00'], documentation: 'Pars defect at C7-T1.' }) },
    { name: 'M54.10 and radiculopathy at L4-L5', claim: claim({ diagnoses: ['M54.10'], documentation: 'Radiculopathy L4-L5.' }) },
  ],
  invalid: [
    {
      name: 'M43.00 with no chart text: asks, guesses no code',
      claim: claim({ diagnoses: ['M43.00'] }),
      findings: [{ path: '$.diagnoses[0]', code: 'M43.00', severity: 'info', fix: { action: 'document', includes: 'M43.03 (' }, messageIncludes: ['the claim carries no chart text'] }],
    },
    {
      name: 'M54.10 and radiculopathy without a level',
      claim: claim({ diagnoses: ['M54.10'], documentation: 'Radiculopathy, left arm.' }),
      findings: [{ path: '$.diagnoses[0]', messageIncludes: ['without a level or region'] }],
    },
    {
      name: 'M50.120 (mid-cervical, level unspecified) and "cervical radiculopathy" without a level',
      claim: claim({ diagnoses: ['M50.120'], documentation: 'Cervical radiculopathy.' }),
      findings: [{ path: '$.diagnoses[0]', fix: { includes: 'M50.122' } }],
    },
  ],
});
