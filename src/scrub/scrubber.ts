import type { Almanac, Engine } from 'json-rules-engine';
import { type Claim, IsoDate } from '../claim/codecs';
import { type CodeSet, codeSetOn } from '../rules/code-set';
import { addTo, setBounded } from '../rules/multimap';
import { type ClaimContext, type EvidenceItem, FACTS, factValue, judgingDate } from '../rules/facts';
import { type Condition, inEffect, type LeafCondition, type RuleFile, RuleSetting, type Severity, type SourceCitation } from '../rules/formats';
import { createOperators, type EvaluatingOperator, gateOperators } from '../rules/operators';
import { firstNotBelow } from '../rules/search';
import type { RuleSet } from '../rules/rule-set';
import { buildFindings, compareFindings, ruleCitations, DEFAULT_THRESHOLDS, type OutcomeThresholds, outcomeOf, riskScore } from './findings';
import type { Finding, ScrubbedResult, ScrubResult, SourceRef } from './result';
import { decodeItem, type InputItem, type IntakeDefect } from '../input/types';
import { evidenceCondition } from '../rules/check-rule';
import { ClaimIds } from './claim-ids';
import { computeDrg, isInpatient } from './drg';

export interface ScrubberOptions {
  /** A preset of the rule set (rules/presets/<id>.json); default "recommended" when the rule set has it. */
  readonly preset?: string;
  /** Per-rule settings applied after the preset: "off", a severity, or { severity, risk, off }. */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  /** Only these rules run (the rule tester switches on just the rule under test). */
  readonly only?: readonly string[];
  /** Judge every claim as if it were on this date (what-if), instead of its own date of service. */
  readonly asOf?: string;
  readonly thresholds?: OutcomeThresholds;
  /** The clock for "date in the future" checks (YYYY-MM-DD); default: today's date when the claim is scrubbed. */
  readonly now?: string;
}

/** What travels with a claim besides itself: its reader's defects, and the batch it belongs to. */
export interface ScrubContext {
  readonly defects?: readonly IntakeDefect[];
  /** From Scrubber.createBatch(): claims scrubbed with the same batch see each other's ids (batch duplicates). */
  readonly batch?: Batch;
  /**
   * For a caller that keeps the batch itself (e.g. the thread that reads the input while workers scrub):
   * the earlier record with this claim's id, as Batch.register returned it. Used instead of `batch`.
   */
  readonly earlierInBatch?: string;
}

/** Batch-scoped state, owned by the caller (scrubAll makes one per run): the library keeps none of its own. */
export type Batch = ClaimIds;

export interface Scrubber {
  /** Scrubs one decoded claim. */
  scrub(claim: Claim, source?: SourceRef, context?: ScrubContext): Promise<ScrubbedResult>;
  /** A new batch: pass it in the context of each scrub() of one batch to find claim ids used twice. */
  createBatch(): Batch;
  /** Decodes and scrubs one raw record: a `rejected` result when it does not decode. */
  scrubInput(input: unknown, source?: SourceRef): Promise<ScrubResult>;
  /** The result of one reader item (its rejection, or its claim scrubbed with the item's defects); never throws. */
  scrubItem(item: InputItem, context?: ScrubContext): Promise<ScrubResult>;
  /** Scrubs a stream of reader items: exactly one result per item, in input order. */
  scrubAll(items: AsyncIterable<InputItem> | Iterable<InputItem>): AsyncIterable<ScrubResult>;
}

interface EffectiveRule {
  readonly rule: RuleFile; readonly severity: Severity; readonly risk: number;
  readonly citations: readonly SourceCitation[];
  /** The condition whose items become findings (checked at load: it exists and gives items). */
  readonly evidence: LeafCondition;
}

/**
 * How a rule is checked on a claim. `decided`: every leaf of its condition is on an index fact (any tree of
 * all / any / not), so `check` is the whole condition, decided with the engine's own operators exactly as the
 * engine would, and json-rules-engine is not run for it. Otherwise `check` is its top-level `all` gates
 * (DESIGN §3.3) and the engine decides the rest.
 */
interface RulePlan { readonly setting: EffectiveRule; readonly check: Check; readonly decided: boolean }
/** A condition over gates as one function: `states` holds the claim's gate answers, each gate evaluated at most once. */
type Check = (states: Uint8Array, ctx: ClaimContext) => boolean;
interface Period { readonly from: string; readonly rules: readonly RulePlan[] }
const NO_DEFECTS: readonly IntakeDefect[] = [];

// Plain date arithmetic on YYYY-MM-DD (loading date-fns cost a one-claim check ~20 ms of its start-up).
const nextDay = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const pad2 = (n: number): string => String(n).padStart(2, '0');
/** A local time's calendar date, YYYY-MM-DD. */
const localDate = (d: Date): string => `${String(d.getFullYear()).padStart(4, '0')}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;

/** The preset a scrubber runs under: the one asked for, else "recommended" when the rule set has it. */
const presetOf = (ruleSet: RuleSet, options: ScrubberOptions): string | undefined =>
  options.preset ?? (ruleSet.presets.has('recommended') ? 'recommended' : undefined);

function settingsFor(ruleSet: RuleSet, options: ScrubberOptions, presetId: string | undefined): Map<string, EffectiveRule> {
  const layers: Readonly<Record<string, RuleSetting>>[] = [options.rules ?? {}];
  for (let id = presetId; id !== undefined;) {
    const preset = ruleSet.presets.get(id);
    if (!preset) throw new Error(`unknown preset "${id}" (known: ${[...ruleSet.presets.keys()].join(', ') || 'none'})`);
    if (layers.length > 16) throw new Error(`preset "${presetId}" extends itself`);
    layers.unshift(preset.rules); // a preset's base applies first, the options last
    id = preset.extends;
  }
  const effective = new Map<string, EffectiveRule>();
  for (const rule of ruleSet.rules) {
    if (options.only && !options.only.includes(rule.id)) continue;
    effective.set(rule.id, {
      rule, severity: rule.meta.severity, risk: rule.meta.denial.risk,
      citations: ruleCitations(rule, ruleSet),
      evidence: evidenceCondition(rule)!.leaf,
    });
  }
  const apply = (ruleId: string, setting: RuleSetting) => {
    const current = effective.get(ruleId);
    if (!current) return;
    if (setting === 'off' || (typeof setting === 'object' && setting.off)) { effective.delete(ruleId); return; }
    if (typeof setting === 'string') { effective.set(ruleId, { ...current, severity: setting }); return; }
    effective.set(ruleId, { ...current, ...(setting.severity ? { severity: setting.severity } : {}), ...(setting.risk !== undefined ? { risk: setting.risk } : {}) });
  };
  for (const layer of layers) for (const [ruleId, setting] of Object.entries(layer)) apply(ruleId, setting);
  return effective;
}

function buildEngine(rules: readonly EffectiveRule[]): Engine {
  // Loaded on first use: no shipped rule needs the engine per claim (their gates decide them).
  const { Engine, Rule } = require('json-rules-engine') as typeof import('json-rules-engine');
  const engine = new Engine([], { allowUndefinedFacts: false });
  for (const operator of createOperators()) engine.addOperator(operator);
  // Facts are memoized per claim on its context (factValue), so the engine's own params-hashing cache is off.
  for (const name of Object.keys(FACTS)) {
    engine.addFact(name, async (params: Record<string, unknown>, almanac: Almanac) =>
      factValue(await almanac.factValue<ClaimContext>('claimContext'), name, params), { cache: false });
  }
  for (const { rule } of rules) {
    engine.addRule(new Rule({ name: rule.id, conditions: rule.conditions as never, event: rule.event, priority: rule.priority ?? 1 }));
  }
  return engine;
}

const isGate = (c: Condition): c is LeafCondition => 'fact' in c && FACTS[c.fact]?.index === true && c.path === undefined;

/** Whether every leaf of a condition is a gate (then the engine would add nothing but its cost). */
const onlyGates = (c: Condition): boolean =>
  'all' in c ? c.all.every(onlyGates) : 'any' in c ? c.any.every(onlyGates) : 'not' in c ? onlyGates(c.not) : isGate(c);


/**
 * The effective periods of DESIGN §3.3: the boundaries are every rule's and code set's effective
 * dates, so a claim meets exactly the rules in force on its date.
 */
function buildPeriods(rules: readonly RulePlan[], ruleSet: RuleSet): Period[] {
  const bounds = new Set<string>(['0000-01-01']);
  for (const e of [...rules.map((r) => r.setting.rule.meta.effective), ...ruleSet.codeSets.map((s) => s.effective)]) {
    bounds.add(e.from);
    if (e.to) bounds.add(nextDay(e.to));
  }
  return [...bounds].sort().map((from) => ({
    from,
    rules: rules.filter(({ setting }) => inEffect(setting.rule.meta.effective, from)),
  }));
}

function periodOn(periods: readonly Period[], date: string): Period {
  // The last period starting on or before the date; the first (0000-01-01) for a date before every period.
  return periods[Math.max(1, firstNotBelow(0, periods.length, (i) => periods[i].from <= date)) - 1];
}

/**
 * Options that cannot be meant: a date that is not one, a rule the set does not have, a severity that is
 * not one. A caller's mistake, so createScrubber throws (DESIGN §6: throw only on programmer error),
 * naming every problem, instead of scrubbing as if the option were not there.
 */
function optionProblems(ruleSet: RuleSet, options: ScrubberOptions): string[] {
  const problems: string[] = [];
  const ids = new Set(ruleSet.rules.map((r) => r.id));
  for (const name of ['asOf', 'now'] as const) {
    const value = options[name];
    if (value !== undefined && !IsoDate.is(value)) problems.push(`${name} must be a date YYYY-MM-DD (got ${JSON.stringify(value)})`);
  }
  for (const [id, setting] of Object.entries(options.rules ?? {})) {
    if (!ids.has(id)) problems.push(`rules: no rule "${id}" in rule set ${ruleSet.version}`);
    if (!RuleSetting.is(setting) || (typeof setting === 'object' && Object.keys(setting).some((k) => !['severity', 'risk', 'off'].includes(k)))) {
      problems.push(`rules["${id}"] must be "off", "error", "warning", "info" or { severity?, risk? (0..1), off? } (got ${JSON.stringify(setting)})`);
    }
  }
  for (const id of options.only ?? []) if (!ids.has(id)) problems.push(`only: no rule "${id}" in rule set ${ruleSet.version}`);
  const risk = options.thresholds?.likelyDenialRisk;
  if (risk !== undefined && !(typeof risk === 'number' && risk >= 0 && risk <= 1)) problems.push(`thresholds.likelyDenialRisk must be a number from 0 to 1 (got ${JSON.stringify(risk)})`);
  if (options.preset !== undefined && !ruleSet.presets.has(options.preset)) problems.push(`unknown preset "${options.preset}" (known: ${[...ruleSet.presets.keys()].join(', ') || 'none'})`);
  return problems;
}

/** Creates a scrubber over a loaded rule set. Pure: no I/O, no global state. Throws on invalid options. */
export function createScrubber(ruleSet: RuleSet, options: ScrubberOptions = {}): Scrubber {
  const problems = optionProblems(ruleSet, options);
  if (problems.length > 0) throw new Error(`invalid scrubber options: ${problems.join('; ')}`);
  const presetId = presetOf(ruleSet, options);
  const settings = settingsFor(ruleSet, options, presetId);
  // Today's date, formatted once a day rather than once a claim (the clock of integrity/future-date).
  let day = { date: '', until: 0 };
  const today = (): string => {
    const t = Date.now();
    if (t >= day.until) {
      const d = new Date(t);
      day = { date: localDate(d), until: new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime() };
    }
    return day.date;
  };
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  // Engines by the set of rules a claim can meet, built once per set and reused; the sets are few
  // (index facts have few values), the bound only guards against a pathological rule set.
  const engines = new Map<string, Engine>();
  // The engine's own operator objects (rules/operators.ts), so a gate means exactly what the engine means.
  const operators = gateOperators();
  // Rules share gates (claim type, payer type, a selector being non-empty): each distinct gate is
  // evaluated at most once per claim, its operator resolved once here.
  const gateIds = new Map<string, number>();
  const distinctGates: { readonly gate: LeafCondition; readonly operator: EvaluatingOperator }[] = [];
  const gateId = (gate: LeafCondition): number => {
    const key = JSON.stringify([gate.fact, gate.params ?? null, gate.operator, gate.value]);
    let id = gateIds.get(key);
    if (id === undefined) { id = distinctGates.push({ gate, operator: operators.get(gate.operator)! }) - 1; gateIds.set(key, id); }
    return id;
  };
  const GATE_UNKNOWN = 0;
  const GATE_PASSED = 1;
  const GATE_FAILED = 2;
  const passes = (id: number, states: Uint8Array, ctx: ClaimContext): boolean => {
    let state = states[id];
    if (state === GATE_UNKNOWN) {
      const { gate, operator } = distinctGates[id];
      state = operator.evaluate(factValue(ctx, gate.fact, gate.params), gate.value) ? GATE_PASSED : GATE_FAILED;
      states[id] = state;
    }
    return state === GATE_PASSED;
  };
  // A condition of gates as one function, built once: this runs for every rule of every claim, and a walk of
  // the condition's objects cost a claim ~4 µs.
  const compile = (c: Condition): Check => {
    if ('not' in c) { const inner = compile(c.not); return (states, ctx) => !inner(states, ctx); }
    if (!('all' in c) && !('any' in c)) { const id = gateId(c as LeafCondition); return (states, ctx) => passes(id, states, ctx); }
    const all = 'all' in c;
    const parts = (all ? c.all : c.any).map(compile);
    if (parts.length === 0) return () => all;
    if (parts.length === 1) return parts[0];
    if (parts.length === 2) {
      const [a, b] = parts;
      return all ? (states, ctx) => a(states, ctx) && b(states, ctx) : (states, ctx) => a(states, ctx) || b(states, ctx);
    }
    return all ? (states, ctx) => { for (const p of parts) if (!p(states, ctx)) return false; return true; }
      : (states, ctx) => { for (const p of parts) if (p(states, ctx)) return true; return false; };
  };
  const planOf = (setting: EffectiveRule): RulePlan => {
    const conditions = setting.rule.conditions as Condition;
    const decided = ('all' in conditions || 'any' in conditions) && onlyGates(conditions);
    // Undecided: only the top-level `all` gates are checked here; the engine decides the rest.
    return { setting, decided, check: compile(decided ? conditions : { all: 'all' in conditions ? conditions.all.filter(isGate) : [] }) };
  };
  const periods = buildPeriods([...settings.values()].map(planOf), ruleSet);
  const claimGates = new Uint8Array(distinctGates.length);
  const engineFor = (rules: readonly EffectiveRule[]): Engine => {
    const key = rules.map((r) => r.rule.id).join('|');
    let engine = engines.get(key);
    if (!engine) {
      engine = buildEngine(rules);
      setBounded(engines, key, engine, 1024);
    }
    return engine;
  };

  /** A claim's result: synchronous when its gates decide every rule (all shipped rules), else after the engine. */
  function judge(claim: Claim, source?: SourceRef, context: ScrubContext = {}): ScrubbedResult | Promise<ScrubbedResult> {
    const judged = options.asOf ? { date: options.asOf, path: '$.serviceDate' } : judgingDate(claim);
    const codeSet = codeSetOn(ruleSet.codeSets, judged.date);
    // DESIGN §2.2: a DRG on every institutional inpatient result, computed once; the drg/* facts read it.
    const drg = isInpatient(claim) ? computeDrg(claim, ruleSet.drgGroupers ?? [], judged.date, codeSet) : undefined;
    const earlierInBatch = context.earlierInBatch ?? context.batch?.register(claim.id, source);
    // Every property set, in one order: facts read the context of every claim, so it keeps one shape.
    const ctx: ClaimContext = {
      claim, date: judged.date, datePath: judged.path, asOf: options.asOf, codeSet, ruleSet, drg, memo: [],
      now: options.now ?? today(), defects: context.defects ?? NO_DEFECTS, earlierInBatch,
    };
    const fired: EffectiveRule[] = [];
    const undecided: EffectiveRule[] = [];
    // One array of gate answers for every claim: the loop below is synchronous, so no other claim's is in use.
    const gateStates = claimGates.fill(GATE_UNKNOWN);
    for (const plan of periodOn(periods, judged.date).rules) {
      if (plan.check(gateStates, ctx)) (plan.decided ? fired : undecided).push(plan.setting);
    }
    if (undecided.length === 0) return resultOf(claim, source, ctx, fired, drg);
    return engineFor(undecided).run({ claimContext: ctx }).then(({ results }) => {
      for (const result of results) fired.push(settings.get(result.name)!);
      return resultOf(claim, source, ctx, fired, drg);
    });
  }

  function resultOf(claim: Claim, source: SourceRef | undefined, ctx: ClaimContext, fired: readonly EffectiveRule[], drg: ClaimContext['drg']): ScrubbedResult {
    const findings: Finding[] = [];
    const codeSet = ctx.codeSet;
    for (const setting of fired) {
      const items = factValue(ctx, setting.evidence.fact, setting.evidence.params) as EvidenceItem[];
      // A loop, not push(...spread): a claim with thousands of findings must not overflow the stack.
      for (const finding of buildFindings(setting.rule, setting.severity, setting.risk, setting.citations, items)) findings.push(finding);
    }
    findings.sort(compareFindings);
    const score = riskScore(findings);
    return {
      status: 'scrubbed',
      claimId: claim.id,
      ...(source ? { source } : {}),
      outcome: outcomeOf(findings, score, thresholds),
      riskScore: score,
      findings,
      ...(drg ? { drg: drg.result } : {}),
      ruleSet: { version: ruleSet.version, codeSet: options.asOf ? codeSet?.title ?? 'none' : codeSetsUsed(claim, ctx.date, codeSet, ruleSet), ...(presetId ? { preset: presetId } : {}), ...(options.asOf ? { asOf: options.asOf } : {}) },
    };
  }

  async function scrub(claim: Claim, source?: SourceRef, context: ScrubContext = {}): Promise<ScrubbedResult> {
    return judge(claim, source, context);
  }

  const createBatch = (): Batch => new ClaimIds();

  // Nothing is lost: an internal error on one claim becomes its rejection, naming the error, and the batch goes on.
  const itemResult = (item: InputItem, context: ScrubContext): ScrubResult | Promise<ScrubResult> => {
    if (item.kind !== 'claim') return item.result;
    const failed = (error: unknown): ScrubResult => {
      const message = error instanceof Error ? error.message : String(error);
      return { status: 'rejected', claimId: item.claim.id, source: item.source, problems: [{ path: '$', value: null, expected: 'a claim claimscrub can scrub', message: `internal error while scrubbing: ${message}` }] };
    };
    try {
      const result = judge(item.claim, item.source, item.defects ? { ...context, defects: item.defects } : context);
      return result instanceof Promise ? result.catch(failed) : result;
    } catch (error) {
      return failed(error);
    }
  };
  const scrubItem = async (item: InputItem, context: ScrubContext = {}): Promise<ScrubResult> => itemResult(item, context);

  async function scrubInput(input: unknown, source: SourceRef = {}): Promise<ScrubResult> {
    return scrubItem(decodeItem(input, source));
  }

  async function* scrubAll(items: AsyncIterable<InputItem> | Iterable<InputItem>): AsyncIterable<ScrubResult> {
    const batch = createBatch();
    // Synchronous per claim where the gates decide (no promise per claim); `yield` waits for one that is not.
    for await (const item of items) yield itemResult(item, { batch });
  }

  return { scrub, scrubInput, scrubItem, scrubAll, createBatch };
}

/**
 * The code set(s) a claim was judged by: the claim's, and on a claim judged line by line (not hospital
 * inpatient) the others its lines' dates fall in, with the lines ("ICD-10-CM FY2026; line 2: ICD-10-CM FY2027").
 */
function codeSetsUsed(claim: Claim, date: string, own: CodeSet | undefined, ruleSet: RuleSet): string {
  const title = own?.title ?? 'none';
  if (isInpatient(claim)) return title;
  const others = new Map<string, number[]>();
  (claim.lines ?? []).forEach((line, i) => {
    if (!line.serviceDate || line.serviceDate === date) return;
    const set = codeSetOn(ruleSet.codeSets, line.serviceDate);
    if (set === own) return;
    addTo(others, set?.title ?? 'none', i + 1);
  });
  return [title, ...[...others].map(([t, lines]) => `line${lines.length > 1 ? 's' : ''} ${lines.join(', ')}: ${t}`)].join('; ');
}


