import { testRule } from '../../helpers/rule-tester';
import { COMPLETE, fusionClaim, note } from './notes';

const noDuration = { symptoms: 'HPI: right arm pain in a C8 distribution, VAS 7/10, limiting work.', conservative: 'Failed physical therapy and NSAIDs.' };

testRule('documentation/spine-symptom-duration', {
  valid: [
    { name: 'complete note ("for 6 months")', claim: fusionClaim(COMPLETE) },
    { name: '"x 3 years"', claim: fusionClaim(note({ ...noDuration, symptoms: 'Neck and arm pain x 3 years.' })) },
  ],
  invalid: [
    {
      name: 'no duration',
      claim: fusionClaim(note(noDuration)),
      findings: [{ path: '$.documentation', severity: 'info', messageIncludes: ['no duration', '12 weeks'] }],
    },
  ],
});
