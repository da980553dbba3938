import type { DataFile } from './formats';
import { addTo } from './multimap';

// The rows of a data file by the value of their first column. A large file whose header says its rows are
// sorted by that column (`rowsSortedBy`, written by the importers) is searched where it lies: a binary search
// over the file's bytes for the run of lines with the key, and only those lines parsed. Reading and parsing
// every row of the Excludes1 and MUE tables (1.4 MB of JSON) was a fifth of a one-claim check, and their
// parsed rows ~6 MB of each `check --jobs` worker's heap. Past IN_PLACE_LOOKUPS (a batch) a map of each key's
// first line (~1 MB for the 15,000 MUE codes) answers instead. Any other file (small, given inline, or
// unsorted) is indexed from its parsed rows.

export type Row = readonly unknown[];

export interface KeyedRows {
  /** The rows whose first cell is `key`, in file order; empty when none. */
  at(key: string): readonly Row[];
}

const NO_ROWS: readonly Row[] = [];
/** Lookups a file answers by probing its bytes before it maps its keys to their lines (a one-claim check makes a few dozen). */
const IN_PLACE_LOOKUPS = 256;
const BYTES = new WeakMap<DataFile, () => Buffer>();
const KEYED = new WeakMap<DataFile, KeyedRows>();

/** Gives a data file declaring `rowsSortedBy` its bytes (as scripts/lib/data-io.ts writes them), read when first searched. */
export function attachRowBytes(file: DataFile, load: () => Buffer): void {
  BYTES.set(file, load);
}

/** Whether a data file is searched where it lies (the loader attached its bytes: the shipped rules, their order tested). */
export const searchedInPlace = (file: DataFile): boolean => BYTES.has(file);

/** The rows of a data file by first column: in place when the loader attached its bytes, else indexed. */
export function keyedRows(file: DataFile): KeyedRows {
  let keyed = KEYED.get(file);
  if (!keyed) {
    const bytes = BYTES.get(file);
    keyed = bytes ? inPlace(bytes(), file.id) : indexed(file.rows ?? []);
    KEYED.set(file, keyed);
  }
  return keyed;
}

function indexed(rows: readonly Row[]): KeyedRows {
  const byKey = new Map<string, Row[]>();
  for (const row of rows) addTo(byKey, String(row[0]), row);
  return { at: (key) => byKey.get(key) ?? NO_ROWS };
}

const ROWS_START = Buffer.from('"rows": [\n');
const NEWLINE = 10;
const QUOTE = 34;
const BACKSLASH = 92;

/**
 * Rows one per line (`    ["key", ...],`) between `"rows": [` and the closing `  ]`. A key is compared with the
 * bytes of a line's first cell where it lies; a first cell that is not a plain ASCII string (an escape, a number,
 * other characters) is read by parsing its row.
 */
function inPlace(bytes: Buffer, id: string): KeyedRows {
  const marker = bytes.indexOf(ROWS_START);
  if (marker < 0) throw new Error(`${id}: rowsSortedBy needs the rows one per line after "rows": [`);
  const first = marker + ROWS_START.length;
  const end = bytes.lastIndexOf('\n  ]') + 1; // the start of the closing line
  const nextLine = (line: number): number => bytes.indexOf(NEWLINE, line) + 1;
  const rowAt = (line: number): Row => JSON.parse(bytes.toString('utf8', line + 4, nextLine(line) - 1).replace(/,$/, '')) as Row;
  const order = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  /** The line's key against `key`, in string order. */
  const compareAt = (line: number, key: string): number => {
    const open = line + 5; // `    ["`
    if (bytes[open] !== QUOTE) return order(String(rowAt(line)[0]), key);
    for (let i = open + 1, j = 0; ; i++, j++) {
      const b = bytes[i];
      if (b === QUOTE) return j === key.length ? 0 : -1; // the line's key is a prefix of `key`
      if (b === BACKSLASH || b >= 0x80) return order(rowAt(line)[0] as string, key);
      if (j === key.length) return 1; // `key` is a prefix of the line's key
      const c = key.charCodeAt(j);
      if (b !== c) return b < c ? -1 : 1;
    }
  };
  /** The key of a line as a string (a plain ASCII key read where it lies, any other by parsing the row). */
  const keyAt = (line: number): string => {
    const open = line + 5;
    if (bytes[open] === QUOTE) {
      const close = bytes.indexOf(QUOTE, open + 1);
      let plain = true;
      for (let i = open + 1; i < close && plain; i++) plain = bytes[i] !== BACKSLASH && bytes[i] < 0x80;
      if (plain) return bytes.toString('latin1', open + 1, close);
    }
    return String(rowAt(line)[0]);
  };
  const rowsFrom = (start: number, key: string): readonly Row[] => {
    let rows: Row[] | undefined;
    for (let line = start; line < end && compareAt(line, key) === 0; line = nextLine(line)) (rows ??= []).push(rowAt(line));
    return rows ?? NO_ROWS;
  };
  let lookups = 0;
  let firstLines: Map<string, number> | undefined;
  // Each key's first line, in one pass: a batch then answers a key (most of them absent: the nodes above a
  // claim's codes) with one map lookup instead of a binary search.
  const indexKeys = (): Map<string, number> => {
    const index = new Map<string, number>();
    let previous = '';
    for (let line = first; line < end; line = nextLine(line)) {
      const key = keyAt(line);
      if (line === first || key !== previous) index.set(key, line);
      previous = key;
    }
    return index;
  };
  return {
    at(key) {
      if (firstLines || ++lookups > IN_PLACE_LOOKUPS) {
        const line = (firstLines ??= indexKeys()).get(key);
        return line === undefined ? NO_ROWS : rowsFrom(line, key);
      }
      let lo = first; // a line start
      let hi = end; // a line start
      while (lo < hi) {
        const mid = lo + ((hi - lo) >>> 1);
        let line = bytes.lastIndexOf(NEWLINE, mid - 1) + 1; // the line holding mid
        if (line < lo) line = lo;
        if (compareAt(line, key) < 0) lo = nextLine(line); else hi = line;
      }
      return rowsFrom(lo, key);
    },
  };
}
