import { Operator } from 'json-rules-engine';

/**
 * Our operators besides json-rules-engine's own. Code-list membership is not an operator: it is the
 * selectors' inValueSet / notInValueSet param (value sets indexed at load, with ICD-10-CM semantics
 * and dates per row), so a finding can point at the code that matched.
 */
export function createOperators(): Operator[] {
  return [
    new Operator('notEmpty', (fact: unknown, want: unknown) => Array.isArray(fact) && (fact.length > 0) === (want !== false)),
  ];
}

/** json-rules-engine's built-in operators, which rules may use as well. */
export const ENGINE_OPERATORS: ReadonlySet<string> = new Set([
  'equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'in', 'notIn', 'contains', 'doesNotContain',
]);
export const OPERATOR_NAMES: ReadonlySet<string> = new Set([...ENGINE_OPERATORS, 'notEmpty']);
