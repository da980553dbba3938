import { loadRuleSet } from '../../src/rules/load';
import type { RuleSet } from '../../src/rules/rule-set';
import { createScrubber, type ScrubberOptions } from '../../src/scrub/scrubber';
import type { Finding, ScrubbedResult } from '../../src/scrub/result';

let shipped: Promise<RuleSet> | undefined;

/** The shipped rule set, loaded once per test file. */
export function shippedRuleSet(): Promise<RuleSet> {
  shipped ??= loadRuleSet().then((r) => {
    if (r._tag === 'Left') throw new Error(`shipped rules do not load: ${JSON.stringify(r.left, null, 2)}`);
    return r.right;
  });
  return shipped;
}

/** A professional claim with sensible defaults; every test case says only what matters to it. */
export function claim(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'TEST-1', type: 'professional', payer: { id: 'MEDICARE', type: 'medicare' }, serviceDate: '2026-01-15',
    diagnoses: ['M43.03'], lines: [{ procedureCode: '99213', units: 1, charge: 100, diagnosisPointers: [1] }],
    ...overrides,
  };
}

/** An institutional inpatient (UB-04) Medicare claim discharged in FY2026, PDX M43.03 present on admission. */
export function inpatientClaim(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'TEST-IP-1', type: 'institutional', payer: { id: 'MEDICARE', type: 'medicare' }, patient: { birthDate: '1958-03-02', sex: 'F' },
    admissionDate: '2026-01-12', dischargeDate: '2026-01-15', dischargeStatus: '01', diagnoses: [{ code: 'M43.03', poa: 'Y' }],
    ...overrides,
  };
}

export interface ExpectedFinding {
  readonly path: string;
  readonly code?: string;
  readonly severity?: Finding['severity'];
  readonly fix?: { readonly action?: string; readonly code?: string; readonly replaces?: string; readonly includes?: string };
  readonly messageIncludes?: readonly string[];
}

export interface RuleCase { readonly name: string; readonly claim: Record<string, unknown>; readonly options?: ScrubberOptions }
export interface InvalidCase extends RuleCase { readonly findings: readonly ExpectedFinding[] }

/** Scrubs a raw claim with only the given rule switched on. */
export async function scrubWithRule(ruleId: string, raw: Record<string, unknown>, options: ScrubberOptions = {}): Promise<ScrubbedResult> {
  const scrubber = createScrubber(await shippedRuleSet(), { ...options, only: [ruleId] });
  const result = await scrubber.scrubInput(raw, {});
  if (result.status !== 'scrubbed') throw new Error(`test claim does not decode: ${JSON.stringify(result.problems)}`);
  return result;
}

/**
 * ESLint-style rule tester: with only the rule under test switched on, every valid case gives no
 * finding, and every invalid case gives exactly the expected findings (rule id, severity, evidence
 * path and code, fix, message words).
 */
export function testRule(ruleId: string, cases: { valid: readonly RuleCase[]; invalid: readonly InvalidCase[] }): void {
  describe(ruleId, () => {
    it('has valid and invalid cases', () => {
      expect(cases.valid.length).toBeGreaterThan(0);
      expect(cases.invalid.length).toBeGreaterThan(0);
    });
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, async () => {
        const result = await scrubWithRule(ruleId, c.claim, c.options);
        expect(result.findings).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, async () => {
        const result = await scrubWithRule(ruleId, c.claim, c.options);
        expect(result.findings.map((f) => f.evidence[0]?.path)).toEqual(c.findings.map((f) => f.path));
        c.findings.forEach((want, i) => {
          const got = result.findings[i];
          expect(got.ruleId).toBe(ruleId);
          if (want.severity) expect(got.severity).toBe(want.severity);
          if (want.code) expect(got.evidence[0].code).toBe(want.code);
          if (want.fix?.action) expect(got.fix?.action).toBe(want.fix.action);
          if (want.fix?.code) expect(got.fix?.code).toBe(want.fix.code);
          if (want.fix?.replaces) expect(got.fix?.replaces).toBe(want.fix.replaces);
          if (want.fix?.includes) expect(got.fix?.description).toContain(want.fix.includes);
          for (const words of want.messageIncludes ?? []) expect(got.message).toContain(words);
          expect(got.sources.length).toBeGreaterThan(0);
        });
      });
    }
  });
}
