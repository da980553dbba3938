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

/**
 * Builds the index of a `code-set` data file (columns code, billable, title). An entry equal to the
 * previous fiscal year's is shared with it: most codes do not change, so three years cost about one.
 */
export function indexCodeSet(file: DataFile, previous?: CodeSet): CodeSet {
  const codes = new Map<string, CodeEntry>();
  const billableSorted: string[] = [];
  for (const row of file.rows ?? []) {
    const [code, billable, title] = row as [string, number, string];
    const before = previous?.get(code);
    codes.set(code, before && before.billable === (billable === 1) && before.title === title ? before : { billable: billable === 1, title });
    if (billable === 1) billableSorted.push(code);
  }
  billableSorted.sort();
  const childrenCache = new Map<string, readonly string[]>();
  return {
    id: file.id,
    version: file.version,
    title: file.title,
    effective: file.effective,
    source: { title: file.source.title, version: file.version, ...(file.source.file ? { section: file.source.file } : {}) },
    get: (code) => codes.get(code),
    entries: () => codes.entries(),
    billableChildren(code) {
      const cached = childrenCache.get(code);
      if (cached) return cached;
      // A 3-character category's children start with "M43."; a subcategory's with its own characters.
      const prefix = code.length === 3 ? `${code}.` : code;
      const found: string[] = [];
      for (let i = lowerBound(billableSorted, prefix); i < billableSorted.length && billableSorted[i].startsWith(prefix); i++) {
        if (billableSorted[i] !== code) found.push(billableSorted[i]);
      }
      childrenCache.set(code, found);
      return found;
    },
  };
}

function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < key) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** The code set whose effective range holds the date (ISO strings compare as dates). */
export function codeSetOn(codeSets: readonly CodeSet[], date: string): CodeSet | undefined {
  return inEffectOn(codeSets, date);
}
