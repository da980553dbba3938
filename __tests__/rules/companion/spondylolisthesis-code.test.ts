import { claim, testRule } from '../../helpers/rule-tester';

// FY2026 tabular (shared/domain/icd10cm/tabular-notes-fy2026.json): M43.0 Spondylolysis Excludes1
// "spondylolisthesis (M43.1)" — so M43.13 cannot simply be added next to M43.03.
testRule('companion/spondylolisthesis-code', {
  valid: [
    { name: 'seed: M43.03 + "without listhesis"', claim: claim({ diagnoses: ['M43.03'], documentation: 'CT: bilateral pars defect at C7-T1 without listhesis.' }) },
    { name: 'slip coded (M43.13)', claim: claim({ diagnoses: ['M43.13'], documentation: 'Grade 1 anterolisthesis C7 on T1.' }) },
    { name: 'congenital spondylolisthesis coded (Q76.2)', claim: claim({ diagnoses: ['Q76.2'], documentation: 'Spondylolisthesis L5-S1.' }) },
    { name: 'possible slip (uncertain)', claim: claim({ diagnoses: ['M48.061'], documentation: 'Possible slip at L4-L5.' }) },
    { name: '"slipped disc" is not a spondylolisthesis', claim: claim({ diagnoses: ['M51.26'], documentation: 'Slipped disc at L4-L5.' }) },
    { name: 'no chart text', claim: claim({ diagnoses: ['M43.03'] }) },
  ],
  invalid: [
    {
      name: 'seed: M43.03 + "grade 1 anterolisthesis C7 on T1", no M43.1-: replace by M43.13 with the Excludes1 explanation',
      claim: claim({ diagnoses: ['M43.03'], documentation: 'CT: pars defect at C7-T1. Grade 1 anterolisthesis C7 on T1.' }),
      findings: [{ path: '$.diagnoses[0]', code: 'M43.03', fix: { action: 'replace', code: 'M43.13', replaces: 'M43.03', includes: 'I.A.12.a' },
        messageIncludes: ['"anterolisthesis C7 on T1"', "M43.0 'Spondylolysis' Excludes1: \"spondylolisthesis (M43.1)\" (FY2026 tabular)", 'unless the two conditions are unrelated'] }],
    },
    {
      name: 'slip with no conflicting code: add M43.16',
      claim: claim({ diagnoses: ['M48.061'], documentation: 'Grade 1 spondylolisthesis L4-L5 with stenosis.' }),
      findings: [{ path: '$.documentation', fix: { action: 'add', code: 'M43.16' }, messageIncludes: ['"spondylolisthesis L4-L5"'] }],
    },
    {
      name: 'slip without a level: add, no code guessed',
      claim: claim({ diagnoses: ['M48.061'], documentation: 'Listhesis noted.' }),
      findings: [{ path: '$.documentation', fix: { action: 'add', includes: 'the chart names no level or region' } }],
    },
  ],
});
