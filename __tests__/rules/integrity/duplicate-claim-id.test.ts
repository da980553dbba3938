import { decodeItem } from '../../../src/input/types';
import { createScrubber } from '../../../src/scrub/scrubber';
import type { ScrubResult } from '../../../src/scrub/result';
import { claim, shippedRuleSet } from '../../helpers/rule-tester';

const only = { only: ['integrity/duplicate-claim-id'] };
const items = (...ids: string[]) => ids.map((id, i) => decodeItem(claim({ id }), { file: 'batch.ndjson', line: i + 1 }));
async function collect(results: AsyncIterable<ScrubResult>): Promise<ScrubResult[]> {
  const out: ScrubResult[] = [];
  for await (const r of results) out.push(r);
  return out;
}
const findingsOf = (r: ScrubResult) => (r.status === 'scrubbed' ? r.findings : []);

describe('integrity/duplicate-claim-id', () => {
  it('flags each later record with an id used earlier in the batch, naming the first record', async () => {
    const scrubber = createScrubber(await shippedRuleSet(), only);
    const results = await collect(scrubber.scrubAll(items('A', 'B', 'A', 'A')));
    expect(results.map((r) => findingsOf(r).length)).toEqual([0, 0, 1, 1]);
    const [finding] = findingsOf(results[2]);
    expect(finding).toEqual(expect.objectContaining({ ruleId: 'integrity/duplicate-claim-id', severity: 'warning' }));
    expect(finding.evidence[0]).toEqual({ path: '$.id', code: 'A' });
    expect(finding.message).toContain('batch.ndjson line 1');
    expect(finding.denial).toEqual(expect.objectContaining({ group: 'OA', carc: '18' }));
    expect(finding.sources.map((s) => s.title)).toContain('X12 Claim Adjustment Reason Codes [payer mapping UNVERIFIED]');
  });

  it('keeps batches apart: a new scrubAll run, or a scrub() without a batch, starts clean', async () => {
    const scrubber = createScrubber(await shippedRuleSet(), only);
    await collect(scrubber.scrubAll(items('A')));
    expect((await collect(scrubber.scrubAll(items('A')))).map((r) => findingsOf(r).length)).toEqual([0]);
    const decoded = items('A')[0];
    if (decoded.kind !== 'claim') throw new Error('test claim does not decode');
    expect((await scrubber.scrub(decoded.claim)).findings).toEqual([]);
    expect((await scrubber.scrub(decoded.claim)).findings).toEqual([]);
  });

  it('lets a library caller make its own batch', async () => {
    const scrubber = createScrubber(await shippedRuleSet(), only);
    const batch = scrubber.createBatch();
    const decoded = items('A')[0];
    if (decoded.kind !== 'claim') throw new Error('test claim does not decode');
    expect((await scrubber.scrub(decoded.claim, { record: 1 }, { batch })).findings).toEqual([]);
    expect((await scrubber.scrub(decoded.claim, { record: 2 }, { batch })).findings.map((f) => f.message)).toEqual([expect.stringContaining('record 1')]);
  });
});
