import { CODE_FACTS } from './code';
import { COVERAGE_FACTS } from './coverage';
import { DRG_FACTS } from './drg';
import { EXCLUDES1_FACTS } from './excludes1';
import { CHART_FACTS } from './chart';
import { SPECIFICITY_FACTS } from './specificity';
import type { FactDefinition } from './types';

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
