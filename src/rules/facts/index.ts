import { CODE_FACTS } from './code';
import type { FactDefinition } from './types';

export * from './types';

/**
 * Every fact a rule may name: one module per area, merged here. Each fact is computed at most once
 * per claim (json-rules-engine's almanac caches it).
 */
export const FACTS: Readonly<Record<string, FactDefinition>> = {
  ...CODE_FACTS,
};
