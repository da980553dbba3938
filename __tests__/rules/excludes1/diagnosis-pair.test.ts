import { claim, testRule } from '../../helpers/rule-tester';

// Values from shared/domain/icd10cm: tabular-notes-fy2026.json (M54.1 Excludes1 "radiculopathy with
// cervical disc disorder (M50.1)"; M43.0 Excludes1 "spondylolisthesis (M43.1)"; M41's FY2021 Excludes1
// "(M96.-)" is an Excludes2 "(M96.89)" in FY2026) and excludes1-fy2027.csv (G99.2 "spondylosis (M47.0-,
// M47.1-)"; G54.5 "(E08-E13 with .44)"; Block A15-A19 "congenital tuberculosis (P37.0)"; Chapter 4
// "(P70-P74)"). Codes from codes-fy2026.tsv / codes-fy2027.tsv.
testRule('excludes1/diagnosis-pair', {
  valid: [
    { name: 'M43.03 alone', claim: claim({ diagnoses: ['M43.03'] }) },
    { name: 'M43.03 + M54.13: no Excludes1 between them', claim: claim({ diagnoses: ['M43.03', 'M54.13'] }) },
    { name: 'two codes under the same note node (M43.03 + M43.06)', claim: claim({ diagnoses: ['M43.03', 'M43.06'] }) },
    { name: 'the same code twice', claim: claim({ diagnoses: ['M43.03', 'M43.03'] }) },
    { name: 'M41.20 + M96.89: Excludes1 only in the stale FY2021 file (Excludes2 in FY2026)', claim: claim({ diagnoses: ['M41.20', 'M96.89'] }) },
    { name: 'M54.12 + M50.121 on 2024-09-30: before FY2025 the rule is not in force (no Excludes1 data)', claim: claim({ serviceDate: '2024-09-30', diagnoses: ['M54.12', 'M50.121'] }) },
    // Tabular order (rules/data/icd10cm-tabular-order.json): block D3A precedes D37-D48; Y93.8 and Y93.9 follow Y93.K.
    { name: 'D3A.00 + D49.0: the D37-D48 block note "(D49.-)" does not reach D3A (tabular order)', claim: claim({ serviceDate: '2026-11-02', diagnoses: ['D3A.00', 'D49.0'] }) },
    { name: 'Y93.89 + Y93.B9: "Y93.0-Y93.A" does not reach Y93.89 (tabular order)', claim: claim({ serviceDate: '2026-11-02', diagnoses: ['Y93.89', 'Y93.B9'] }) },
    { name: 'S23.0XXA + M51.A4: "M51.- with fifth character 4" follows the note\'s "thoracic"', claim: claim({ serviceDate: '2026-11-02', diagnoses: ['S23.0XXA', 'M51.A4'] }) },
    { name: 'E55.9 + M43.03: unrelated chapters, no note', claim: claim({ serviceDate: '2026-11-02', diagnoses: ['E55.9', 'M43.03'] }) },
  ],
  invalid: [
    {
      name: 'D47.1 + D49.0: the D37-D48 block note still applies inside the block',
      claim: claim({ serviceDate: '2026-11-02', diagnoses: ['D47.1', 'D49.0'] }),
      findings: [{ path: '$.diagnoses[0]', code: 'D47.1', messageIncludes: ['Block D37-D48'] }],
    },
    {
      name: 'Y93.A1 + Y93.B9: inside "Y93.0-Y93.A"',
      claim: claim({ serviceDate: '2026-11-02', diagnoses: ['Y93.A1', 'Y93.B9'] }),
      findings: [{ path: '$.diagnoses[1]', code: 'Y93.B9', messageIncludes: ['Y93.0-Y93.A'] }],
    },
    {
      name: 'S23.0XXA + M51.24 (thoracic): the qualified reference holds it',
      claim: claim({ serviceDate: '2026-11-02', diagnoses: ['S23.0XXA', 'M51.24'] }),
      findings: [{ path: '$.diagnoses[0]', code: 'S23.0XXA', messageIncludes: ['fifth character 4'] }],
    },
    {
      name: 'E09.9 + E11.9 on 2025-06-15 (FY2025): the FY2027 line stands in, and the finding says so',
      claim: claim({ serviceDate: '2025-06-15', diagnoses: ['E09.9', 'E11.9'] }),
      findings: [{ path: '$.diagnoses[0]', code: 'E09.9', messageIncludes: ['FY2027 tabular; FY2025 text not available'] }],
    },
    {
      name: 'seed: M54.12 + M50.121 (FY2026, note at M54.1, verbatim FY2026)',
      claim: claim({ diagnoses: ['M54.12', 'M50.121'] }),
      findings: [{ path: '$.diagnoses[0]', code: 'M54.12', severity: 'warning', fix: { action: 'review', includes: 'I.A.12.a' },
        messageIncludes: ["M54.1 'Radiculopathy' Excludes1: \"radiculopathy with cervical disc disorder (M50.1)\" (FY2026 tabular)", 'M50.121', 'unrelated'] }],
    },
    {
      name: 'M43.03 + M43.13 at the same level: M43.0 Excludes1 names M43.1 (a header: covers M43.13)',
      claim: claim({ diagnoses: ['M43.03', 'M43.13'] }),
      findings: [{ path: '$.diagnoses[0]', code: 'M43.03', messageIncludes: ['spondylolisthesis (M43.1)', 'M43.13'] }],
    },
    {
      name: 'reported at the code whose note it is, whatever the order',
      claim: claim({ diagnoses: ['M43.13', 'M43.03'] }),
      findings: [{ path: '$.diagnoses[1]', code: 'M43.03' }],
    },
    {
      name: 'FY2026 date outside the FY2026 excerpt: the FY2027 line applies and the finding says so',
      claim: claim({ diagnoses: ['G99.2', 'M47.12'] }),
      findings: [{ path: '$.diagnoses[0]', code: 'G99.2', messageIncludes: ['spondylosis (M47.0-, M47.1-)', 'FY2027 tabular; FY2026 text not available'] }],
    },
    {
      name: 'the same pair on an FY2027 date cites the FY2027 tabular',
      claim: claim({ serviceDate: '2026-10-15', diagnoses: ['M47.12', 'G99.2'] }),
      findings: [{ path: '$.diagnoses[1]', code: 'G99.2', messageIncludes: ['(FY2027 tabular)'] }],
    },
    {
      name: 'qualified reference expanded: G54.5 + E11.44 ("E08-E13 with .44")',
      claim: claim({ serviceDate: '2026-10-15', diagnoses: ['E11.44', 'G54.5'] }),
      findings: [{ path: '$.diagnoses[1]', code: 'G54.5', messageIncludes: ['E08-E13 with .44'] }],
    },
    {
      name: 'block-level note: Block A15-A19 excludes congenital tuberculosis (P37.0)',
      claim: claim({ serviceDate: '2026-10-15', diagnoses: ['A15.0', 'P37.0'] }),
      findings: [{ path: '$.diagnoses[0]', code: 'A15.0', messageIncludes: ['Block A15-A19', 'congenital tuberculosis (P37.0)'] }],
    },
    {
      name: 'chapter-level note: Chapter 4 excludes P70-P74',
      claim: claim({ serviceDate: '2026-10-15', diagnoses: ['E55.9', 'P71.1'] }),
      findings: [{ path: '$.diagnoses[0]', code: 'E55.9', messageIncludes: ['Chapter 4 (E00-E89)'] }],
    },
    {
      name: 'one finding per pair: three codes, two pairs',
      claim: claim({ diagnoses: ['M54.12', 'M50.121', 'M43.03', 'M43.13'] }),
      findings: [{ path: '$.diagnoses[0]', code: 'M54.12' }, { path: '$.diagnoses[2]', code: 'M43.03' }],
    },
  ],
});
