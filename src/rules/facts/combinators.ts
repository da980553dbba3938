import type { DataFile } from '../formats';
import { EDITION_FIELDS, editionFields } from '../formats';
import { pairIndex, type Partners, rowOn } from '../pair-table';
import { fieldValues, type FieldValue } from './claim-fields';
import { describeNote, excludes1Between, noteSource } from './excludes1';
import { type ClaimContext, type EvidenceItem, type FactDefinition, type FieldContext, type ParamSpec, stringsParam } from './types';
import { applyWhere, keepItems } from './where';

// Facts over other facts' items and over claim fields: date order, amounts, counts, duplicates and
// pairs. A nested selector is `{ "fact": "<selector>", "params": { … } }`; its items come from the
// same per-claim memo as the rule's own conditions, so nothing is computed twice.

/** A nested selector param: { fact, params? }. */
export interface Selector { readonly fact: string; readonly params?: Record<string, unknown> }

type FactValue = (ctx: ClaimContext, name: string, params?: Record<string, unknown>) => unknown;

/** Items of a nested selector (factValue is passed in to keep this module free of the fact table). */
export function selectorItems(ctx: ClaimContext, selector: unknown, value: FactValue): readonly EvidenceItem[] {
  const s = selector as Selector;
  return value(ctx, s.fact, s.params) as readonly EvidenceItem[];
}

const WHERE: ParamSpec = { type: 'where', description: 'Item filters, as for the selectors.' };

// --- Dates -------------------------------------------------------------------------------------------

const DATE_OPS = ['before', 'after', 'onOrBefore', 'onOrAfter', 'outside'] as const;

/** A date operand: a claim field, "now" (the clock) or "judgingDate" (the date that picks code sets). */
function dateValues(ctx: ClaimContext, ref: string): readonly FieldValue[] {
  if (ref === 'now') return [{ path: '$', value: ctx.now }];
  if (ref === 'judgingDate') return [{ path: ctx.datePath, value: ctx.date }];
  return keepItems(fieldValues(ctx.claim, ref), (v) => typeof v.value === 'string' && v.value !== '');
}

function compareDates(ctx: ClaimContext, params: Record<string, unknown>): readonly EvidenceItem[] {
  const op = params.op as (typeof DATE_OPS)[number];
  const items: EvidenceItem[] = [];
  for (const leftRef of stringsParam(params, 'left')) {
    for (const left of dateValues(ctx, leftRef)) {
      const l = left.value as string;
      if (op === 'outside') {
        const from = params.from ? dateValues(ctx, String(params.from))[0] : undefined;
        const to = params.to ? dateValues(ctx, String(params.to))[0] : undefined;
        const before = from && l < (from.value as string);
        const after = to && l > (to.value as string);
        if (!before && !after) continue;
        items.push({
          path: left.path, left: l, leftField: leftRef, from: (from?.value as string) ?? '', to: (to?.value as string) ?? '',
          right: before ? from!.value : to!.value, rightField: before ? String(params.from) : String(params.to), rightPath: before ? from!.path : to!.path,
          evidence: [{ path: before ? from!.path : to!.path }],
        });
        continue;
      }
      for (const rightRef of stringsParam(params, 'right')) {
        for (const right of dateValues(ctx, rightRef)) {
          const r = right.value as string;
          const holds = op === 'before' ? l < r : op === 'after' ? l > r : op === 'onOrBefore' ? l <= r : l >= r;
          if (!holds || left.path === right.path) continue;
          items.push({
            path: left.path, left: l, leftField: leftRef, right: r, rightField: rightRef, rightPath: right.path, from: '', to: '',
            ...(right.path !== '$' ? { evidence: [{ path: right.path }] } : {}),
          });
        }
      }
    }
  }
  return applyWhere(items, params.where);
}

// --- Amounts and counts --------------------------------------------------------------------------------

const money = (n: number) => n.toFixed(2);

function sumMismatch(ctx: ClaimContext, params: Record<string, unknown>): readonly EvidenceItem[] {
  const total = fieldValues(ctx.claim, String(params.total)).find((v) => typeof v.value === 'number');
  const parts = fieldValues(ctx.claim, String(params.parts)).filter((v) => typeof v.value === 'number');
  if (!total || parts.length === 0) return []; // nothing to compare: cannot tell
  const sum = parts.reduce((s, p) => s + (p.value as number), 0);
  const tolerance = typeof params.tolerance === 'number' ? params.tolerance : 0.005;
  const difference = (total.value as number) - sum;
  if (Math.abs(difference) <= tolerance) return [];
  return [{ path: total.path, total: money(total.value as number), sum: money(sum), difference: money(difference), parts: parts.length }];
}

const COUNT_OPS = ['lessThan', 'greaterThan', 'equal', 'notEqual'] as const;

function count(ctx: ClaimContext, params: Record<string, unknown>, value: FactValue): readonly EvidenceItem[] {
  const n = selectorItems(ctx, params.of, value).length;
  const limit = Number(params.value);
  const op = params.op as (typeof COUNT_OPS)[number];
  const holds = op === 'lessThan' ? n < limit : op === 'greaterThan' ? n > limit : op === 'equal' ? n === limit : n !== limit;
  return holds ? [{ path: typeof params.path === 'string' ? params.path : '$', count: n, limit }] : [];
}

// --- Duplicates and pairs ------------------------------------------------------------------------------

/** Another item as evidence of this one: its path and code. */
const evidenceOf = (item: EvidenceItem): { path: string; code?: string } => ({ path: item.path, ...(item.code ? { code: String(item.code) } : {}) });

const capitalized = (s: string) => `${s[0].toUpperCase()}${s.slice(1)}`;

function duplicates(ctx: ClaimContext, params: Record<string, unknown>, value: FactValue): readonly EvidenceItem[] {
  const key = typeof params.key === 'string' ? params.key : 'code';
  const items = selectorItems(ctx, params.of, value);
  const first = new Map<string, { item: EvidenceItem; count: number }>();
  for (const item of items) {
    const k = String(item[key]);
    const seen = first.get(k);
    if (seen) seen.count++; else first.set(k, { item, count: 1 });
  }
  const out: EvidenceItem[] = [];
  for (const item of items) {
    const seen = first.get(String(item[key]))!;
    if (seen.item === item) continue;
    out.push({ ...item, firstPath: seen.item.path, count: seen.count, evidence: [evidenceOf(seen.item)] });
  }
  return applyWhere(out, params.where);
}

/** One item per group of a selector's items that agree on the `by` fields, with the group's `sum` of a numeric field. */
function groups(ctx: ClaimContext, params: Record<string, unknown>, value: FactValue): readonly EvidenceItem[] {
  const by = stringsParam(params, 'by');
  const field = typeof params.sum === 'string' ? params.sum : undefined;
  const grouped = new Map<string, EvidenceItem[]>();
  for (const item of selectorItems(ctx, params.of, value)) {
    let key = '';
    for (const f of by) key += `${String(item[f] ?? '')}\u0000`;
    const list = grouped.get(key);
    if (list) list.push(item); else grouped.set(key, [item]);
  }
  const out: EvidenceItem[] = [];
  for (const members of grouped.values()) {
    const first = members[0];
    const group: Record<string, unknown> = {};
    for (const k in first) group[k] = first[k];
    let sum = 0;
    if (field) for (const m of members) sum += typeof m[field] === 'number' ? (m[field] as number) : Number(m[field]) || 0;
    group.sum = sum;
    group.count = members.length;
    group.paths = members.length === 1 ? first.path : members.map((m) => m.path).join(', ');
    if (members.length > 1) group.evidence = members.slice(1).map(evidenceOf);
    out.push(group as EvidenceItem);
  }
  return applyWhere(out, params.where);
}

/** What a relation says of two items: nothing, or the fields of the hit and which side holds it. */
interface PairHit { readonly holder: 'left' | 'right'; readonly fields: Readonly<Record<string, unknown>>; readonly edition?: Readonly<Record<string, unknown>> }
type Relation = (ctx: ClaimContext, left: EvidenceItem, right: EvidenceItem) => PairHit | undefined;

/** Named relations that need more than a table lookup (documented in docs/facts.md). */
const RELATIONS: Readonly<Record<string, { readonly fields: readonly string[]; readonly relate: Relation }>> = {
  // ICD-10-CM Excludes1 (DESIGN §4.3): notes at a node apply below it; either code may hold the note.
  excludes1: {
    fields: ['title', 'otherTitle', 'notes', 'fiscalYear'],
    relate: (ctx, left, right) => {
      const found = excludes1Between(ctx, String(left.code), String(right.code));
      if (found.length === 0) return undefined;
      const holder = found[0].holder === left.code ? 'left' : 'right';
      const [h, o] = holder === 'left' ? [left, right] : [right, left];
      return {
        holder,
        fields: {
          title: ctx.codeSet?.get(String(h.code))?.title ?? '', otherTitle: ctx.codeSet?.get(String(o.code))?.title ?? '',
          notes: found.map(({ hit }) => describeNote(hit)).join('; '), fiscalYear: found[0].hit.judged,
          sources: found.map(({ hit }) => noteSource(hit)),
        },
      };
    },
  },
};

/** Item i's or j's pair hit: `pairOf(i, j)` for items left[i] and right[j]. */
type PairOf = (i: number, j: number) => PairHit | undefined;

/**
 * A pair table's hits for two lists of items. Each item's partners (the table rows with its code on the left)
 * are asked for once, and only when the item first meets a candidate partner: a claim with one line never
 * reads the table. A pair costs two lookups in those partner lists and builds nothing unless a row is found.
 */
function tablePairOf(file: DataFile, left: readonly EvidenceItem[], right: readonly EvidenceItem[], symmetric: boolean): PairOf {
  const none = null;
  const leftPartners: (Partners | undefined | null)[] = new Array(left.length).fill(none);
  const rightPartners = symmetric ? leftPartners : new Array<Partners | undefined | null>(right.length).fill(none);
  const partnersOf = (list: (Partners | undefined | null)[], items: readonly EvidenceItem[], k: number): Partners | undefined => {
    let p = list[k];
    if (p === null) { p = pairIndex(file).partners(String(items[k].code)); list[k] = p; }
    return p;
  };
  return (i, j) => {
    const a = left[i];
    const b = right[j];
    const date = typeof a.date === 'string' ? a.date : '';
    let holder: 'left' | 'right' = 'left';
    let row = rowOn(partnersOf(leftPartners, left, i)?.get(String(b.code)), date);
    if (!row) { holder = 'right'; row = rowOn(partnersOf(rightPartners, right, j)?.get(String(a.code)), date); }
    return row ? { holder, fields: row.fields, edition: file.validThrough ? editionFields(file, date) : undefined } : undefined;
  };
}

// "other" + capitalized field name, made once per name.
const OTHER_KEYS = new Map<string, string>();
const otherKey = (k: string): string => {
  let key = OTHER_KEYS.get(k);
  if (key === undefined) { key = `other${capitalized(k)}`; OTHER_KEYS.set(k, key); }
  return key;
};

/** The item of a pair: the holder's fields, the other item's as other<Field>, then the relation's. */
function pairItem(holder: EvidenceItem, other: EvidenceItem, { fields, edition }: PairHit): EvidenceItem {
  const item: Record<string, unknown> = {};
  for (const k in holder) item[k] = holder[k];
  for (const k in other) if (k !== 'path' && k !== 'code' && k !== 'evidence' && k !== 'sources') item[otherKey(k)] = other[k];
  for (const k in fields) if (k !== 'sources') item[k] = fields[k];
  if (edition) for (const k in edition) item[k] = edition[k];
  item.other = other.code;
  item.otherPath = other.path;
  item.evidence = [evidenceOf(other)];
  item.sources = [...(holder.sources ?? []), ...((fields.sources as EvidenceItem['sources']) ?? [])];
  return item as EvidenceItem;
}

// Whether a pairs fact pairs a selector with itself: decided once per params object (they live as long as the rule set).
const SYMMETRIC = new WeakMap<Record<string, unknown>, boolean>();
function isSymmetric(params: Record<string, unknown>): boolean {
  let symmetric = SYMMETRIC.get(params);
  if (symmetric === undefined) {
    symmetric = params.right === undefined || JSON.stringify(params.right) === JSON.stringify(params.left);
    SYMMETRIC.set(params, symmetric);
  }
  return symmetric;
}

function pairs(ctx: ClaimContext, params: Record<string, unknown>, value: FactValue): readonly EvidenceItem[] {
  const left = selectorItems(ctx, params.left, value);
  const symmetric = isSymmetric(params);
  const right = symmetric ? left : selectorItems(ctx, params.right, value);
  if (left.length === 0 || right.length === 0) return [];
  const name = String(params.relation);
  const named = RELATIONS[name];
  const file = named ? undefined : ctx.ruleSet.data.get(name);
  if (!named && !file) return [];
  const pairOf: PairOf = named ? (i, j) => named.relate(ctx, left[i], right[j]) : tablePairOf(file!, left, right, symmetric);
  const same = typeof params.sameField === 'string' ? params.sameField : undefined;
  const candidates = (a: EvidenceItem, b: EvidenceItem) => a.path !== b.path && a.code !== b.code && (!same || a[same] === b[same]);
  if (params.unmatched === true) {
    // Items of left with no partner: no item of right (another line, same sameField) for which the relation
    // holds with this item in the table's left column.
    return applyWhere(left.filter((a, i) => !right.some((b, j) => candidates(a, b) && pairOf(i, j)?.holder === 'left')), params.where);
  }
  const out: EvidenceItem[] = [];
  for (let i = 0; i < left.length; i++) {
    for (let j = symmetric ? i + 1 : 0; j < right.length; j++) {
      const a = left[i];
      const b = right[j];
      if (!candidates(a, b)) continue;
      const hit = pairOf(i, j);
      if (hit) out.push(hit.holder === 'left' ? pairItem(a, b, hit) : pairItem(b, a, hit));
    }
  }
  return applyWhere(out, params.where);
}

// --- Definitions ---------------------------------------------------------------------------------------

const selectorFields = (env: FieldContext, selector: unknown) => env.fieldsOf(selector);

export function combinatorFacts(value: FactValue): Readonly<Record<string, FactDefinition>> {
  return {
    union: {
      index: true,
      description: 'The items of several selectors together, each place once (an item two selectors both give is kept from the first): one rule over, e.g., diagnoses and procedures of one sex only.',
      params: {
        of: { type: 'selectors', required: true, description: 'The selectors whose items are joined.' },
        where: WHERE,
      },
      itemFields: (params, env) => {
        // The fields every selector gives (a message can rely on them whichever selector the item came from).
        const lists = (Array.isArray(params.of) ? params.of : []).map((s) => env.fieldsOf(s));
        return lists.length === 0 ? [] : lists.reduce((a, b) => a.filter((f) => b.includes(f)));
      },
      compute: (ctx, params) => {
        const seen = new Set<string>();
        const out: EvidenceItem[] = [];
        for (const selector of params.of as unknown[]) {
          for (const item of selectorItems(ctx, selector, value)) if (!seen.has(item.path)) { seen.add(item.path); out.push(item); }
        }
        return applyWhere(out, params.where);
      },
    },
    compareDates: {
      index: true,
      description: 'Claim dates in the wrong order: one item per left date for which `left op right` holds (or, with op "outside", each left date before `from` or after `to`). Operands are claim fields ("patient.birthDate", "lines[*].serviceDate"), "now" (the clock: the caller\'s `now`, else today) or "judgingDate". A missing date compares with nothing (cannot tell).',
      params: {
        left: { type: 'dates', required: true, description: 'Date field(s) tested.' },
        op: { type: 'string', required: true, values: DATE_OPS, description: 'before | after | onOrBefore | onOrAfter | outside.' },
        right: { type: 'dates', description: 'Date field(s) compared with (not for outside).' },
        from: { type: 'dates', description: 'outside: the span\'s first date field.' },
        to: { type: 'dates', description: 'outside: the span\'s last date field.' },
        where: WHERE,
      },
      itemFields: ['left', 'leftField', 'right', 'rightField', 'rightPath', 'from', 'to'],
      compute: compareDates,
    },
    sumMismatch: {
      index: true,
      description: 'One item when a total field differs from the sum of a list of amounts by more than `tolerance` (default 0.005); none when either is absent.',
      params: {
        total: { type: 'fields', required: true, description: 'The total field ("totalCharge").' },
        parts: { type: 'fields', required: true, description: 'The amounts ("lines[*].charge").' },
        tolerance: { type: 'number', description: 'Largest difference that still agrees (default 0.005).' },
      },
      itemFields: ['total', 'sum', 'difference', 'parts'],
      compute: sumMismatch,
    },
    count: {
      index: true,
      description: 'One item when the number of items of a selector compares with `value` by `op` (e.g. more than 12 diagnoses on an 837P).',
      params: {
        of: { type: 'selector', required: true, description: 'The selector whose items are counted.' },
        op: { type: 'string', required: true, values: COUNT_OPS, description: 'lessThan | greaterThan | equal | notEqual.' },
        value: { type: 'number', required: true, description: 'The number compared with.' },
        path: { type: 'string', description: 'JSONPath the finding points at (default "$").' },
      },
      itemFields: ['count', 'limit'],
      compute: (ctx, params) => count(ctx, params, value),
    },
    duplicates: {
      index: true,
      description: 'Items of a selector whose `key` (default code) an earlier item already has: one item per repeat, with the first one\'s path (`firstPath`) and the number of occurrences (`count`).',
      params: {
        of: { type: 'selector', required: true, description: 'The selector whose items are compared.' },
        key: { type: 'string', description: 'The item field that makes two items the same (default "code").' },
        where: WHERE,
      },
      itemFields: (params, env) => [...selectorFields(env, params.of), 'firstPath', 'count'],
      compute: (ctx, params) => duplicates(ctx, params, value),
    },
    groups: {
      index: true,
      description: 'The items of a selector grouped by the `by` fields (e.g. code and date of service): one item per group, the first member\'s fields plus `sum` (the total of the `sum` field over the group, e.g. units), `count` (members) and `paths` (their JSONPaths); the other members are the finding\'s further evidence.',
      params: {
        of: { type: 'selector', required: true, description: 'The selector whose items are grouped.' },
        by: { type: 'strings', required: true, description: 'The item fields that make two items one group.' },
        sum: { type: 'string', description: 'A numeric item field summed over each group (e.g. "units").' },
        where: WHERE,
      },
      itemFields: (params, env) => [...selectorFields(env, params.of), 'sum', 'count', 'paths'],
      compute: (ctx, params) => groups(ctx, params, value),
    },
    pairs: {
      index: true,
      description: 'Pairs of items (from `left` and `right`, or two different items of `left`) that a relation holds for: a named relation ("excludes1": ICD-10-CM Excludes1 notes of the tabular in force, either code holding the note) or a table data file with columns left and right (optional from/to dates; other columns become fields). One item per pair at the code that holds it; the other item\'s fields follow as other<Field>, its code as `other`, its path as `otherPath`. A table with `validThrough` adds `edition`, `stale` and `staleNote`; a large table keeps its rows in a sorted sidecar (`rowsFile`, read on first use).',
      params: {
        left: { type: 'selector', required: true, description: 'The first items.' },
        right: { type: 'selector', description: 'The second items (default: the same as left, each unordered pair once).' },
        relation: { type: 'relation', required: true, description: '"excludes1", or the id of a table data file with columns left and right.' },
        sameField: { type: 'string', description: 'Only pairs whose items agree on this field (e.g. "date": same date of service).' },
        unmatched: { type: 'boolean', description: 'true: instead of the pairs, the items of left that have no partner in right (the relation holding with the left item in the table\'s left column), e.g. an add-on code with none of its primary codes. Items are then the left selector\'s own.' },
        where: WHERE,
      },
      itemFields: (params, env) => {
        if (params.unmatched === true) return selectorFields(env, params.left);
        const own = selectorFields(env, params.left);
        const right = params.right === undefined ? own : selectorFields(env, params.right);
        const name = String(params.relation);
        const file = env.data.get(name);
        const relationFields = RELATIONS[name]?.fields ?? [...(file?.columns ?? []).filter((c) => !['left', 'right', 'from', 'to'].includes(c)), ...(file?.validThrough ? EDITION_FIELDS : [])];
        return [...own, ...right.map((f) => `other${capitalized(f)}`), 'other', 'otherPath', ...relationFields];
      },
      compute: (ctx, params) => pairs(ctx, params, value),
    },
  };
}

/** Whether a relation name is known: a named relation or a table data file with left/right columns. */
export function relationProblem(name: unknown, data: ReadonlyMap<string, DataFile>): string | undefined {
  if (typeof name !== 'string') return 'relation must be a string';
  if (name in RELATIONS) return undefined;
  const file = data.get(name);
  if (!file) return `no relation or table data file "${name}" (named relations: ${Object.keys(RELATIONS).join(', ')})`;
  const columns = file.columns ?? [];
  return columns.includes('left') && columns.includes('right') ? undefined : `table "${name}" has no left and right columns`;
}
