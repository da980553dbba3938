import { readX12 } from '../../../src/input/x12';
import type { InputItem } from '../../../src/input';
import { createScrubber } from '../../../src/scrub/scrubber';
import type { ScrubResult } from '../../../src/scrub/result';
import { shippedRuleSet } from '../../helpers/rule-tester';
import { file837, P, professionalClaim, type ClaimSpec } from '../../input/x12/make-837';

/** A clean 837P with one claim (C1X1), optionally changed: the X12 rules' valid and invalid cases start from it. */
export const clean837 = (over: Partial<ClaimSpec> = {}): string => file837(P, [professionalClaim('C1X1', over)]);

/** Reads an 837 text and scrubs every item with one rule only: one result per item. */
export async function scrubX12(ruleId: string, text: string): Promise<ScrubResult[]> {
  const scrubber = createScrubber(await shippedRuleSet(), { only: [ruleId] });
  const items: InputItem[] = [];
  for await (const item of readX12([text], { file: 'test.837' })) items.push(item);
  const results: ScrubResult[] = [];
  for (const item of items) results.push(await scrubber.scrubItem(item));
  return results;
}

/** The standard cases of an x12/* rule: silent on the clean file, one finding per claim on the damaged one, naming SNIP and acknowledgment. */
export function testX12Rule(ruleId: string, damaged: string, expected: { readonly element: string | RegExp; readonly snip: number; readonly ack: RegExp }): void {
  describe(ruleId, () => {
    it('is silent on a clean 837P', async () => {
      const results = await scrubX12(ruleId, clean837());
      expect(results).toHaveLength(1);
      expect(results[0]).toMatchObject({ status: 'scrubbed', findings: [] });
    });

    it('scrubs the damaged claim and reports the defect with its segment, SNIP level and acknowledgment', async () => {
      const results = await scrubX12(ruleId, damaged);
      expect(results.map((r) => r.status)).toEqual(['scrubbed']);
      const r = results[0];
      if (r.status !== 'scrubbed') return;
      expect(r.findings.length).toBeGreaterThanOrEqual(1);
      const f = r.findings[0];
      expect(f).toMatchObject({ ruleId, category: 'x12' });
      expect(f.message).toMatch(typeof expected.element === 'string' ? new RegExp(`\\b${expected.element}\\b`) : expected.element);
      expect(f.message).toContain(`SNIP ${expected.snip}`);
      expect(f.message).toMatch(expected.ack);
      expect(f.message).toMatch(/segment \d+/);
    });
  });
}
