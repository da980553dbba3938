import { Operator } from 'json-rules-engine';

/**
 * Our operators. Code-list membership goes through Sets built at load time (DESIGN §3.1:
 * `in` over an array is ~7x slower); the rule names the value set by its data-file id.
 */
export function createOperators(valueSets: ReadonlyMap<string, ReadonlySet<string>>): Operator[] {
  const setOf = (id: unknown): ReadonlySet<string> => valueSets.get(String(id)) ?? new Set();
  return [
    new Operator('notEmpty', (fact: unknown, want: unknown) => Array.isArray(fact) && (fact.length > 0) === (want !== false)),
    new Operator('inValueSet', (fact: unknown, id: unknown) => typeof fact === 'string' && setOf(id).has(fact)),
    new Operator('anyInValueSet', (fact: unknown, id: unknown) => Array.isArray(fact) && fact.some((c) => setOf(id).has(String(c)))),
    new Operator('noneInValueSet', (fact: unknown, id: unknown) => Array.isArray(fact) && !fact.some((c) => setOf(id).has(String(c)))),
  ];
}

/** Operators whose value names a value-set data file (the loader checks the file exists). */
export const VALUE_SET_OPERATORS: ReadonlySet<string> = new Set(['inValueSet', 'anyInValueSet', 'noneInValueSet']);

/** json-rules-engine's built-in operators, which rules may use as well. */
export const ENGINE_OPERATORS: ReadonlySet<string> = new Set([
  'equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'in', 'notIn', 'contains', 'doesNotContain',
]);
export const OPERATOR_NAMES: ReadonlySet<string> = new Set([...ENGINE_OPERATORS, 'notEmpty', ...VALUE_SET_OPERATORS]);
