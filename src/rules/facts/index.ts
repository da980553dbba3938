import { CHART_FACTS } from './chart';
import { CODE_FACTS } from './code';
import { combinatorFacts } from './combinators';
import { COVERAGE_FACTS } from './coverage';
import { DRG_FACTS } from './drg';
import { RECORD_FACTS } from './record';
import { SELECTOR_FACTS } from './selectors';
import { SPECIFICITY_FACTS } from './specificity';
import type { ClaimContext, EvidenceItem, FactDefinition } from './types';
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

// Params objects come from the rule files and live as long as the rule set, each under one fact name:
// their memo keys ("diagnoses{...}") are built once, so equal params of two rules share one value.
const KEYS = new WeakMap<Record<string, unknown>, string>();

// Every fact with a `where` param applies it last, as a filter of its items: the params without `where` (one
// object per params object) name the unfiltered items, which rules differing only in `where` share.
const UNFILTERED = new WeakMap<Record<string, unknown>, Record<string, unknown>>();

/** A fact's value for a claim, computed once per claim and params (memoized on the claim's context). */
export function factValue(ctx: ClaimContext, name: string, params?: Record<string, unknown>): unknown {
  let key = name;
  if (params) {
    let full = KEYS.get(params);
    if (full === undefined) { full = Object.keys(params).length > 0 ? `${name}${JSON.stringify(params)}` : name; KEYS.set(params, full); }
    key = full;
  }
  const known = ctx.memo.get(key);
  if (known !== undefined || ctx.memo.has(key)) return known; // one lookup when memoized (nearly every call)
  let value: unknown;
  if (params?.where !== undefined && FACTS[name].params?.where) {
    let base = UNFILTERED.get(params);
    if (!base) { const { where: _where, ...rest } = params; base = rest; UNFILTERED.set(params, base); }
    value = applyWhere(factValue(ctx, name, base) as readonly EvidenceItem[], params.where);
  } else {
    value = FACTS[name].compute(ctx, params ?? {});
  }
  ctx.memo.set(key, value);
  return value;
}
