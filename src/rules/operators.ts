import type { Operator } from 'json-rules-engine';

// json-rules-engine's Operator class and built-in operators, from the modules that define them: the
// package's index loads the whole engine (~35 ms at start-up), which a claim decided by its gates (every
// shipped rule) never runs. The objects are the engine's own, so a gate means exactly what the engine means.
const { default: EngineOperator } = require('json-rules-engine/dist/operator') as { default: typeof Operator };
const { default: ENGINE_DEFAULTS } = require('json-rules-engine/dist/engine-default-operators') as { default: Operator[] };

/** An operator as the engine evaluates it: the fact value's validator, then the comparison. */
export type EvaluatingOperator = Operator & { evaluate(factValue: unknown, jsonValue: unknown): boolean };

/**
 * Our operators besides json-rules-engine's own. Code-list membership is not an operator: it is the
 * selectors' inValueSet / notInValueSet param (value sets indexed at load, with ICD-10-CM semantics
 * and dates per row), so a finding can point at the code that matched.
 */
export function createOperators(): Operator[] {
  return [
    new EngineOperator('notEmpty', (fact: unknown, want: unknown) => Array.isArray(fact) && (fact.length > 0) === (want !== false)),
  ];
}

/** Every operator a rule may name (the engine's built-ins and ours), by name, for deciding gates without the engine. */
export function gateOperators(): ReadonlyMap<string, EvaluatingOperator> {
  return new Map([...ENGINE_DEFAULTS, ...createOperators()].map((op) => [op.name, op as EvaluatingOperator]));
}

/** json-rules-engine's built-in operators, which rules may use as well. */
export const ENGINE_OPERATORS: ReadonlySet<string> = new Set([
  'equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'in', 'notIn', 'contains', 'doesNotContain',
]);
export const OPERATOR_NAMES: ReadonlySet<string> = new Set([...ENGINE_OPERATORS, 'notEmpty']);
