import { type DataFile, type Effective, inEffectOn, type SourceCitation } from './formats';

export interface CodeEntry { readonly billable: boolean; readonly title: string }

/** An ICD-10-CM code set of one fiscal year, indexed for lookups by code and by prefix. */
export interface CodeSet {
  readonly id: string;
  readonly version: string;          // "FY2026"
  readonly title: string;            // "ICD-10-CM FY2026"
  readonly effective: Effective;
  readonly source: SourceCitation;
  get(code: string): CodeEntry | undefined;
  /** The billable codes below a header, in code order. */
  billableChildren(code: string): readonly string[];
  /** Every code with its entry. */
  entries(): IterableIterator<[string, CodeEntry]>;
}

/** Positional reads of a sidecar: a file on disk, or bytes in memory (a few hundred bytes a read). */
export interface RandomAccess {
  readonly size: number;
  read(position: number, length: number): Buffer;
  close(): void;
}

/** A line of a code table: its code, entry, and where the next line starts. */
interface TableLine { readonly code: string; readonly entry: CodeEntry; readonly next: number }

/** The codes of a code set in code order, read only as far as a lookup needs; positions are opaque. */
interface CodeTable {
  /** The position past the last line. */
  readonly end: number;
  /** The position of the first line whose code is not below `key` (`end` when none). */
  lowerBound(key: string): number;
  lineAt(pos: number): TableLine;
  /** Every code with its entry, in one pass. */
  all(): Map<string, CodeEntry>;
  close(): void;
}

const WINDOW = 512; // longer than any line (an ICD-10-CM title is at most ~230 characters)

/**
 * A code table over a sorted `code<TAB>billable<TAB>title` sidecar (rules/data/icd10cm-fy<NNNN>.tsv), read
 * where it lies: a lookup is a binary search over byte offsets, each step reading one window and decoding
 * one code. On disk, a one-claim check reads ~17 windows a code instead of an 8 MB file; in memory (a
 * batch), nothing is indexed but the lines a lookup touches.
 */
function tsvTable(file: RandomAccess): CodeTable {
  const lineAt = (pos: number): TableLine => {
    let length = WINDOW;
    for (;;) {
      const bytes = file.read(pos, Math.min(length, file.size - pos));
      const nl = bytes.indexOf(10);
      if (nl < 0 && pos + bytes.length < file.size) { length *= 2; continue; }
      const end = nl < 0 ? bytes.length : nl;
      const tab = bytes.indexOf(9);
      return { code: bytes.toString('latin1', 0, tab), entry: { billable: bytes[tab + 1] === 49 /* '1' */, title: bytes.toString('utf8', tab + 3, end) }, next: pos + end + 1 };
    }
  };
  // The first line start at or after `pos` (pos itself when a line starts there).
  const startAtOrAfter = (pos: number): number => {
    for (let at = pos - 1; at < file.size; at += WINDOW) {
      if (at < 0) return 0;
      const bytes = file.read(at, Math.min(WINDOW, file.size - at));
      const nl = bytes.indexOf(10);
      if (nl >= 0) return at + nl + 1;
    }
    return file.size;
  };
  // The line start at or before `pos`, not before `floor` (itself a line start).
  const startAtOrBefore = (pos: number, floor: number): number => {
    for (let end = pos; end > floor; end -= WINDOW) {
      const from = Math.max(floor, end - WINDOW);
      const bytes = file.read(from, end - from);
      const nl = bytes.lastIndexOf(10);
      if (nl >= 0) return from + nl + 1;
    }
    return floor;
  };
  return {
    end: file.size,
    lineAt,
    lowerBound(key) {
      let lo = 0; // a line start
      let hi = file.size; // a line start, or the end
      while (lo < hi) {
        const mid = lo + ((hi - lo) >>> 1);
        let start = startAtOrAfter(mid);
        if (start >= hi) start = startAtOrBefore(mid, lo);
        const line = lineAt(start);
        if (line.code < key) lo = line.next; else hi = start;
      }
      return lo;
    },
    all() {
      // One decode of the whole text, then slices: per-line Buffer decodes cost ten times more.
      const text = file.read(0, file.size).toString('utf8');
      const map = new Map<string, CodeEntry>();
      for (let start = 0; start < text.length;) {
        let end = text.indexOf('\n', start);
        if (end < 0) end = text.length;
        const tab = text.indexOf('\t', start);
        if (tab > start && tab < end) map.set(text.slice(start, tab), { billable: text.charCodeAt(tab + 1) === 49, title: text.slice(tab + 3, end) });
        start = end + 1;
      }
      return map;
    },
    close: () => file.close(),
  };
}

const inMemory = (bytes: Buffer): RandomAccess => ({ size: bytes.length, read: (position, length) => bytes.subarray(position, position + length), close: () => undefined });

/** A code table over in-memory rows [code, billable, title] (ruleSetFromJson), sorted once; positions are indexes. */
function rowTable(rows: readonly unknown[]): CodeTable {
  const sorted = (rows as [string, number, string][]).slice().sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return {
    end: sorted.length,
    lowerBound(key) {
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sorted[mid][0] < key) lo = mid + 1; else hi = mid;
      }
      return lo;
    },
    lineAt: (i) => ({ code: sorted[i][0], entry: { billable: sorted[i][1] === 1, title: sorted[i][2] }, next: i + 1 }),
    all: () => new Map(sorted.map(([code, billable, title]) => [code, { billable: billable === 1, title }])),
    close: () => undefined,
  };
}

/**
 * Distinct codes a code set answers in place (small reads of its file) before it reads the file: a claim
 * asks a fiscal year for a handful; more means a batch, where one read of the file is cheaper.
 */
const IN_PLACE_LOOKUPS = 64;

/** Distinct codes looked up one by one before a code set indexes all of them (a one-claim check never gets there). */
const INDEX_ALL_AFTER = 2000;

/**
 * Builds a code set from a `code-set` data file (columns code, billable, title): its rows come from
 * `loadBytes` (the sidecar file, read the first time a claim of that fiscal year needs it) or from the
 * file's own rows. Nothing is read or indexed until the first lookup.
 */
export function indexCodeSet(file: DataFile, loadBytes?: () => Buffer, openFile?: () => RandomAccess): CodeSet {
  // The table read whole (a batch), or until then the sidecar on disk answering in place (opened on first use).
  let table: CodeTable | undefined;
  let inPlace: CodeTable | undefined;
  const tableOf = (): CodeTable => {
    if (!table) {
      table = loadBytes ? tsvTable(inMemory(loadBytes())) : rowTable(file.rows ?? []);
      inPlace?.close();
      inPlace = undefined;
    }
    return table;
  };
  const inPlaceOf = (): CodeTable | undefined => {
    if (table || !openFile) return undefined;
    return (inPlace ??= tsvTable(openFile()));
  };
  // Lookups search the table; once a run has asked for many codes (a batch), every code is indexed in one pass.
  let entries = new Map<string, CodeEntry | null>();
  let complete = false;
  const childrenCache = new Map<string, readonly string[]>();
  // The codes of the claims in hand, in a map small enough to stay in the CPU cache: a claim asks for its
  // few codes dozens of times (once per fact), and a lookup in the full ~98,000-code map costs ~10x more.
  let recent = new Map<string, CodeEntry | null>();
  const get = (code: string): CodeEntry | undefined => {
    const hot = recent.get(code);
    if (hot !== undefined) return hot ?? undefined;
    if (recent.size >= 64) recent = new Map();
    const found = lookup(code);
    recent.set(code, found ?? null);
    return found;
  };
  const lookup = (code: string): CodeEntry | undefined => {
    let entry = entries.get(code);
    if (entry === undefined && !complete) {
      const t = (entries.size < IN_PLACE_LOOKUPS ? inPlaceOf() : undefined) ?? tableOf();
      if (t === table && entries.size >= INDEX_ALL_AFTER) {
        entries = t.all();
        complete = true;
        return entries.get(code) ?? undefined;
      }
      const pos = t.lowerBound(code);
      const line = pos < t.end ? t.lineAt(pos) : undefined;
      entry = line?.code === code ? line.entry : null;
      entries.set(code, entry);
    }
    return entry ?? undefined;
  };
  return {
    id: file.id,
    version: file.version,
    title: file.title,
    effective: file.effective,
    source: { title: file.source.title, version: file.version, ...(file.source.file ? { section: file.source.file } : {}) },
    get,
    *entries() {
      const t = tableOf();
      for (let pos = 0; pos < t.end;) {
        const line = t.lineAt(pos);
        yield [line.code, line.entry];
        pos = line.next;
      }
    },
    billableChildren(code) {
      const cached = childrenCache.get(code);
      if (cached) return cached;
      // A 3-character category's children start with "M43."; a subcategory's with its own characters.
      const prefix = code.length === 3 ? `${code}.` : code;
      const found: string[] = [];
      const t = inPlaceOf() ?? tableOf();
      for (let pos = t.lowerBound(prefix); pos < t.end;) {
        const line = t.lineAt(pos);
        if (!line.code.startsWith(prefix)) break;
        if (line.code !== code && line.entry.billable) found.push(line.code);
        pos = line.next;
      }
      childrenCache.set(code, found);
      return found;
    },
  };
}

/** The code set whose effective range holds the date (ISO strings compare as dates). */
export function codeSetOn(codeSets: readonly CodeSet[], date: string): CodeSet | undefined {
  return inEffectOn(codeSets, date);
}
