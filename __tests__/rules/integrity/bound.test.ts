import { createScrubber } from '../../../src/scrub/scrubber';
import { claim, shippedRuleSet } from '../../helpers/rule-tester';

// The JSON/NDJSON/CSV intake reads at most INTAKE_BOUNDS entries per array and leaves a json/bound defect; this rule reports it.
describe('integrity/bound', () => {
  it('a 10,001-diagnosis claim is scrubbed on its first 100 diagnoses with one error naming the bound', async () => {
    const scrubber = createScrubber(await shippedRuleSet());
    const result = await scrubber.scrubInput(claim({ diagnoses: Array.from({ length: 10_001 }, () => 'M43.03') }), {});
    expect(result.status).toBe('scrubbed');
    if (result.status !== 'scrubbed') return;
    const bound = result.findings.filter((f) => f.ruleId === 'integrity/bound');
    expect(bound).toEqual([expect.objectContaining({ severity: 'error', category: 'integrity',
      message: 'The claim has 10001 diagnoses, over the bound of 100 diagnoses per claim: only the first 100 were read and judged' })]);
    expect(bound[0].evidence[0]).toEqual({ path: '$.diagnoses' });
  });

  it('is silent on a claim within the bounds', async () => {
    const scrubber = createScrubber(await shippedRuleSet(), { only: ['integrity/bound'] });
    expect(await scrubber.scrubInput(claim(), {})).toEqual(expect.objectContaining({ findings: [] }));
  });
});

describe('findings per rule per claim are bounded', () => {
  it('a claim of many mutually excluding diagnoses lists 100 Excludes1 findings and one that counts the rest', async () => {
    // M40-M54 billable codes of FY2026 (rules/data/icd10cm-fy2026.tsv): their Excludes1 notes name each other.
    const scrubber = createScrubber(await shippedRuleSet(), { only: ['excludes1/diagnosis-pair'] });
    const ruleSet = await shippedRuleSet();
    const fy2026 = ruleSet.codeSets.find((s) => s.version === 'FY2026')!;
    const codes = [...fy2026.entries()].filter(([code, e]) => e.billable && /^M(4\d|5[0-4])/.test(code)).map(([code]) => code).slice(0, 100);
    const result = await scrubber.scrubInput(claim({ diagnoses: codes }), {});
    if (result.status !== 'scrubbed') throw new Error('does not decode');
    expect(result.findings).toHaveLength(101);
    const rest = result.findings.filter((f) => f.evidence[0].path === '$');
    expect(rest).toHaveLength(1);
    expect(rest[0]).toEqual(expect.objectContaining({ ruleId: 'excludes1/diagnosis-pair', severity: 'warning' }));
    expect(rest[0].message).toMatch(/^\d+ more excludes1\/diagnosis-pair findings on this claim are not listed: claimscrub lists at most 100 findings of one rule per claim \(\d+ in all\)\.$/);
    expect(rest[0].fix).toBeUndefined();
  });
});
