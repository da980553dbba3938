import { testRule } from '../../helpers/rule-tester';
import { COMPLETE, fusionClaim, note } from './notes';

testRule('documentation/spine-imaging', {
  valid: [
    { name: 'complete note (CT named)', claim: fusionClaim(COMPLETE) },
    { name: 'MRI named', claim: fusionClaim(note({ imaging: 'MRI C-spine: bilateral foraminal stenosis at C7-T1.', listhesis: 'Alignment: no listhesis.' })) },
    { name: 'x-ray named', claim: fusionClaim(note({ imaging: 'Bilateral pars defect at C7-T1 on plain films.', listhesis: 'Alignment: no listhesis.' })) },
    { name: 'prior CT (historical) still documents it', claim: fusionClaim(note({ imaging: 'Prior CT showed a bilateral pars defect at C7-T1.', listhesis: 'Alignment: no listhesis.' })) },
    { name: 'not a fusion claim (99213)', claim: fusionClaim(note({ imaging: '', listhesis: '' }), { lines: [{ procedureCode: '99213', units: 1, charge: 100, diagnosisPointers: [1] }] }) },
    { name: 'no diagnosis in scope (S12.9XXA)', claim: fusionClaim(note({ imaging: '', listhesis: '' }), { diagnoses: ['S12.9XXA'] }) },
    { name: 'no chart text: spine-chart-missing speaks instead', claim: fusionClaim(undefined) },
  ],
  invalid: [
    {
      name: 'no imaging study named',
      claim: fusionClaim(note({ imaging: 'Bilateral pars interarticularis defect at C7-T1.', listhesis: 'Alignment: no listhesis.' })),
      findings: [{ path: '$.documentation', severity: 'warning', fix: { action: 'document', includes: 'CT C-spine' }, messageIncludes: ['names no imaging study', 'CT is the reference'] }],
    },
    {
      name: '"no MRI" (negated) does not document an imaging study',
      claim: fusionClaim(note({ imaging: 'Bilateral pars defect at C7-T1; no MRI yet.', listhesis: 'Alignment: no listhesis.' })),
      findings: [{ path: '$.documentation' }],
    },
    {
      name: '22552 add-on alone with M50.23',
      claim: fusionClaim(note({ imaging: 'Disc herniation at C7-T1.', listhesis: '' }), { diagnoses: ['M50.23'], lines: [{ procedureCode: '22552', units: 1, charge: 500, diagnosisPointers: [1] }] }),
      findings: [{ path: '$.documentation' }],
    },
  ],
});
