import { type DataFile, type Effective, inEffect, rowStart, type SourceCitation } from './formats';
import { CHARACTER_ORDER, icd10Ancestors, type TabularOrder } from './tabular-order';
import { keyedRows, searchedInPlace } from './keyed-rows';
import { setBounded } from './multimap';

// Value sets (data files of kind "value-set"): codes a rule tests membership in, each row with its own
// dates of effect and any further columns (e.g. an MCE age range). ICD-10-CM semantics (DESIGN §3.1,
// Tabular List conventions): a header row covers its descendants (N40 covers N40.0), and a row
// "A00-A09" is a range whose ends are compared on their printed length, so "M43.3-M43.5X9" holds M43.4.

export const ICD10CM_SYSTEM = 'http://hl7.org/fhir/sid/icd-10-cm';

/** One row of a value set: its code (or range), dates of effect, and the other columns as fields. */
export interface ValueSetRow {
  readonly code: string;
  readonly effective: Effective;
  readonly fields: Readonly<Record<string, string | number>>;
}

export interface ValueSet {
  readonly id: string;
  readonly title: string;
  readonly version: string;
  readonly effective: Effective;
  /** The data file's validThrough (see DataFile): matches after it are marked stale. */
  readonly validThrough?: string;
  readonly source: SourceCitation;
  /** The columns beyond code/from/to: fields a matching item carries. */
  readonly fields: readonly string[];
  /** The row that holds `code` on `date` (exact code, an ancestor header, or a range), or undefined. */
  match(code: string, date: string): ValueSetRow | undefined;
}

interface Range { readonly from: string; readonly to: string; readonly rows: ValueSetRow[] }

const NONE: readonly (readonly ValueSetRow[])[] = [];
/** Distinct codes whose candidate rows a value set remembers (ICD-10-CM has ~98,000 codes and headers). */
const MAX_CACHED_CODES = 200_000;


/** Indexes a value-set data file: `values` (in force for the file's range) or `rows` under `columns`. */
export function indexValueSet(file: DataFile, order: TabularOrder = CHARACTER_ORDER): { valueSet: ValueSet; problems: string[] } {
  const problems: string[] = [];
  const columns = file.columns ?? ['code'];
  const codeAt = columns.indexOf('code');
  const fromAt = columns.indexOf('from');
  const toAt = columns.indexOf('to');
  // Checked on the declared columns, not the rows: a large value set's rows are read only when first matched.
  if (file.columns !== undefined && codeAt < 0) problems.push(`${file.id}: a value set with rows needs a "code" column`);
  const fields = columns.filter((c) => c !== 'code' && c !== 'from' && c !== 'to');
  const hierarchical = file.match !== 'exact' && (file.system === undefined || file.system === ICD10CM_SYSTEM);
  // Indexed on the first lookup: large value sets (the MCE's procedure master) cost nothing until a claim needs them.
  let index: RowIndex | undefined;
  // Searched by code only where the file is searched in place (the shipped rules: no range rows, a test checks);
  // any other value set is indexed with its ranges, whatever it declares.
  const indexOf = () => (index ??= codeAt === 0 && searchedInPlace(file) && !hierarchical && file.values === undefined
    ? sortedRowsIndex(file, rowReader(file, codeAt, fromAt, toAt, columns)) : indexRows(file, codeAt, fromAt, toAt, columns));
  const inForce = (list: readonly ValueSetRow[] | undefined, date: string) => list?.find((r) => inEffect(r.effective, date));
  const valueSet: ValueSet = {
    id: file.id, title: file.title, version: file.version, effective: file.effective, fields,
    ...(file.validThrough ? { validThrough: file.validThrough } : {}),
    source: { title: file.source.title, version: file.source.version ?? file.version, ...(file.source.file ? { section: file.source.file } : {}) },
    match(code, date) {
      const { exact, ranges } = indexOf();
      if (!hierarchical) { const hit = inForce(exact(code), date); if (hit) return hit; }
      else for (const node of icd10Ancestors(code)) { const hit = inForce(exact(node), date); if (hit) return hit; }
      if (ranges.length === 0) return undefined; // the common case
      for (const rows of rangeRowsOf(code)) { const hit = inForce(rows, date); if (hit) return hit; }
      return undefined;
    },
  };
  // The rows of the ranges that hold a code, in order: they depend only on the code, so a batch scans the
  // ranges once per distinct code, not per claim.
  const cached = new Map<string, readonly (readonly ValueSetRow[])[]>();
  const rangeRowsOf = (code: string): readonly (readonly ValueSetRow[])[] => {
    let found = cached.get(code);
    if (found) return found;
    const { ranges } = indexOf();
    const lists: (readonly ValueSetRow[])[] = [];
    const rangeOrder = hierarchical ? order : CHARACTER_ORDER;
    for (const r of ranges) if (rangeOrder.inRange(r.from, r.to, code)) lists.push(r.rows);
    found = lists.length === 0 ? NONE : lists;
    setBounded(cached, code, found, MAX_CACHED_CODES);
    return found;
  };
  return { valueSet, problems };
}

/** A value set's rows by exact code, and its ranges. */
interface RowIndex { readonly exact: (code: string) => readonly ValueSetRow[] | undefined; readonly ranges: readonly Range[] }

/**
 * Reads a data file's rows as ValueSetRows: the code, dates of effect (rows share one object per distinct
 * from/to) and the other columns as fields, read by column position.
 */
function rowReader(file: DataFile, codeAt: number, fromAt: number, toAt: number, columns: readonly string[]): (row: readonly unknown[]) => ValueSetRow {
  const fieldAt = columns.flatMap((c, j) => (c !== 'code' && c !== 'from' && c !== 'to' ? [[c, j] as const] : []));
  const start = rowStart(file);
  const effectives = new Map<string, Effective>();
  return (row) => {
    const from = fromAt >= 0 && row[fromAt] ? String(row[fromAt]) : start;
    const to = toAt >= 0 && row[toAt] ? String(row[toAt]) : file.effective.to;
    const key = `${from}|${to ?? ''}`;
    let effective = effectives.get(key);
    if (!effective) { effective = (to ? { from, to } : { from }) as Effective; effectives.set(key, effective); }
    const own: Record<string, string | number> = {};
    for (const [c, j] of fieldAt) own[c] = row[j] as string | number;
    return { code: String(row[codeAt]), effective, fields: own };
  };
}

/**
 * An exact-match value set searched in place, its rows sorted by code (`rowsSortedBy`: the NCCI MUE tables,
 * 15,000 rows; the MCE masters, 85,000), is searched by keyedRows, the rows of a code built when a claim first
 * asks for it. Indexing every row cost a one-claim check ~35 ms, reading and parsing them ~15 ms more.
 */
function sortedRowsIndex(file: DataFile, readRow: (row: readonly unknown[]) => ValueSetRow): RowIndex {
  const rows = keyedRows(file);
  const found = new Map<string, readonly ValueSetRow[] | null>();
  return {
    ranges: [],
    exact(code) {
      const known = found.get(code);
      if (known !== undefined) return known ?? undefined;
      const list = rows.at(code).map(readRow);
      setBounded(found, code, list.length > 0 ? list : null, MAX_CACHED_CODES);
      return list.length > 0 ? list : undefined;
    },
  };
}

function indexRows(file: DataFile, codeAt: number, fromAt: number, toAt: number, columns: readonly string[]): RowIndex {
  const listed = { ...file.effective, from: rowStart(file) } as Effective;
  const rows: ValueSetRow[] = (file.values ?? []).map((code) => ({ code, effective: listed, fields: {} }));
  const readRow = rowReader(file, codeAt, fromAt, toAt, columns);
  for (const raw of file.rows ?? []) {
    const row = raw as readonly unknown[];
    if (String(row[codeAt] ?? '')) rows.push(readRow(row));
  }
  const exact = new Map<string, ValueSetRow[]>();
  const ranges: Range[] = [];
  for (const row of rows) {
    const dash = row.code.indexOf('-', 1);
    if (dash > 0) {
      const from = row.code.slice(0, dash);
      const to = row.code.slice(dash + 1);
      const existing = ranges.find((r) => r.from === from && r.to === to);
      if (existing) existing.rows.push(row); else ranges.push({ from, to, rows: [row] });
      continue;
    }
    const list = exact.get(row.code);
    if (list) list.push(row); else exact.set(row.code, [row]);
  }
  return { exact: (code) => exact.get(code), ranges };
}
