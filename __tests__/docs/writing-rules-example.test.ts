import * as path from 'node:path';
import { loadRuleSet } from '../../src/rules/load';
import { createScrubber } from '../../src/scrub/scrubber';

// The worked example of docs/writing-rules.md: a user's folder (docs/example-rules) that extends the
// shipped rules with a category, a value set and a rule. docs-guide.test.ts checks the guide quotes these files verbatim.
const FOLDER = path.join(__dirname, '..', '..', 'docs', 'example-rules');
const claim = (sex: string, diagnoses: string[]) => ({
  id: 'EX-1', type: 'professional', payer: { id: 'EXAMPLE-HP', type: 'commercial' }, patient: { birthDate: '1950-05-05', sex },
  serviceDate: '2026-02-10', diagnoses, lines: [{ procedureCode: '99213', units: 1, charge: 100, diagnosisPointers: [1] }],
});

describe('payer-policy/male-only-diagnosis (the worked example)', () => {
  const scrub = async (raw: object) => {
    const loaded = await loadRuleSet(FOLDER);
    if (loaded._tag === 'Left') throw new Error(JSON.stringify(loaded.left));
    const result = await createScrubber(loaded.right, { only: ['payer-policy/male-only-diagnosis'] }).scrubInput(raw);
    if (result.status !== 'scrubbed') throw new Error(JSON.stringify(result.problems));
    return result.findings;
  };

  it('loads on top of the shipped rules, adding its category', async () => {
    const loaded = await loadRuleSet(FOLDER);
    if (loaded._tag === 'Left') throw new Error(JSON.stringify(loaded.left));
    expect(loaded.right.categories.get('payer-policy')).toContain('Payer policy');
    expect(loaded.right.rules.map((r) => r.id)).toEqual(expect.arrayContaining(['validity/header-code', 'payer-policy/male-only-diagnosis']));
  });

  it('fires on N40.1 (under the N40 header row) and N41.3 (in the N41.0-N41.9 range) for a female patient', async () => {
    const findings = await scrub(claim('F', ['N40.1', 'I10', 'N41.3']));
    expect(findings.map((f) => [f.evidence[0].path, f.evidence[0].code])).toEqual([['$.diagnoses[0]', 'N40.1'], ['$.diagnoses[2]', 'N41.3']]);
    expect(findings[0].message).toBe("N40.1 ('Benign prostatic hyperplasia with lower urinary tract symptoms') is a prostate diagnosis that this payer accepts only for male patients; the patient's sex is 'F'.");
    expect(findings[0].category).toBe('payer-policy');
  });

  it('is silent for a male patient, and for codes outside the value set', async () => {
    expect(await scrub(claim('M', ['N40.1', 'C61']))).toEqual([]);
    expect(await scrub(claim('F', ['N42.1', 'I10']))).toEqual([]);
  });
});
