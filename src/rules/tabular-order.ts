import type { DataFile } from './formats';
import { firstNotBelow } from './search';

// ICD-10-CM codes in Tabular List order, not string order: C4A sits between C43 and C44, D3A before D37,
// Y93.A-Y93.K before Y93.8 (rules/data/icd10cm-tabular-order.json). A range "D37-D48" in an Excludes1 note
// or a value set holds what the tabular prints between its ends, so D3A.0 is not in it.

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const pad = (n: number, width: number) => String(n).padStart(width, '0');

export interface TabularOrder {
  /** Whether a code falls in a range, comparing its first characters with each printed end (M43.3-M43.5X9 holds M43.4). */
  inRange(from: string, to: string, code: string): boolean;
}

/** A code's ICD-10-CM ancestors, itself first: M43.03 → M43.03, M43.0, M43 (the nodes whose notes and rows cover it). */
export function icd10Ancestors(code: string): string[] {
  const out: string[] = [];
  for (let c = code; c.length >= 3; c = c.slice(0, -1)) if (!c.endsWith('.')) out.push(c);
  return out;
}

/** The range test of an order given by a sort key of undotted codes (a prefix sorts before its extensions). */
function rangeTest(key: (undotted: string) => string): TabularOrder['inRange'] {
  return (from, to, code) => {
    if (from === to) return code.startsWith(from); // a single reference (M43.1-): the code or a descendant
    const c = code.replace('.', '');
    const f = from.replace('.', '');
    const t = to.replace('.', '');
    // Ranges start and end with a letter: a code outside both ends' letters cannot be in the range.
    if (c[0] < f[0] || c[0] > t[0]) return false;
    return key(c.slice(0, f.length)) >= key(f) && key(c.slice(0, t.length)) <= key(t);
  };
}

/** Character order everywhere: the order when no tabular-order data is loaded. */
export const CHARACTER_ORDER: TabularOrder = { inRange: rangeTest((c) => c) };

/** Builds the order from the data file (rows [parent, "a;b;c"]; parent "" = the categories). */
export function indexTabularOrder(file: DataFile | undefined): TabularOrder {
  if (!file) return CHARACTER_ORDER;
  const rows = (file.rows ?? []) as [string, string][];
  const categories = (rows.find(([parent]) => parent === '')?.[1] ?? '').split(';').filter(Boolean);
  const rank = new Map(categories.map((c, i) => [c, i]));
  const sorted = [...categories].sort();
  const children = new Map(rows.filter(([parent]) => parent !== '').map(([parent, order]) => [parent.replace('.', ''), order.split(';')]));
  // Listed categories: their rank, then "1". Others: the rank of the listed one before them in character
  // order, then "2" and the code, so they sort right after it (or "0" before every listed one).
  const categoryKey = (category: string): string => {
    const r = rank.get(category);
    if (r !== undefined) return `${pad(r, 4)}1`;
    const lo = firstNotBelow(0, sorted.length, (i) => sorted[i] < category);
    return lo === 0 ? `00000${category}` : `${pad(rank.get(sorted[lo - 1])!, 4)}2${category}`;
  };
  const keyOf = (c: string): string => {
    let out = categoryKey(c.slice(0, 3));
    for (let i = 3; i < c.length; i++) {
      const order = children.get(c.slice(0, i));
      const at = order ? order.indexOf(c[i]) : -1;
      out += order && at >= 0 ? pad(at, 2) : pad(ALPHABET.indexOf(c[i]) + (order ? 50 : 0), 2);
    }
    return out;
  };
  // Keys by code, computed once per rule set: range ends and claim codes repeat across claims.
  const keys = new Map<string, string>();
  return {
    inRange: rangeTest((c) => {
      let k = keys.get(c);
      if (k === undefined) { k = keyOf(c); keys.set(c, k); }
      return k;
    }),
  };
}
