import { testRule } from '../../helpers/rule-tester';
import { COMPLETE, fusionClaim, note } from './notes';

testRule('documentation/spine-listhesis-status', {
  valid: [
    { name: 'complete note ("Alignment: no listhesis")', claim: fusionClaim(COMPLETE) },
    { name: 'structured "Listhesis: none"', claim: fusionClaim(note({ listhesis: 'Listhesis: none.' })) },
    { name: 'present: grade 1 anterolisthesis', claim: fusionClaim(note({ listhesis: 'Grade 1 anterolisthesis of C7 on T1, 2 mm.' })) },
  ],
  invalid: [
    {
      name: 'not said',
      claim: fusionClaim(note({ listhesis: '' })),
      findings: [{ path: '$.documentation', severity: 'info', messageIncludes: ['present or absent'] }],
    },
    {
      name: 'only a family member\'s spondylolisthesis',
      claim: fusionClaim(note({ listhesis: 'Family history of spondylolisthesis in her mother.' })),
      findings: [{ path: '$.documentation' }],
    },
    {
      name: 'only hypothetical',
      claim: fusionClaim(note({ listhesis: 'Repeat films if listhesis develops.' })),
      findings: [{ path: '$.documentation' }],
    },
  ],
});
