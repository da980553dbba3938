import * as os from 'node:os';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createScrubber, loadRuleSetOrThrow, RuleSetLoadError } from '../../src/index';
import { claim, shippedRuleSet } from '../helpers/rule-tester';

describe('library options are checked, not ignored', () => {
  it.each([
    [{ asOf: 'soon' }, 'asOf must be a date YYYY-MM-DD (got "soon")'],
    [{ now: '2026-02-30' }, 'now must be a date YYYY-MM-DD'],
    [{ rules: { 'validity/no-such-rule': 'off' } }, 'rules: no rule "validity/no-such-rule"'],
    [{ rules: { 'validity/header-code': 'loud' } }, 'rules["validity/header-code"] must be "off", "error", "warning", "info"'],
    [{ only: ['validity/headercode'] }, 'only: no rule "validity/headercode"'],
    [{ preset: 'medicaer' }, 'unknown preset "medicaer"'],
    [{ thresholds: { likelyDenialRisk: 2 } }, 'thresholds.likelyDenialRisk must be a number from 0 to 1'],
  ])('%j is refused: %s', async (options, message) => {
    const ruleSet = await shippedRuleSet();
    expect(() => createScrubber(ruleSet, options as never)).toThrow(message);
  });

  it('valid options scrub as asked', async () => {
    const scrubber = createScrubber(await shippedRuleSet(), { asOf: '2026-10-01', rules: { 'validity/header-code': 'warning' }, only: ['validity/header-code'] });
    const result = await scrubber.scrubInput(claim({ diagnoses: ['D69.1'] }));
    expect(result.status === 'scrubbed' && result.findings.map((f) => [f.ruleId, f.severity])).toEqual([['validity/header-code', 'warning']]);
  });

  it('a header code\'s fix lists its billable children as machine-readable candidates', async () => {
    const scrubber = createScrubber(await shippedRuleSet(), { only: ['validity/header-code'] });
    const result = await scrubber.scrubInput(claim({ diagnoses: ['M54.5'] }));
    expect(result.status === 'scrubbed' && result.findings[0].fix).toEqual(expect.objectContaining({ action: 'replace', replaces: 'M54.5', candidates: ['M54.50', 'M54.51', 'M54.59'] }));
  });
});

describe('loadRuleSetOrThrow', () => {
  it('returns the rule set, or throws a RuleSetLoadError naming each file and JSONPath', async () => {
    expect((await loadRuleSetOrThrow()).rules.length).toBeGreaterThan(20);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimscrub-bad-rules-'));
    try {
      fs.mkdirSync(path.join(dir, 'validity'));
      fs.writeFileSync(path.join(dir, 'ruleset.json'), JSON.stringify({ id: 'bad', extends: 'claimscrub' }));
      fs.writeFileSync(path.join(dir, 'validity', 'x.json'), JSON.stringify({ id: 'validity/x' }));
      const error = await loadRuleSetOrThrow(dir).then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(RuleSetLoadError);
      expect((error as RuleSetLoadError).problems).toEqual(expect.arrayContaining([expect.objectContaining({ file: path.join(path.basename(dir), 'validity', 'x.json'), path: '$.meta' })]));
      expect((error as Error).message).toContain('validity/x.json $.meta');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
