import { CODE_FACTS } from './code';
import { COVERAGE_FACTS } from './coverage';
import { DRG_FACTS } from './drg';
import { EXCLUDES1_FACTS } from './excludes1';
import { CHART_FACTS } from './chart';
import { SPECIFICITY_FACTS } from './specificity';
import type { ClaimContext, FactDefinition } from './types';

export * from './types';

/**
 * Every fact a rule may name: one module per area, merged here. Each fact is computed at most once
 * per claim (json-rules-engine's almanac caches it).
 */
export const FACTS: Readonly<Record<string, FactDefinition>> = {
  ...CODE_FACTS,
  ...DRG_FACTS,
  ...COVERAGE_FACTS,
  ...EXCLUDES1_FACTS,
  ...CHART_FACTS,
  ...SPECIFICITY_FACTS,
};

/** A fact's value for a claim, computed once per claim and params (memoized on the claim's context). */
export function factValue(ctx: ClaimContext, name: string, params?: Record<string, unknown>): unknown {
  const key = params && Object.keys(params).length > 0 ? `${name}${JSON.stringify(params)}` : name;
  if (ctx.memo.has(key)) return ctx.memo.get(key);
  const value = FACTS[name].compute(ctx, params ?? {});
  ctx.memo.set(key, value);
  return value;
}
