import * as fs from 'node:fs';
import * as path from 'node:path';
import { claimGenerator } from '../../scripts/lib/bench-claims';
import type { Condition } from '../../src/rules/formats';
import type { RuleSet } from '../../src/rules/rule-set';
import { createScrubber } from '../../src/scrub/scrubber';
import { shippedRuleSet } from '../helpers/rule-tester';

// A rule whose every leaf is on an index fact (all / any / not over them) is decided by the scrubber with the
// engine's own operators, without running json-rules-engine (src/scrub/scrubber.ts, decidedByGates). This
// test runs every shipped rule through the engine instead (one extra leaf with a JSONPath, which is never
// a gate, keeps each rule from being decided early) and asserts the results are the same, claim by claim.

const ROOT = path.join(__dirname, '..', '..');
// Lines that are not JSON (seed.ndjson has one on purpose) are the readers' business, not this test's.
const ndjson = (file: string): unknown[] => fs.readFileSync(path.join(ROOT, file), 'utf8').split('\n').flatMap((l) => {
  try { return [JSON.parse(l) as unknown]; } catch { return []; }
});

function throughEngine(ruleSet: RuleSet): RuleSet {
  const always = { fact: 'diagnoses', path: '$', operator: 'notEqual', value: 'never' };
  return {
    ...ruleSet,
    rules: ruleSet.rules.map((rule) => {
      const conditions = rule.conditions as Condition;
      return { ...rule, conditions: { all: 'all' in conditions ? [always, ...conditions.all] : [always, conditions] } as typeof rule.conditions };
    }),
  };
}

describe('rules decided by their gates equal the engine\'s decision', () => {
  it('on the samples, 3,000 generated claims and the 5,060 MCE oracle claims', async () => {
    const ruleSet = await shippedRuleSet();
    const generate = claimGenerator(ruleSet);
    const claims = [
      ...['samples/seed.ndjson', 'samples/fusion.ndjson', 'samples/inpatient.ndjson', 'samples/spine.ndjson', 'samples/spine-documentation.ndjson'].flatMap(ndjson),
      ...Array.from({ length: 3000 }, (_, i) => generate(i)),
      ...ndjson('__tests__/fixtures/mce-oracle/sample-claims.ndjson'),
    ];
    const fast = createScrubber(ruleSet, { now: '2026-12-04' });
    const engine = createScrubber(throughEngine(ruleSet), { now: '2026-12-04' });
    const fired = new Set<string>();
    let differences = 0;
    for (const claim of claims) {
      const a = await fast.scrubInput(claim, {});
      const b = await engine.scrubInput(claim, {});
      if (JSON.stringify(a) !== JSON.stringify(b)) {
        differences++;
        if (differences === 1) expect(b).toEqual(a);
      }
      if (a.status === 'scrubbed') for (const f of a.findings) fired.add(f.ruleId);
    }
    expect(differences).toBe(0);
    expect(fired.size).toBeGreaterThan(40); // the comparison covers most rules firing, not only silence
  });
});
