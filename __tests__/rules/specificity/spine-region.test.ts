import { claim, testRule } from '../../helpers/rule-tester';

// Codes and titles from shared/domain/icd10cm/codes-fy2026.tsv (and -fy2027.tsv): M43.00-M43.09,
// M54.10-M54.18 (no M54.19), M47.10-M47.16 (no M47.17), M48.06 a header (M48.061 / M48.062),
// M50.120-M50.123, M50.13.
const doc = (documentation: unknown, diagnoses: string[], extra: Record<string, unknown> = {}) => claim({ documentation, diagnoses, ...extra });

testRule('specificity/spine-region', {
  valid: [
    { name: 'M43.03 and the chart says C7-T1', claim: doc('CT: bilateral pars defect at C7-T1 without listhesis.', ['M43.03']) },
    { name: 'M43.00 without chart text (the undocumented rule asks instead)', claim: claim({ diagnoses: ['M43.00'] }) },
    { name: 'M43.00, defect negated ("no pars defect at C7-T1")', claim: doc('No pars defect at C7-T1.', ['M43.00']) },
    { name: 'M43.00, defect uncertain ("possible pars defect at C7-T1")', claim: doc('Possible pars defect at C7-T1.', ['M43.00']) },
    { name: 'M43.03 and the chart documents only a slip at C7-T1 (no spondylolysis words)', claim: doc('Grade 1 anterolisthesis C7 on T1.', ['M43.03']) },
    { name: 'M48.061 (under the header M48.06) and stenosis at L4-L5', claim: doc('Spinal stenosis at L4-L5.', ['M48.061']) },
    { name: 'two regions in one sentence, each coded', claim: doc('Pars defects at C5-C6 and C7-T1.', ['M43.02', 'M43.03']) },
    { name: 'M54.12 and radiculopathy at C5-C6', claim: doc('Cervical radiculopathy, C5-C6.', ['M54.12']) },
    { name: 'an MRI "T2 signal" is not a thoracic level', claim: doc('Myelopathy with T2 signal change at C5-C6.', ['M47.12']) },
  ],
  invalid: [
    {
      name: 'seed: M43.00 + "pars defect at C7-T1" -> M43.03',
      claim: doc('CT: bilateral pars defect at C7-T1 without listhesis.', ['M43.00']),
      findings: [{ path: '$.diagnoses[0]', code: 'M43.00', fix: { action: 'replace', code: 'M43.03', replaces: 'M43.00', includes: "M43.03 ('Spondylolysis, cervicothoracic region')" },
        messageIncludes: ["'Spondylolysis, site unspecified'", 'does not say the region', 'cervicothoracic region ("pars defect at C7-T1")'] }],
    },
    {
      name: 'seed: M43.02 + "C7-T1" -> M43.03 (region contradicts the chart)',
      claim: doc('CT: bilateral pars defect at C7-T1 without listhesis. Radicular pain C8 distribution.', ['M43.02']),
      findings: [{ path: '$.diagnoses[0]', code: 'M43.02', fix: { code: 'M43.03', replaces: 'M43.02' }, messageIncludes: ['names another region'] }],
    },
    {
      name: 'level written C7–T1 (en dash) and C7/T1',
      claim: doc('Pars defect C7–T1. Listhesis C7/T1.', ['M43.00', 'M43.10']),
      findings: [{ path: '$.diagnoses[0]', fix: { code: 'M43.03' } }, { path: '$.diagnoses[1]', fix: { code: 'M43.13' } }],
    },
    {
      name: '"cervicothoracic junction" names the region',
      claim: doc('Spondylolysis at the cervicothoracic junction.', ['M43.00']),
      findings: [{ path: '$.diagnoses[0]', fix: { code: 'M43.03' } }],
    },
    {
      name: 'M54.10 + "radicular pain C8 distribution" -> M54.13',
      claim: doc('Radicular pain C8 distribution.', ['M54.10']),
      findings: [{ path: '$.diagnoses[0]', fix: { code: 'M54.13' }, messageIncludes: ['"Radicular pain C8"'] }],
    },
    {
      name: 'L5-S1 is lumbosacral: M54.16 -> M54.17',
      claim: doc('Radiculopathy at L5-S1.', ['M54.16']),
      findings: [{ path: '$.diagnoses[0]', fix: { code: 'M54.17' } }],
    },
    {
      name: 'M48.00 + stenosis L4-L5: M48.06 is a header, the fix lists its children and names no code',
      claim: doc('Severe spinal stenosis L4-5.', ['M48.00']),
      findings: [{ path: '$.diagnoses[0]', fix: { action: 'replace', includes: 'M48.061' }, messageIncludes: ['one of M48.061', 'M48.062'] }],
    },
    {
      name: 'M47.10 + myelopathy at L5-S1: M47.1- has no lumbosacral code, none is invented',
      claim: doc('Spondylotic myelopathy at L5-S1.', ['M47.10']),
      findings: [{ path: '$.diagnoses[0]', messageIncludes: ['has no M47.1- code for the lumbosacral region'] }],
    },
    {
      name: 'M50.10 + C5-C6 -> M50.122 (cervical level scheme)',
      claim: doc('Disc herniation with radiculopathy at C5-C6.', ['M50.10']),
      findings: [{ path: '$.diagnoses[0]', fix: { code: 'M50.122' } }],
    },
    {
      name: 'several regions in one sentence and the family has a multiple-sites code: M43.09',
      claim: doc('Pars defects at L4-L5 and C7-T1.', ['M43.00']),
      findings: [{ path: '$.diagnoses[0]', fix: { code: 'M43.09' } }],
    },
    {
      name: 'documentation in sections: the evidence names the section path',
      claim: doc([{ section: 'history', text: 'Neck pain.' }, { section: 'imaging', text: 'Pars defect at C7-T1.' }], ['M43.00']),
      findings: [{ path: '$.diagnoses[0]', fix: { code: 'M43.03' } }],
    },
    {
      name: 'FY2027 date: looked up in the FY2027 code set',
      claim: doc('Radicular pain C8 distribution.', ['M54.12'], { serviceDate: '2026-11-02' }),
      findings: [{ path: '$.diagnoses[0]', fix: { code: 'M54.13', includes: 'ICD-10-CM FY2027' } }],
    },
  ],
});
