import { testRule } from '../../helpers/rule-tester';
import { COMPLETE, fusionClaim, note } from './notes';

testRule('documentation/spine-conservative-care', {
  valid: [
    { name: 'complete note ("Failed 12 weeks of physical therapy and NSAIDs")', claim: fusionClaim(COMPLETE) },
    { name: 'injections with duration', claim: fusionClaim(note({ conservative: 'Two epidural steroid injections over 3 months gave no lasting relief.' })) },
    { name: 'prior course (historical) with duration', claim: fusionClaim(note({ conservative: 'Prior physical therapy for 8 weeks, no improvement.' })) },
  ],
  invalid: [
    {
      name: 'no conservative treatment',
      claim: fusionClaim(note({ conservative: '' })),
      findings: [{ path: '$.documentation', severity: 'warning', fix: { action: 'document', includes: 'failed 12 weeks' }, messageIncludes: ['failure to respond to conservative management'] }],
    },
    {
      name: 'treatment without its duration',
      claim: fusionClaim(note({ conservative: 'Failed physical therapy and NSAIDs.' })),
      findings: [{ path: '$.documentation' }],
    },
    {
      name: '"no physical therapy" (negated)',
      claim: fusionClaim(note({ conservative: 'No physical therapy in the last 12 weeks.' })),
      findings: [{ path: '$.documentation' }],
    },
  ],
});
