import { claim, scrubWithRule, testRule } from '../../helpers/rule-tester';

const RULE = 'medical-necessity/lcd-diagnosis-support';
// A59668 v25 is in force from 2024-08-11 (CMS data); 22551/22552 are its verified scope.
const fusion = (diagnoses: readonly string[], overrides: Record<string, unknown> = {}) => claim({
  diagnoses, lines: [{ procedureCode: '22551', units: 1, charge: 1604.91, diagnosisPointers: diagnoses.map((_, i) => i + 1) }], ...overrides,
});

testRule(RULE, {
  valid: [
    { name: 'M43.03 + M54.13 (indication 1, radiculopathy)', claim: fusion(['M43.03', 'M54.13']) },
    { name: 'M43.03 + M43.13 (indication 3, instability)', claim: fusion(['M43.03', 'M43.13']) },
    { name: 'M43.03 + M47.13 (indication 2, myelopathy)', claim: fusion(['M43.03', 'M47.13']) },
    { name: 'M50.121 alone (cervical disc with radiculopathy)', claim: fusion(['M50.121']) },
    { name: 'no pointers: the claim\'s diagnoses count', claim: claim({ diagnoses: ['M43.03', 'M54.12'], lines: [{ procedureCode: '22551' }] }) },
    { name: 'commercial payer', claim: fusion(['M43.03'], { payer: { id: 'ACME', type: 'commercial' } }) },
    { name: 'no payer', claim: fusion(['M43.03'], { payer: undefined }) },
    { name: 'the day before A59668 v25 is in force', claim: fusion(['M43.03'], { serviceDate: '2024-08-10' }) },
    { name: '22554 is listed but unverified: out of scope', claim: claim({ diagnoses: ['M43.03'], lines: [{ procedureCode: '22554', diagnosisPointers: [1] }] }) },
    { name: 'an E/M visit is out of scope', claim: claim({ diagnoses: ['M43.03'] }) },
  ],
  invalid: [
    {
      name: 'M43.03 alone on 22551',
      claim: fusion(['M43.03']),
      findings: [{
        path: '$.lines[0].procedureCode', code: '22551', severity: 'error', fix: { action: 'add', includes: 'LCD L39793' },
        messageIncludes: ['A59668 v25', 'LCD L39793 v47', 'M43.03 (Spondylolysis, cervicothoracic region)', 'group 1 "LCD indication 1', 'group 3', 'DERIVED'],
      }],
    },
    { name: 'first day in force (2024-08-11)', claim: fusion(['M43.03'], { serviceDate: '2024-08-11' }), findings: [{ path: '$.lines[0].procedureCode' }] },
    {
      name: 'line level: the fusion line points only to M43.03 although M54.13 is on the claim',
      claim: claim({ diagnoses: ['M43.03', 'M54.13'], lines: [{ procedureCode: '99213', diagnosisPointers: [2] }, { procedureCode: '22551', diagnosisPointers: [1] }] }),
      findings: [{ path: '$.lines[1].procedureCode', messageIncludes: ['the diagnoses this line points to'] }],
    },
    {
      name: 'add-on 22552 is judged too, by its own line date',
      claim: claim({ serviceDate: undefined, diagnoses: ['M43.03'], lines: [{ procedureCode: '22552', serviceDate: '2026-02-03', diagnosisPointers: [1] }] }),
      findings: [{ path: '$.lines[0].procedureCode', code: '22552' }],
    },
  ],
});

describe(`${RULE}: denial and sources`, () => {
  it('carries CO-50 + N115 and cites the article, the LCD, the mapping and the derivation', async () => {
    const [finding] = (await scrubWithRule(RULE, fusion(['M43.03']))).findings;
    expect(finding.denial).toMatchObject({ group: 'CO', carc: '50', rarc: ['N115'] });
    const titles = finding.sources.map((s) => s.title);
    expect(titles).toEqual(expect.arrayContaining([
      expect.stringContaining('A59668 Billing and Coding: Cervical Fusion'),
      expect.stringContaining('LCD L39793'),
      expect.stringContaining('Medical Necessity/No Payable Diagnosis'),
      expect.stringContaining('derived diagnosis groups'),
    ]));
    expect(finding.evidence).toEqual([{ path: '$.lines[0].procedureCode', code: '22551' }, { path: '$.diagnoses[0]', code: 'M43.03' }]);
  });
});
