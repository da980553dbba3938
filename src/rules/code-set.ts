import { type DataFile, type Effective, inEffectOn, type SourceCitation } from './formats';
import { setBounded } from './multimap';
import { firstNotBelow } from './search';

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
  /** A lookup that costs one probe, for a batch: built in one pass over the table. */
  finder(): (code: string) => CodeEntry | undefined;
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
    finder: () => hashFinder(file.read(0, file.size)),
    close: () => file.close(),
  };
}

/** FNV-1a over a code's characters (ASCII: the same over its string and its bytes in the sidecar). */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * A hash of line positions over the sidecar bytes: 4 bytes a slot, two slots a code (~0.8 MB for FY2026),
 * instead of a decoded copy of the text and a map of ~98,000 entries (~17 MB of heap). A lookup hashes the
 * code, compares it with the bytes at each probed line, and decodes only the title of the line it finds.
 */
function hashFinder(bytes: Buffer): (code: string) => CodeEntry | undefined {
  let lines = 0;
  for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) lines++;
  let size = 1024;
  while (size < lines * 2 + 2) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size); // line start + 1; 0 = empty
  for (let start = 0; start < bytes.length;) {
    let hash = FNV_OFFSET;
    let at = start;
    for (; at < bytes.length && bytes[at] !== 9 && bytes[at] !== 10; at++) hash = Math.imul(hash ^ bytes[at], FNV_PRIME);
    if (at > start && bytes[at] === 9) {
      let slot = (hash >>> 0) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = start + 1;
    }
    const nl = bytes.indexOf(10, at);
    start = nl < 0 ? bytes.length : nl + 1;
  }
  const matches = (start: number, code: string): boolean => {
    if (start + code.length >= bytes.length || bytes[start + code.length] !== 9) return false;
    for (let i = 0; i < code.length; i++) if (bytes[start + i] !== code.charCodeAt(i)) return false;
    return true;
  };
  return (code) => {
    let hash = FNV_OFFSET;
    for (let i = 0; i < code.length; i++) hash = Math.imul(hash ^ code.charCodeAt(i), FNV_PRIME);
    for (let slot = (hash >>> 0) & mask; slots[slot] !== 0; slot = (slot + 1) & mask) {
      const start = slots[slot] - 1;
      if (!matches(start, code)) continue;
      const tab = start + code.length;
      let end = bytes.indexOf(10, tab);
      if (end < 0) end = bytes.length;
      return { billable: bytes[tab + 1] === 49 /* '1' */, title: bytes.toString('utf8', tab + 3, end) };
    }
    return undefined;
  };
}

const inMemory = (bytes: Buffer): RandomAccess => ({ size: bytes.length, read: (position, length) => bytes.subarray(position, position + length), close: () => undefined });

/** A code table over in-memory rows [code, billable, title] (ruleSetFromJson), sorted once; positions are indexes. */
function rowTable(rows: readonly unknown[]): CodeTable {
  const sorted = (rows as [string, number, string][]).slice().sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return {
    end: sorted.length,
    lowerBound: (key) => firstNotBelow(0, sorted.length, (i) => sorted[i][0] < key),
    lineAt: (i) => ({ code: sorted[i][0], entry: { billable: sorted[i][1] === 1, title: sorted[i][2] }, next: i + 1 }),
    finder: () => {
      const map = new Map(sorted.map(([code, billable, title]) => [code, { billable: billable === 1, title }]));
      return (code) => map.get(code);
    },
    close: () => undefined,
  };
}

/**
 * Distinct codes a code set answers in place (small reads of its file) before it reads the file: a claim
 * asks a fiscal year for a handful; more means a batch, where one read of the file is cheaper.
 */
const IN_PLACE_LOOKUPS = 64;

/** Headers whose billable children a code set remembers (bounded: a stream of header codes cannot grow it). */
const MAX_CACHED_HEADERS = 1000;

/** Distinct codes looked up one by one before a code set hashes all of them (a one-claim check never gets there). */
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
  // Lookups search the table; once a run has asked for many codes (a batch), every code is hashed in one pass.
  let entries = new Map<string, CodeEntry | null>();
  let find: ((code: string) => CodeEntry | undefined) | undefined;
  const childrenCache = new Map<string, readonly string[]>();
  // The codes of the claims in hand, in a map small enough to stay in the CPU cache: a claim asks for its
  // few codes dozens of times (once per fact), and a lookup in the full ~98,000-code map costs ~10x more.
  let recent = new Map<string, CodeEntry | null>();
  const get = (code: string): CodeEntry | undefined => {
    const hot = recent.get(code);
    if (hot !== undefined) return hot ?? undefined;
    // A new map, not clear(): refilled 64 keys at a time, a cleared map made a lookup ~0.6-0.9 -> ~1.1-1.5 µs.
    if (recent.size >= 64) recent = new Map();
    const found = lookup(code);
    recent.set(code, found ?? null);
    return found;
  };
  const lookup = (code: string): CodeEntry | undefined => {
    if (find) return find(code);
    let entry = entries.get(code);
    if (entry === undefined) {
      const t = (entries.size < IN_PLACE_LOOKUPS ? inPlaceOf() : undefined) ?? tableOf();
      if (t === table && entries.size >= INDEX_ALL_AFTER) {
        find = t.finder();
        entries = new Map();
        return find(code);
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
      setBounded(childrenCache, code, found, MAX_CACHED_HEADERS); // a category can have thousands of children
      return found;
    },
  };
}

/** The code set whose effective range holds the date (ISO strings compare as dates). */
export function codeSetOn(codeSets: readonly CodeSet[], date: string): CodeSet | undefined {
  return inEffectOn(codeSets, date);
}
