import { claim, testRule } from '../../helpers/rule-tester';

// ICD-10-CM FY2026 tabular (shared/domain/icd10cm/tabular-notes-fy2026.json): M43.0 Excludes1 "congenital
// spondylolysis (Q76.2)", M43.1 Excludes1 "congenital spondylolisthesis (Q76.2)"; Q76.2 inclusion term "Congenital spondylolysis".
testRule('documentation/congenital-spondylolysis', {
  valid: [
    { name: 'acquired (no congenital word)', claim: claim({ diagnoses: ['M43.03'], documentation: 'CT: bilateral pars defect at C7-T1.' }) },
    { name: 'coded Q76.2 already', claim: claim({ diagnoses: ['Q76.2'], documentation: 'Congenital spondylolysis at C7-T1.' }) },
    { name: '"no congenital anomaly" elsewhere', claim: claim({ diagnoses: ['M43.03'], documentation: 'Acquired spondylolysis at C7-T1; no congenital anomaly.' }) },
    { name: '"negative for congenital spondylolysis"', claim: claim({ diagnoses: ['M43.03'], documentation: 'Negative for congenital spondylolysis.' }) },
    { name: 'congenital fusion elsewhere, acquired pars defect', claim: claim({ diagnoses: ['M43.03'], documentation: 'Congenital fusion of C2-C3 vertebrae and bilateral pars defect at C7-T1.' }) },
    { name: 'no chart text', claim: claim({ diagnoses: ['M43.03'] }) },
  ],
  invalid: [
    {
      name: 'congenital spondylolysis at C7-T1 coded M43.03 -> Q76.2',
      claim: claim({ diagnoses: ['M43.03'], documentation: 'CT: congenital spondylolysis at C7-T1.' }),
      findings: [{ path: '$.diagnoses[0]', code: 'M43.03', severity: 'warning', fix: { action: 'replace', code: 'Q76.2' },
        messageIncludes: ['M43.0 Spondylolysis Excludes1: congenital spondylolysis (Q76.2)', "Q76.2 ('Congenital spondylolisthesis'"] }],
    },
    {
      name: '"spondylolisthesis, congenital" coded M43.13 -> Q76.2',
      claim: claim({ diagnoses: ['M43.13'], documentation: 'Grade 1 spondylolisthesis at C7-T1, congenital.' }),
      findings: [{ path: '$.diagnoses[0]', code: 'M43.13', fix: { action: 'replace', code: 'Q76.2' }, messageIncludes: ['M43.1 Spondylolisthesis Excludes1: congenital spondylolisthesis (Q76.2)'] }],
    },
    {
      name: 'FY2027 date (the notes are the same)',
      claim: claim({ serviceDate: '2026-11-02', diagnoses: ['M43.03'], documentation: 'Congenital bilateral pars defects at C7-T1.' }),
      findings: [{ path: '$.diagnoses[0]', fix: { action: 'replace', code: 'Q76.2' } }],
    },
  ],
});
