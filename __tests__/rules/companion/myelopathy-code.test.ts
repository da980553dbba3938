import { claim, testRule } from '../../helpers/rule-tester';

testRule('companion/myelopathy-code', {
  valid: [
    { name: 'seed: "no myelopathy"', claim: claim({ diagnoses: ['M43.03'], documentation: 'No myelopathy. Pars defect at C7-T1.' }) },
    { name: '"without myelopathy"', claim: claim({ diagnoses: ['M48.02'], documentation: 'Cervical stenosis without myelopathy.' }) },
    { name: '"myelopathy versus neuropathy" (uncertain)', claim: claim({ diagnoses: ['M48.02'], documentation: 'Myelopathy versus peripheral neuropathy.' }) },
    { name: 'M47.12 carries it', claim: claim({ diagnoses: ['M47.12'], documentation: 'Spondylotic myelopathy C5-C6.' }) },
    { name: 'G95.20 carries it', claim: claim({ diagnoses: ['G95.20'], documentation: 'Cord compression at T8.' }) },
  ],
  invalid: [
    {
      name: 'spondylosis with myelopathy at C5-C6 -> M47.12',
      claim: claim({ diagnoses: ['M48.02'], documentation: 'Cervical spondylosis with myelopathy at C5-C6.' }),
      findings: [{ path: '$.documentation', fix: { action: 'add', code: 'M47.12' } }],
    },
    {
      name: 'cord compression without a stated cause: add, no code guessed',
      claim: claim({ diagnoses: ['M48.02'], documentation: 'MRI: cord compression at C5-C6.' }),
      findings: [{ path: '$.documentation', fix: { action: 'add', includes: 'needs documented spondylosis' }, messageIncludes: ['"cord compression at C5-C6"'] }],
    },
  ],
});
