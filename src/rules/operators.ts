import { Operator } from 'json-rules-engine';

/**
 * Our operators. Code-list membership goes through Sets built at load time (DESIGN §3.1:
 * `in` over an array is ~7x slower); the rule names the value set by its data-file id.
 */
export function createOperators(valueSets: ReadonlyMap<string, ReadonlySet<string>>): Operator[] {
  const setOf = (id: unknown): ReadonlySet<string> => valueSets.get(String(id)) ?? new Set();
  const anyIn = (fact: unknown, id: unknown) => {
    const set = setOf(id);
    return Array.isArray(fact) && fact.some((c) => set.has(String(c)));
  };
  const valueSetOperators: Record<(typeof VALUE_SET_OPERATOR_NAMES)[number], (fact: unknown, id: unknown) => boolean> = {
    inValueSet: (fact, id) => typeof fact === 'string' && setOf(id).has(fact),
    anyInValueSet: anyIn,
    noneInValueSet: (fact, id) => Array.isArray(fact) && !anyIn(fact, id),
  };
  return [
    new Operator('notEmpty', (fact: unknown, want: unknown) => Array.isArray(fact) && (fact.length > 0) === (want !== false)),
    ...Object.entries(valueSetOperators).map(([name, evaluate]) => new Operator(name, evaluate)),
  ];
}

const VALUE_SET_OPERATOR_NAMES = ['inValueSet', 'anyInValueSet', 'noneInValueSet'] as const;
/** Operators whose value names a value-set data file (the loader checks the file exists). */
export const VALUE_SET_OPERATORS: ReadonlySet<string> = new Set(VALUE_SET_OPERATOR_NAMES);

/** json-rules-engine's built-in operators, which rules may use as well. */
export const ENGINE_OPERATORS: ReadonlySet<string> = new Set([
  'equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'in', 'notIn', 'contains', 'doesNotContain',
]);
export const OPERATOR_NAMES: ReadonlySet<string> = new Set([...ENGINE_OPERATORS, 'notEmpty', ...VALUE_SET_OPERATORS]);
