import { gunzipSync } from 'node:zlib';
import { type DataFile, rowStart } from './formats';
import { firstNotBelow } from './search';

// Pair tables: data files of kind "table" with columns `left` and `right` (optional `from`/`to`), which the
// `pairs` fact looks pairs up in. Small tables keep JSON `rows`; large ones (the NCCI PTP edits: 1.7 million
// pairs) keep them in a sidecar (`rowsFile`): one tab-separated line per row in the order of `columns`,
// sorted by `left<TAB>right` in byte order, no header; a column listed in `dictionaries` holds indexes into
// that list. The sidecar stays bytes: only line starts are indexed. A lookup asks for the partners of one
// left code once (a binary search over the bytes for its run of lines, kept per code), then each right code
// is a binary search inside that run comparing bytes with the code's characters: no string, no object, until
// a pair is found, whose rows are decoded then, once. A sidecar in gzip members (`sidecarMembers`) stays
// packed: a lookup unpacks and indexes only the member its left code falls in, once.

/** One row of a pair: its dates of effect (the file's where the row has none, see rowStart; "" = open) and its other columns. */
export interface PairRow {
  readonly from: string;
  readonly to: string;
  /** The columns besides left, right, from and to, and `sources` (the table's citation). */
  readonly fields: Readonly<Record<string, unknown>>;
}

/** The right codes a left code pairs with. */
export interface Partners { get(right: string): readonly PairRow[] | undefined }

export interface PairIndex {
  /** The partners of a left code, or undefined when the table has no row with it on the left. */
  partners(left: string): Partners | undefined;
}

const SIDECARS = new WeakMap<DataFile, () => Buffer>();
const INDEXES = new WeakMap<DataFile, PairIndex>();

/** Gives a table data file with `rowsFile` its sidecar reader (called when the rule set is built). */
export function attachTableSidecar(file: DataFile, load: () => Buffer): void {
  SIDECARS.set(file, load);
}

/** A row as a pair row: cells by column (left and right dropped), dates defaulting to the file's. */
function rowMaker(file: DataFile): (cells: readonly unknown[]) => PairRow {
  const columns = file.columns ?? [];
  const sources = [{ title: file.source.title, version: file.version }];
  const start = rowStart(file);
  return (cells) => {
    const fields: Record<string, unknown> = {};
    let from = '';
    let to = '';
    columns.forEach((c, i) => {
      const v = cells[i];
      if (c === 'from') from = typeof v === 'string' ? v : '';
      else if (c === 'to') to = typeof v === 'string' ? v : '';
      else if (c !== 'left' && c !== 'right') fields[c] = v;
    });
    fields.sources = sources;
    return { from: from || start, to: to || file.effective.to || '', fields };
  };
}

function rowsIndex(file: DataFile): PairIndex {
  const byLeft = new Map<string, Map<string, PairRow[]>>();
  const columns = file.columns ?? [];
  const leftAt = columns.indexOf('left');
  const rightAt = columns.indexOf('right');
  const make = rowMaker(file);
  for (const raw of file.rows ?? []) {
    const row = raw as readonly unknown[];
    const left = String(row[leftAt]);
    const right = String(row[rightAt]);
    let partners = byLeft.get(left);
    if (!partners) byLeft.set(left, (partners = new Map()));
    const list = partners.get(right);
    if (list) list.push(make(row)); else partners.set(right, [make(row)]);
  }
  return { partners: (left) => byLeft.get(left) };
}

/** A gzip sidecar in members: each member is a sidecarIndex of its own, built when a lookup first needs it. */
function memberIndex(file: DataFile, packed: Buffer): PairIndex {
  const { prefixLength, members } = file.sidecarMembers!;
  const byPrefix = new Map(members.map(([prefix, offset, length]) => [prefix, { offset, length }]));
  const built = new Map<string, PairIndex | null>();
  return {
    partners(left) {
      const prefix = left.length >= prefixLength ? left.slice(0, prefixLength) : left;
      let index = built.get(prefix);
      if (index === undefined) {
        const member = byPrefix.get(prefix);
        index = member ? sidecarIndex(file, gunzipSync(packed.subarray(member.offset, member.offset + member.length))) : null;
        built.set(prefix, index);
      }
      return index?.partners(left);
    },
  };
}

const TAB = 9;
const NEWLINE = 10;

function sidecarIndex(file: DataFile, bytes: Buffer): PairIndex {
  const columns = file.columns ?? [];
  if (columns.indexOf('left') !== 0 || columns.indexOf('right') !== 1) throw new Error(`${file.id}: a sidecar table's first columns are left and right`);
  let count = 0;
  for (let i = bytes.indexOf(NEWLINE); i >= 0; i = bytes.indexOf(NEWLINE, i + 1)) count++;
  const starts = new Int32Array(count + 1);
  let n = 0;
  for (let start = 0; start < bytes.length;) {
    const end = bytes.indexOf(NEWLINE, start);
    if (end !== start) starts[n++] = start;
    if (end < 0) break;
    start = end + 1;
  }
  const dictionaries = file.dictionaries ?? {};
  const make = rowMaker(file);
  const decode = (i: number): PairRow => {
    const end = bytes.indexOf(NEWLINE, starts[i]);
    const cells = bytes.toString('latin1', starts[i], end < 0 ? bytes.length : end).split('\t');
    return make(columns.map((c, j) => {
      const cell = cells[j] ?? '';
      const list = dictionaries[c];
      return list && cell !== '' ? list[Number(cell)] ?? cell : /^\d+$/.test(cell) && c !== 'left' && c !== 'right' ? Number(cell) : cell;
    }));
  };
  /** The column at byte `at` (up to a tab) against `code`: < 0, 0 or > 0 as in byte order. */
  const compare = (at: number, code: string): number => {
    for (let k = 0; ; k++) {
      const b = at + k < bytes.length ? bytes[at + k] : NEWLINE;
      const ends = b === TAB || b === NEWLINE;
      if (k === code.length) return ends ? 0 : 1;
      if (ends) return -1;
      const d = b - code.charCodeAt(k);
      if (d !== 0) return d;
    }
  };
  /** The first line in [lo, hi) whose column at `offset` compares with `code` as `past` says (binary search). */
  const bound = (lo: number, hi: number, offset: number, code: string, strictlyAfter: boolean): number =>
    firstNotBelow(lo, hi, (mid) => { const c = compare(starts[mid] + offset, code); return c < 0 || (strictlyAfter && c === 0); });
  const byLeft = new Map<string, Partners | null>();
  return {
    partners(left) {
      let partners = byLeft.get(left);
      if (partners === undefined) {
        const lo = bound(0, n, 0, left, false);
        const hi = bound(lo, n, 0, left, true);
        partners = lo === hi ? null : runPartners(lo, hi, left.length + 1);
        byLeft.set(left, partners);
      }
      return partners ?? undefined;
    },
  };

  function runPartners(lo: number, hi: number, offset: number): Partners {
    const decoded = new Map<number, PairRow[]>();
    return {
      get(right) {
        const first = bound(lo, hi, offset, right, false);
        if (first === hi || compare(starts[first] + offset, right) !== 0) return undefined;
        let rows = decoded.get(first);
        if (!rows) {
          rows = [];
          for (let i = first; i < hi && compare(starts[i] + offset, right) === 0; i++) rows.push(decode(i));
          decoded.set(first, rows);
        }
        return rows;
      },
    };
  }
}

/** The pair index of a table data file, built on first use (a sidecar is read then, once). */
export function pairIndex(file: DataFile): PairIndex {
  let index = INDEXES.get(file);
  if (!index) {
    const load = SIDECARS.get(file);
    index = !load ? rowsIndex(file) : file.sidecarMembers ? memberIndex(file, load()) : sidecarIndex(file, load());
    INDEXES.set(file, index);
  }
  return index;
}

/** The first row of a pair in effect on `date` (any row when date is ""). */
export function rowOn(rows: readonly PairRow[] | undefined, date: string): PairRow | undefined {
  if (!rows) return undefined;
  for (const r of rows) if (date === '' || (r.from <= date && (r.to === '' || date <= r.to))) return r;
  return undefined;
}
