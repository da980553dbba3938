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

// Each distinct fact call (its name, and its params as JSON) has a slot, its value for a claim is ctx.facts[slot]:
// an array read instead of a string-keyed map (~40 values a claim, most read several times). Params objects come
// from the rule files and live as long as the rule set, each under one fact name, so a params object's slot is
// found once; equal params of two rules share one slot.
const SLOTS = new Map<string, number>();
const PARAM_SLOTS = new WeakMap<Record<string, unknown>, number>();
const keySlot = (key: string): number => {
  let slot = SLOTS.get(key);
  if (slot === undefined) { slot = SLOTS.size; SLOTS.set(key, slot); }
  return slot;
};
/** A memoized value that is `undefined` (an empty slot is one not computed yet). */
const UNDEFINED = Symbol('undefined');

// Every fact with a `where` param applies it last, as a filter of its items: the params without `where` (one
// object per params object) name the unfiltered items, which rules differing only in `where` share.
const UNFILTERED = new WeakMap<Record<string, unknown>, Record<string, unknown>>();

/** A fact's value for a claim, computed once per claim and params (memoized on the claim's context). */
export function factValue(ctx: ClaimContext, name: string, params?: Record<string, unknown>): unknown {
  let slot: number | undefined;
  if (params) {
    slot = PARAM_SLOTS.get(params);
    if (slot === undefined) { slot = keySlot(Object.keys(params).length > 0 ? `${name}${JSON.stringify(params)}` : name); PARAM_SLOTS.set(params, slot); }
  } else slot = keySlot(name);
  const known = ctx.facts[slot];
  if (known !== undefined) return known === UNDEFINED ? undefined : known;
  let value: unknown;
  if (params?.where !== undefined && FACTS[name].params?.where) {
    let base = UNFILTERED.get(params);
    if (!base) { const { where: _where, ...rest } = params; base = rest; UNFILTERED.set(params, base); }
    value = applyWhere(factValue(ctx, name, base) as readonly EvidenceItem[], params.where);
  } else {
    value = FACTS[name].compute(ctx, params ?? {});
  }
  ctx.facts[slot] = value === undefined ? UNDEFINED : value;
  return value;
}
