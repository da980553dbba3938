import { claim, testRule } from '../../helpers/rule-tester';

// FY2026 tabular: M54.1 Radiculopathy Excludes1 "neuralgia and neuritis NOS (M79.2)", "radiculopathy with
// cervical disc disorder (M50.1)", "(M51.1-)", "(M47.2-)" — the combination codes carry radiculopathy.
testRule('companion/radiculopathy-code', {
  valid: [
    { name: 'M54.13 coded', claim: claim({ diagnoses: ['M43.03', 'M54.13'], documentation: 'Radicular pain C8 distribution.' }) },
    { name: 'combination code M50.122 carries it', claim: claim({ diagnoses: ['M50.122'], documentation: 'Radiculopathy C5-C6.' }) },
    { name: 'combination code M47.26 carries it', claim: claim({ diagnoses: ['M47.26'], documentation: 'Lumbar radiculopathy L3-L4.' }) },
    { name: '"denies radicular pain"', claim: claim({ diagnoses: ['M43.03'], documentation: 'Denies radicular pain.' }) },
    { name: '"negative for radiculopathy"', claim: claim({ diagnoses: ['M43.03'], documentation: 'EMG negative for radiculopathy.' }) },
    { name: '"rule out radiculopathy"', claim: claim({ diagnoses: ['M43.03'], documentation: 'Rule out radiculopathy.' }) },
  ],
  invalid: [
    {
      name: 'seed: "radicular pain C8 distribution" with no radiculopathy code -> add M54.13',
      claim: claim({ diagnoses: ['M43.03'], documentation: 'CT: bilateral pars defect at C7-T1 without listhesis. Radicular pain C8 distribution.' }),
      findings: [{ path: '$.documentation', fix: { action: 'add', code: 'M54.13', includes: "M54.13 ('Radiculopathy, cervicothoracic region')" },
        messageIncludes: ['"Radicular pain C8"', 'M54.1-, M50.1-, M51.1-, M47.2-'] }],
    },
    {
      name: 'M79.2 on the claim: M54.1 Excludes1 names it, so the fix replaces M79.2',
      claim: claim({ diagnoses: ['M79.2'], documentation: 'Radiculopathy at C5-C6.' }),
      findings: [{ path: '$.diagnoses[0]', code: 'M79.2', fix: { action: 'replace', code: 'M54.12', replaces: 'M79.2' }, messageIncludes: ['neuralgia and neuritis NOS (M79.2)'] }],
    },
  ],
});
