import { createScrubber } from '../../../src/scrub/scrubber';
import { claim, shippedRuleSet } from '../../helpers/rule-tester';

// The JSON/NDJSON/CSV intake reads at most INTAKE_BOUNDS entries per array and leaves a json/bound defect; this rule reports it.
describe('integrity/bound', () => {
  it('a 10,001-diagnosis claim is scrubbed on its first 1,000 diagnoses with one error naming the bound', async () => {
    const scrubber = createScrubber(await shippedRuleSet());
    const result = await scrubber.scrubInput(claim({ diagnoses: Array.from({ length: 10_001 }, () => 'M43.03') }), {});
    expect(result.status).toBe('scrubbed');
    if (result.status !== 'scrubbed') return;
    const bound = result.findings.filter((f) => f.ruleId === 'integrity/bound');
    expect(bound).toEqual([expect.objectContaining({ severity: 'error', category: 'integrity',
      message: 'The claim has 10001 diagnoses, over the bound of 1000 diagnoses per claim: only the first 1000 were read and judged' })]);
    expect(bound[0].evidence[0]).toEqual({ path: '$.diagnoses' });
  });

  it('is silent on a claim within the bounds', async () => {
    const scrubber = createScrubber(await shippedRuleSet(), { only: ['integrity/bound'] });
    expect(await scrubber.scrubInput(claim(), {})).toEqual(expect.objectContaining({ findings: [] }));
  });
});
