import { testRule } from '../../helpers/rule-tester';
import { COMPLETE, fusionClaim, note } from './notes';

const noNeuro = { exam: '', assessment: 'Assessment: bilateral C7-T1 spondylolysis.' };

testRule('documentation/spine-neurological-findings', {
  valid: [
    { name: 'complete note', claim: fusionClaim(COMPLETE) },
    { name: 'negated findings document the exam ("No radiculopathy or myelopathy")', claim: fusionClaim(note({ ...noNeuro, exam: 'No radiculopathy or myelopathy.' })) },
    { name: 'exam only ("neurologically intact")', claim: fusionClaim(note({ ...noNeuro, exam: 'Exam: neurologically intact.' })) },
  ],
  invalid: [
    {
      name: 'no neurological finding',
      claim: fusionClaim(note(noNeuro)),
      findings: [{ path: '$.documentation', severity: 'warning', messageIncludes: ['no neurological finding', 'isolated axial neck pain'] }],
    },
    {
      name: 'only the mother\'s myelopathy',
      claim: fusionClaim(note({ ...noNeuro, exam: 'Mother has cervical myelopathy.' })),
      findings: [{ path: '$.documentation' }],
    },
    {
      name: 'only "return if symptoms of myelopathy develop" (hypothetical)',
      claim: fusionClaim(note({ ...noNeuro, exam: 'Return if symptoms of myelopathy develop.' })),
      findings: [{ path: '$.documentation' }],
    },
  ],
});
