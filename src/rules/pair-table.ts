import { gunzipSync } from 'node:zlib';
import type { DataFile } from './formats';

// Pair tables: data files of kind "table" with columns `left` and `right` (optional `from`/`to`), which the
// `pairs` fact looks pairs up in. Small tables keep JSON `rows`; large ones (the NCCI PTP edits: 1.7 million
// pairs) keep them in a sidecar (`rowsFile`): one tab-separated line per row in the order of `columns`,
// sorted by `left<TAB>right` in byte order, no header; a column listed in `dictionaries` holds indexes into
// that list. The sidecar stays bytes: only line starts are indexed, and a lookup is a binary search that
// decodes the one or two lines it finds. A sidecar in gzip members (`sidecarMembers`) stays packed: a lookup
// unpacks and indexes only the member its left code falls in, once.

export type PairRecord = Readonly<Record<string, unknown>>;

/** The rows of one (left, right) pair, or undefined. */
export interface PairIndex { get(left: string, right: string): readonly PairRecord[] | undefined }

const SIDECARS = new WeakMap<DataFile, () => Buffer>();
const INDEXES = new WeakMap<DataFile, PairIndex>();

/** Gives a table data file with `rowsFile` its sidecar reader (called when the rule set is built). */
export function attachTableSidecar(file: DataFile, load: () => Buffer): void {
  SIDECARS.set(file, load);
}

function rowsIndex(file: DataFile): PairIndex {
  const map = new Map<string, PairRecord[]>();
  const columns = file.columns ?? [];
  for (const row of file.rows ?? []) {
    const record: Record<string, unknown> = {};
    columns.forEach((c, i) => { record[c] = (row as unknown[])[i]; });
    const key = `${String(record.left)}\t${String(record.right)}`;
    const list = map.get(key);
    if (list) list.push(record); else map.set(key, [record]);
  }
  return { get: (left, right) => map.get(`${left}\t${right}`) };
}

/** A gzip sidecar in members: each member is a sidecarIndex of its own, built when a lookup first needs it. */
function memberIndex(file: DataFile, packed: Buffer): PairIndex {
  const { prefixLength, members } = file.sidecarMembers!;
  const byPrefix = new Map(members.map(([prefix, offset, length]) => [prefix, { offset, length }]));
  const built = new Map<string, PairIndex>();
  return {
    get(left, right) {
      const prefix = left.slice(0, prefixLength);
      let index = built.get(prefix);
      if (!index) {
        const member = byPrefix.get(prefix);
        if (!member) return undefined;
        index = sidecarIndex(file, gunzipSync(packed.subarray(member.offset, member.offset + member.length)));
        built.set(prefix, index);
      }
      return index.get(left, right);
    },
  };
}

function sidecarIndex(file: DataFile, bytes: Buffer): PairIndex {
  let count = 0;
  for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) count++;
  const starts = new Int32Array(count + 1);
  let n = 0;
  for (let start = 0; start < bytes.length;) {
    const end = bytes.indexOf(10, start);
    if (end !== start) starts[n++] = start;
    if (end < 0) break;
    start = end + 1;
  }
  const columns = file.columns ?? [];
  const leftAt = columns.indexOf('left');
  const rightAt = columns.indexOf('right');
  if (leftAt !== 0 || rightAt !== 1) throw new Error(`${file.id}: a sidecar table's first columns are left and right`);
  const dictionaries = file.dictionaries ?? {};
  const lineAt = (i: number) => {
    const end = bytes.indexOf(10, starts[i]);
    return bytes.toString('latin1', starts[i], end < 0 ? bytes.length : end);
  };
  // The key of line i: its text up to the second tab.
  const keyAt = (i: number) => {
    const first = bytes.indexOf(9, starts[i]);
    return bytes.toString('latin1', starts[i], bytes.indexOf(9, first + 1));
  };
  const decode = (line: string): PairRecord => {
    const cells = line.split('\t');
    const record: Record<string, unknown> = {};
    columns.forEach((c, i) => {
      const cell = cells[i] ?? '';
      const list = dictionaries[c];
      record[c] = list && cell !== '' ? list[Number(cell)] ?? cell : /^\d+$/.test(cell) && c !== 'left' && c !== 'right' ? Number(cell) : cell;
    });
    return record;
  };
  return {
    get(left, right) {
      const key = `${left}\t${right}`;
      let lo = 0;
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (keyAt(mid) < key) lo = mid + 1; else hi = mid;
      }
      const found: PairRecord[] = [];
      for (let i = lo; i < n && keyAt(i) === key; i++) found.push(decode(lineAt(i)));
      return found.length > 0 ? found : undefined;
    },
  };
}

/** The pair index of a table data file, built on first use (a sidecar is read then, once). */
export function pairIndex(file: DataFile): PairIndex {
  let index = INDEXES.get(file);
  if (!index) {
    const load = SIDECARS.get(file);
    const inner = !load ? rowsIndex(file) : file.sidecarMembers ? memberIndex(file, load()) : sidecarIndex(file, load());
    // Answers are kept (found or not): a batch asks about the same few hundred code pairs again and again.
    const answers = new Map<string, readonly PairRecord[] | undefined>();
    index = {
      get(left, right) {
        const key = `${left}\t${right}`;
        if (answers.has(key)) return answers.get(key);
        const found = inner.get(left, right);
        answers.set(key, found);
        return found;
      },
    };
    INDEXES.set(file, index);
  }
  return index;
}
