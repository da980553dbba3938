import { CHART_FACTS } from './chart';
import { CODE_FACTS } from './code';
import { combinatorFacts } from './combinators';
import { COVERAGE_FACTS } from './coverage';
import { DRG_FACTS } from './drg';
import { RECORD_FACTS } from './record';
import { SELECTOR_FACTS } from './selectors';
import { SPECIFICITY_FACTS } from './specificity';
import { type ClaimContext, type EvidenceItem, type FactDefinition, MEMO_UNDEFINED, memoSlot } from './types';
import { applyWhere } from './where';

export * from './types';

/**
 * Every fact a rule may name (docs/facts.md lists them with their params and item fields): the general
 * vocabulary (selectors, combinators, record facts, chart terms) and one documented fact per domain
 * calculator (drg, spine, medicalNecessityGaps, codeSetMissing). One module per area, merged here;
 * two facts with one name stop the rule set from loading (see factNameClashes).
 */
const MODULES: readonly Readonly<Record<string, FactDefinition>>[] = [
  CODE_FACTS, SELECTOR_FACTS, combinatorFacts(factValue), RECORD_FACTS, CHART_FACTS, DRG_FACTS, COVERAGE_FACTS, SPECIFICITY_FACTS,
];

export const FACTS: Readonly<Record<string, FactDefinition>> = Object.assign({}, ...MODULES);

/** Names defined by more than one module (a load error). */
export function factNameClashes(): string[] {
  const seen = new Set<string>();
  const clashes: string[] = [];
  for (const name of MODULES.flatMap((m) => Object.keys(m))) {
    if (seen.has(name)) clashes.push(name);
    seen.add(name);
  }
  return clashes;
}

// A params object comes from a rule file and lives as long as the rule set, under one fact name: its memo slot
// (memoSlot of the name and params as JSON) is found once; equal params of two rules share one slot.
const PARAM_SLOTS = new WeakMap<Record<string, unknown>, number>();

// Every fact with a `where` param applies it last, as a filter of its items: the params without `where` (one
// object per params object) name the unfiltered items, which rules differing only in `where` share.
const UNFILTERED = new WeakMap<Record<string, unknown>, Record<string, unknown>>();

/** A fact's value for a claim, computed once per claim and params (memoized on the claim's context). */
export function factValue(ctx: ClaimContext, name: string, params?: Record<string, unknown>): unknown {
  let slot: number | undefined;
  if (params) {
    slot = PARAM_SLOTS.get(params);
    if (slot === undefined) { slot = memoSlot(Object.keys(params).length > 0 ? `${name}${JSON.stringify(params)}` : name); PARAM_SLOTS.set(params, slot); }
  } else slot = memoSlot(name);
  const known = ctx.memo[slot];
  if (known !== undefined) return known === MEMO_UNDEFINED ? undefined : known;
  let value: unknown;
  if (params?.where !== undefined && FACTS[name].params?.where) {
    let base = UNFILTERED.get(params);
    if (!base) { const { where: _where, ...rest } = params; base = rest; UNFILTERED.set(params, base); }
    value = applyWhere(factValue(ctx, name, base) as readonly EvidenceItem[], params.where);
  } else {
    value = FACTS[name].compute(ctx, params ?? {});
  }
  ctx.memo[slot] = value === undefined ? MEMO_UNDEFINED : value;
  return value;
}
