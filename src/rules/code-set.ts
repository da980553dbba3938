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

/** The codes of a code set in code order, read only as far as a lookup needs. */
interface CodeTable {
  readonly size: number;
  codeAt(i: number): string;
  entryAt(i: number): CodeEntry;
  /** Every code with its entry, in one pass (faster than entryAt for each). */
  all(): Map<string, CodeEntry>;
}

/**
 * A code table over the shipped sidecar (rules/data/icd10cm-fy<NNNN>.tsv: `code<TAB>billable<TAB>title` lines
 * in code order), kept as bytes: only the line starts are indexed, and a lookup is a binary search that
 * decodes the few codes it compares. Loading a fiscal year costs one file read and one newline scan, not
 * 98,000 parsed rows or an 8 MB string.
 */
function tsvTable(bytes: Buffer): CodeTable {
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
  const codeAt = (i: number) => bytes.toString('latin1', starts[i], bytes.indexOf(9, starts[i]));
  return {
    size: n,
    codeAt,
    entryAt(i) {
      const tab = bytes.indexOf(9, starts[i]);
      const end = bytes.indexOf(10, tab);
      return { billable: bytes[tab + 1] === 49 /* '1' */, title: bytes.toString('utf8', tab + 3, end < 0 ? bytes.length : end) };
    },
    all() {
      // One decode of the whole text, then slices: per-line Buffer decodes cost ten times more.
      const text = bytes.toString('utf8');
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
  };
}

/** A code table over in-memory rows [code, billable, title] (ruleSetFromJson), sorted once. */
function rowTable(rows: readonly unknown[]): CodeTable {
  const sorted = (rows as [string, number, string][]).slice().sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return {
    size: sorted.length,
    codeAt: (i) => sorted[i][0],
    entryAt: (i) => ({ billable: sorted[i][1] === 1, title: sorted[i][2] }),
    all: () => new Map(sorted.map(([code, billable, title]) => [code, { billable: billable === 1, title }])),
  };
}

/** The first index whose code is not below `key`. */
function lowerBound(table: CodeTable, key: string): number {
  let lo = 0;
  let hi = table.size;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (table.codeAt(mid) < key) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** Positional reads of a sidecar file on disk (a few hundred bytes a read). */
export interface RandomAccess {
  readonly size: number;
  read(position: number, length: number): Buffer;
  close(): void;
}

/** A line of a code-set sidecar read in place: its code, entry, and where the next line starts. */
interface SidecarLine { readonly code: string; readonly entry: CodeEntry; readonly next: number }

const WINDOW = 512; // longer than any line (an ICD-10-CM title is at most ~230 characters)

/**
 * Lookups in a sorted `code<TAB>billable<TAB>title` file without reading it: a binary search over byte
 * offsets, each step reading one window. A one-claim check asks a fiscal year for a few codes (its own
 * year, and the years around it for a code's history): ~17 small reads each, not an 8 MB file.
 */
function sidecarLookups(file: RandomAccess): { lineAt(pos: number): SidecarLine; lowerBound(key: string): number } {
  const lineAt = (pos: number): SidecarLine => {
    let length = WINDOW;
    for (;;) {
      const bytes = file.read(pos, Math.min(length, file.size - pos));
      const nl = bytes.indexOf(10);
      if (nl < 0 && pos + bytes.length < file.size) { length *= 2; continue; }
      const end = nl < 0 ? bytes.length : nl;
      const tab = bytes.indexOf(9);
      return { code: bytes.toString('latin1', 0, tab), entry: { billable: bytes[tab + 1] === 49, title: bytes.toString('utf8', tab + 3, end) }, next: pos + end + 1 };
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
  const lowerBound = (key: string): number => {
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
  };
  return { lineAt, lowerBound };
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
  let table: CodeTable | undefined;
  // Until the table is read whole, a sidecar on disk answers lookups in place (opened on the first one).
  let inPlace: (ReturnType<typeof sidecarLookups> & { readonly file: RandomAccess }) | undefined;
  const tableOf = (): CodeTable => {
    if (!table) {
      table = loadBytes ? tsvTable(loadBytes()) : rowTable(file.rows ?? []);
      inPlace?.file.close();
      inPlace = undefined;
    }
    return table;
  };
  const inPlaceOf = () => {
    if (table || !openFile) return undefined;
    if (!inPlace) { const f = openFile(); inPlace = { file: f, ...sidecarLookups(f) }; }
    return inPlace;
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
      const place = entries.size < IN_PLACE_LOOKUPS ? inPlaceOf() : undefined;
      if (place) {
        const pos = place.lowerBound(code);
        const line = pos < place.file.size ? place.lineAt(pos) : undefined;
        entry = line?.code === code ? line.entry : null;
        entries.set(code, entry);
        return entry ?? undefined;
      }
      const t = tableOf();
      if (entries.size >= INDEX_ALL_AFTER) {
        entries = t.all();
        complete = true;
        return entries.get(code) ?? undefined;
      }
      const i = lowerBound(t, code);
      entry = i < t.size && t.codeAt(i) === code ? t.entryAt(i) : null;
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
      for (let i = 0; i < t.size; i++) yield [t.codeAt(i), t.entryAt(i)];
    },
    billableChildren(code) {
      const cached = childrenCache.get(code);
      if (cached) return cached;
      // A 3-character category's children start with "M43."; a subcategory's with its own characters.
      const prefix = code.length === 3 ? `${code}.` : code;
      const found: string[] = [];
      const place = inPlaceOf();
      if (place) {
        for (let pos = place.lowerBound(prefix); pos < place.file.size;) {
          const line = place.lineAt(pos);
          if (!line.code.startsWith(prefix)) break;
          if (line.code !== code && line.entry.billable) found.push(line.code);
          pos = line.next;
        }
        childrenCache.set(code, found);
        return found;
      }
      const t = tableOf();
      for (let i = lowerBound(t, prefix); i < t.size; i++) {
        const c = t.codeAt(i);
        if (!c.startsWith(prefix)) break;
        if (c !== code && t.entryAt(i).billable) found.push(c);
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
