import { testRule } from '../../helpers/rule-tester';
import { COMPLETE, fusionClaim, note } from './notes';

const noSide = { imaging: 'CT C-spine: pars interarticularis defect at C7-T1.', assessment: 'Assessment: C7-T1 spondylolysis with C8 radiculopathy.' };

testRule('documentation/spine-pars-laterality', {
  valid: [
    { name: 'complete note (bilateral)', claim: fusionClaim(COMPLETE) },
    { name: 'unilateral, left', claim: fusionClaim(note({ ...noSide, imaging: 'CT C-spine: left pars defect at C7-T1, unilateral.' })) },
    { name: 'not spondylolysis (M50.23): laterality of a pars defect not asked', claim: fusionClaim(note(noSide), { diagnoses: ['M50.23'] }) },
  ],
  invalid: [
    {
      name: 'pars defect without side',
      claim: fusionClaim(note(noSide)),
      findings: [{ path: '$.documentation', severity: 'info', fix: { action: 'document' }, messageIncludes: ['unilateral or bilateral'] }],
    },
  ],
});
