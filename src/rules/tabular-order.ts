import type { DataFile } from './formats';

// ICD-10-CM codes in Tabular List order, not string order: C4A sits between C43 and C44, D3A before D37,
// Y93.A-Y93.K before Y93.8 (rules/data/icd10cm-tabular-order.json). A range "D37-D48" in an Excludes1 note
// or a value set holds what the tabular prints between its ends, so D3A.0 is not in it.

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const pad = (n: number, width: number) => String(n).padStart(width, '0');

export interface TabularOrder {
  /** A string that sorts codes (dotted or not) in tabular order; a prefix of a code sorts before the code. */
  key(code: string): string;
  /** Whether a code falls in a range, comparing its first characters with each printed end (M43.3-M43.5X9 holds M43.4). */
  inRange(from: string, to: string, code: string): boolean;
}

/** Character order everywhere: the order when no tabular-order data is loaded. */
export const CHARACTER_ORDER: TabularOrder = {
  key: (code) => code.replace('.', ''),
  inRange: (from, to, code) => {
    const c = code.replace('.', '');
    const f = from.replace('.', '');
    const t = to.replace('.', '');
    return c.slice(0, f.length) >= f && c.slice(0, t.length) <= t;
  },
};

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
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) { const mid = (lo + hi) >>> 1; if (sorted[mid] < category) lo = mid + 1; else hi = mid; }
    return lo === 0 ? `00000${category}` : `${pad(rank.get(sorted[lo - 1])!, 4)}2${category}`;
  };
  // Keys by code, computed once per rule set: range ends and claim codes repeat across claims.
  const keys = new Map<string, string>();
  const key = (code: string): string => {
    let k = keys.get(code);
    if (k === undefined) { k = keyOf(code); keys.set(code, k); }
    return k;
  };
  const keyOf = (code: string): string => {
    const c = code.replace('.', '');
    let out = categoryKey(c.slice(0, 3));
    for (let i = 3; i < c.length; i++) {
      const order = children.get(c.slice(0, i));
      const at = order ? order.indexOf(c[i]) : -1;
      out += order && at >= 0 ? pad(at, 2) : pad(ALPHABET.indexOf(c[i]) + (order ? 50 : 0), 2);
    }
    return out;
  };
  return {
    key,
    inRange: (from, to, code) => {
      if (from === to) return code.startsWith(from); // a single reference (M43.1-): the code or a descendant
      const c = code.replace('.', '');
      const f = from.replace('.', '');
      const t = to.replace('.', '');
      // Most ranges are far from the code: a category outside both ends' letters cannot be in the range.
      if (c[0] < f[0] || c[0] > t[0]) return false;
      return key(c.slice(0, f.length)) >= key(f) && key(c.slice(0, t.length)) <= key(t);
    },
  };
}
