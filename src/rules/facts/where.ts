import type { EvidenceItem } from './types';

// `where` filters on evidence items, shared by every selector: [{ field, op, value }], all must hold.
// A value may be a literal or { "field": "<other item field>" } (e.g. an age against a value set's
// age range columns). Comparisons of numbers are numeric, of strings lexical (ISO dates compare as dates).
// `hasAny` / `hasNone` test a comma-separated list field (a line's `modifiers`: "59,LT") against a list of
// values. A clause `{ "anyOf": [[clauses], [clauses]] }` holds when every clause of one of its lists holds
// (an "or" of "and"s: e.g. a pair edit that fires with modifier indicator 0, or with 1 and no bypass modifier);
// `{ "not": clause }` holds when its clause does not. `differentIn` compares two list fields within groups of
// values: `{ "field": "modifiers", "op": "differentIn", "value": { "field": "otherModifiers", "groups": [["LT", "RT"], …] } }`
// holds when, for one group, both fields hold values of it and none in common (LT on one line, RT on the other;
// not LT on both, nor LT on one line only).

export const WHERE_OPS = [
  'equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive',
  'in', 'notIn', 'outside', 'present', 'missing', 'matches', 'hasAny', 'hasNone', 'differentIn',
] as const;
export type WhereOp = (typeof WHERE_OPS)[number];

export interface WhereClause { readonly field: string; readonly op: WhereOp; readonly value?: unknown }
/** A clause that holds when all clauses of any one of its lists hold. */
export interface AnyOfClause { readonly anyOf: readonly (readonly WhereClause[])[] }
/** A clause that holds when its clause does not. */
export interface NotClause { readonly not: Clause }
type Clause = WhereClause | AnyOfClause | NotClause;

/** Problems of a `where` param, with the JSONPath under the param; `fields` are the item's. */
export function checkWhere(where: unknown, fields: ReadonlySet<string>, path: string): { path: string; message: string }[] {
  if (!Array.isArray(where)) return [{ path, message: 'where must be an array of { field, op, value }' }];
  const problems: { path: string; message: string }[] = [];
  where.forEach((clause: unknown, i) => {
    const at = `${path}[${i}]`;
    if (typeof clause !== 'object' || clause === null) { problems.push({ path: at, message: 'a where clause is { field, op, value }' }); return; }
    if ('anyOf' in clause) {
      const { anyOf, ...others } = clause as Record<string, unknown>;
      for (const key of Object.keys(others)) problems.push({ path: `${at}.${key}`, message: `unknown key "${key}" (an anyOf clause has only anyOf)` });
      if (!Array.isArray(anyOf) || anyOf.length === 0) { problems.push({ path: `${at}.anyOf`, message: 'anyOf must be a non-empty array of clause arrays' }); return; }
      anyOf.forEach((list, j) => problems.push(...checkWhere(list, fields, `${at}.anyOf[${j}]`)));
      return;
    }
    if ('not' in clause) {
      const { not, ...others } = clause as Record<string, unknown>;
      for (const key of Object.keys(others)) problems.push({ path: `${at}.${key}`, message: `unknown key "${key}" (a not clause has only not)` });
      problems.push(...checkWhere([not], fields, `${at}.not`).map((p) => ({ ...p, path: p.path.replace(`${at}.not[0]`, `${at}.not`) })));
      return;
    }
    const { field, op, value, ...rest } = clause as Record<string, unknown>;
    for (const key of Object.keys(rest)) problems.push({ path: `${at}.${key}`, message: `unknown key "${key}" (a where clause has field, op, value)` });
    if (typeof field !== 'string' || !fields.has(field)) problems.push({ path: `${at}.field`, message: `"${String(field)}" is not an item field (known: ${[...fields].join(', ')})` });
    if (!WHERE_OPS.includes(op as WhereOp)) problems.push({ path: `${at}.op`, message: `unknown op "${String(op)}" (known: ${WHERE_OPS.join(', ')})` });
    const refs = op === 'outside' ? (Array.isArray(value) && value.length === 2 ? value : (problems.push({ path: `${at}.value`, message: 'outside takes [min, max]' }), [])) : [value];
    for (const ref of refs) {
      if (typeof ref === 'object' && ref !== null && !Array.isArray(ref)) {
        const other = (ref as { field?: unknown }).field;
        if (typeof other !== 'string' || !fields.has(other)) problems.push({ path: `${at}.value`, message: `"${String(other)}" is not an item field` });
      }
    }
    if ((op === 'hasAny' || op === 'hasNone') && !Array.isArray(value)) problems.push({ path: `${at}.value`, message: `${String(op)} takes an array of values` });
    if (op === 'differentIn') {
      const groups = (value as { groups?: unknown } | null)?.groups;
      if (!Array.isArray(groups) || groups.length === 0 || !groups.every((g) => Array.isArray(g) && g.length > 0)) {
        problems.push({ path: `${at}.value`, message: 'differentIn takes { "field": "<list field>", "groups": [[values], …] }' });
      }
    }
    if (op === 'matches') {
      try { new RegExp(String(value)); } catch { problems.push({ path: `${at}.value`, message: `not a regular expression: ${String(value)}` }); }
    }
  });
  return problems;
}

const resolve = (item: EvidenceItem, value: unknown): unknown =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? item[(value as { field: string }).field] : value;

const blank = (v: unknown) => v === undefined || v === null || v === '';

/** A comma-separated list field as its values ("59,LT" → ["59", "LT"]; an array as is). */
const listOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : blank(v) ? [] : String(v).split(',').map((s) => s.trim()).filter((s) => s !== ''));

/** Both lists hold values of one group and none in common within it. */
function differentIn(left: unknown[], right: unknown[], groups: readonly (readonly unknown[])[]): boolean {
  return groups.some((group) => {
    const l = left.filter((v) => group.includes(v));
    const r = right.filter((v) => group.includes(v));
    return l.length > 0 && r.length > 0 && !l.some((v) => r.includes(v));
  });
}

function holds(item: EvidenceItem, clause: Clause): boolean {
  if ('anyOf' in clause) return clause.anyOf.some((list) => list.every((c) => holds(item, c)));
  if ('not' in clause) return !holds(item, clause.not);
  const left = item[clause.field];
  switch (clause.op) {
    case 'present': return !blank(left);
    case 'missing': return blank(left);
    case 'equal': return left === resolve(item, clause.value);
    case 'notEqual': return left !== resolve(item, clause.value);
    case 'in': return Array.isArray(clause.value) && clause.value.includes(left);
    case 'notIn': return Array.isArray(clause.value) && !clause.value.includes(left);
    case 'hasAny': return listOf(left).some((v) => (clause.value as unknown[]).includes(v));
    case 'hasNone': return !listOf(left).some((v) => (clause.value as unknown[]).includes(v));
    case 'differentIn': {
      const { groups } = clause.value as { groups: readonly (readonly unknown[])[] };
      return differentIn(listOf(left), listOf(resolve(item, clause.value)), groups);
    }
    case 'matches': {
      let re = PATTERNS.get(clause);
      if (!re) { re = new RegExp(String(clause.value)); PATTERNS.set(clause, re); }
      return !blank(left) && re.test(String(left));
    }
    default: break;
  }
  if (blank(left)) return false; // an unknown value is neither less nor more: cannot tell
  if (clause.op === 'outside') {
    const [min, max] = (clause.value as unknown[]).map((v) => resolve(item, v)) as [number, number];
    return (!blank(min) && (left as number) < min) || (!blank(max) && (left as number) > max);
  }
  const right = resolve(item, clause.value) as number;
  if (blank(right)) return false;
  switch (clause.op) {
    case 'lessThan': return (left as number) < right;
    case 'lessThanInclusive': return (left as number) <= right;
    case 'greaterThan': return (left as number) > right;
    case 'greaterThanInclusive': return (left as number) >= right;
    default: return false;
  }
}

// Compiled once per clause: clauses are the rule files' own (immutable) objects, so this holds no state of its own.
const PATTERNS = new WeakMap<WhereClause, RegExp>();

/**
 * The items `keep` holds for: the same array when it holds for every item (most calls: a fact's items are
 * filtered many ways per claim), a copy only from the first item dropped. Fact values are never changed in place.
 */
export function keepItems<T>(items: readonly T[], keep: (item: T) => boolean): readonly T[] {
  let kept: T[] | undefined;
  for (let i = 0; i < items.length; i++) {
    if (keep(items[i])) kept?.push(items[i]);
    else kept ??= items.slice(0, i);
  }
  return kept ?? items;
}

/** The items every clause holds for (no `where`: all of them). */
export function applyWhere(items: readonly EvidenceItem[], where: unknown): readonly EvidenceItem[] {
  if (!Array.isArray(where) || where.length === 0 || items.length === 0) return items;
  const clauses = where as readonly Clause[];
  return keepItems(items, (item) => { for (const c of clauses) if (!holds(item, c)) return false; return true; });
}
