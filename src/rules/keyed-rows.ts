import type { DataFile } from './formats';

// The rows of a data file by the value of their first column. A large file whose header says its rows are
// sorted by that column (`rowsSortedBy`, written by the importers) is searched where it lies: a binary search
// over the file's bytes for the run of lines with the key, and only those lines parsed. Reading and parsing
// every row of the Excludes1 and MUE tables (1.4 MB of JSON) was a fifth of a one-claim check. A batch that asks
// for many keys (a binary search of ~13 probes each) gets the rows parsed and indexed once instead, past
// IN_PLACE_LOOKUPS. Any other file (small, given inline, or unsorted) is indexed from its parsed rows.

export type Row = readonly unknown[];

export interface KeyedRows {
  /** The rows whose first cell is `key`, in file order; empty when none. */
  at(key: string): readonly Row[];
}

const NO_ROWS: readonly Row[] = [];
/** Lookups a file answers in place before it is indexed whole (a one-claim check makes a few dozen). */
const IN_PLACE_LOOKUPS = 256;
const BYTES = new WeakMap<DataFile, () => Buffer>();
const KEYED = new WeakMap<DataFile, KeyedRows>();

/** Gives a data file declaring `rowsSortedBy` its bytes (as scripts/lib/data-io.ts writes them), read when first searched. */
export function attachRowBytes(file: DataFile, load: () => Buffer): void {
  BYTES.set(file, load);
}

/** The rows of a data file by first column: in place when the loader attached its bytes, else indexed. */
export function keyedRows(file: DataFile): KeyedRows {
  let keyed = KEYED.get(file);
  if (!keyed) {
    const bytes = BYTES.get(file);
    keyed = bytes ? inPlace(bytes(), file.id, () => indexed(file.rows ?? [])) : indexed(file.rows ?? []);
    KEYED.set(file, keyed);
  }
  return keyed;
}

function indexed(rows: readonly Row[]): KeyedRows {
  const byKey = new Map<string, Row[]>();
  for (const row of rows) {
    const key = String(row[0]);
    const list = byKey.get(key);
    if (list) list.push(row); else byKey.set(key, [row]);
  }
  return { at: (key) => byKey.get(key) ?? NO_ROWS };
}

const ROWS_START = Buffer.from('"rows": [\n');
const NEWLINE = 10;
const QUOTE = 34;
const BACKSLASH = 92;

/**
 * Rows one per line (`    ["key", ...],`) between `"rows": [` and the closing `  ]`. A probe reads the key of
 * the line at a position; a key that is not a plain string (an escape in it, a number) is read by parsing its row.
 */
function inPlace(bytes: Buffer, id: string, indexWhole: () => KeyedRows): KeyedRows {
  const marker = bytes.indexOf(ROWS_START);
  if (marker < 0) throw new Error(`${id}: rowsSortedBy needs the rows one per line after "rows": [`);
  const first = marker + ROWS_START.length;
  const end = bytes.lastIndexOf('\n  ]') + 1; // the start of the closing line
  const keyAt = (line: number): string => {
    const open = line + 5; // `    ["`
    if (bytes[open] !== QUOTE) return String(rowAt(line)[0]);
    const close = bytes.indexOf(QUOTE, open + 1);
    for (let i = open + 1; i < close; i++) if (bytes[i] === BACKSLASH) return rowAt(line)[0] as string; // an escape: the quote found may be one
    return bytes.toString('utf8', open + 1, close);
  };
  const nextLine = (line: number): number => bytes.indexOf(NEWLINE, line) + 1;
  const rowAt = (line: number): Row => JSON.parse(bytes.toString('utf8', line + 4, nextLine(line) - 1).replace(/,$/, '')) as Row;
  let lookups = 0;
  let whole: KeyedRows | undefined;
  return {
    at(key) {
      if (whole || ++lookups > IN_PLACE_LOOKUPS) return (whole ??= indexWhole()).at(key);
      let lo = first; // a line start
      let hi = end; // a line start
      while (lo < hi) {
        const mid = lo + ((hi - lo) >>> 1);
        let line = bytes.lastIndexOf(NEWLINE, mid - 1) + 1; // the line holding mid
        if (line < lo) line = lo;
        if (keyAt(line) < key) lo = nextLine(line); else hi = line;
      }
      let rows: Row[] | undefined;
      for (let line = lo; line < end && keyAt(line) === key; line = nextLine(line)) (rows ??= []).push(rowAt(line));
      return rows ?? NO_ROWS;
    },
  };
}
