import * as t from 'io-ts';
import { IsoDate, struct } from '../claim/codecs';

// The rule-file format of DESIGN §3.1, the data-file format of §3.2 and presets, as codecs:
// every file is decoded when it is loaded, so a bad file stops loading with its JSONPath.

export const Severity = t.keyof({ error: null, warning: null, info: null }, 'error|warning|info');
export type Severity = t.TypeOf<typeof Severity>;

/** A finding category: declared with a title in the rule set's ruleset.json (`categories`), checked at load. */
export const Category = t.refinement(t.string, (s) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(s), 'category (kebab-case, declared in ruleset.json)');
export type Category = t.TypeOf<typeof Category>;

export const Effective = struct({ from: IsoDate }, { to: IsoDate }, 'Effective');
export type Effective = t.TypeOf<typeof Effective>;

/** Whether a date (YYYY-MM-DD; ISO strings compare as dates) is in an effective range, both ends included. */
export function inEffect(effective: Effective, date: string): boolean {
  return effective.from <= date && (effective.to === undefined || date <= effective.to);
}

/** The first of a list in effect on a date (code sets, tables and editions are one per period). */
export function inEffectOn<T extends { readonly effective: Effective }>(list: readonly T[] | undefined, date: string): T | undefined {
  return (list ?? []).find((item) => inEffect(item.effective, date));
}

export const SourceCitation = struct({ title: t.string }, { version: t.string, section: t.string, url: t.string }, 'SourceCitation');
export type SourceCitation = t.TypeOf<typeof SourceCitation>;

const Risk = t.refinement(t.number, (n) => n >= 0 && n <= 1, 'number from 0 to 1');
export const GroupCode = t.keyof({ CO: null, PR: null, OA: null, PI: null }, 'CO|PR|OA|PI');

export const DenialMeta = struct({ risk: Risk, rationale: t.string }, {
  group: GroupCode, carc: t.string, rarc: t.readonlyArray(t.string),
  /** ids of rows in rules/data/x12-denial-mappings.json that back the group/CARC/RARC */
  mappings: t.readonlyArray(t.string),
  /**
   * true when no verified payer mapping backs the CARC/RARC: they are the X12 list entries whose
   * definitions fit, cited as such, and every finding says the mapping is unverified.
   */
  unverified: t.boolean,
}, 'DenialMeta');
export type DenialMeta = t.TypeOf<typeof DenialMeta>;

/** A {{name}} placeholder in a rule's message or fix text; the finding builder fills it from the evidence item. */
export const PLACEHOLDER = /\{\{(\w+)\}\}/g;

export const FixAction = t.keyof({ replace: null, add: null, remove: null, document: null, review: null }, 'replace|add|remove|document|review');

const RuleId = t.refinement(t.string, (s) => /^[a-z0-9]+(-[a-z0-9]+)*\/[a-z0-9]+(-[a-z0-9]+)*$/.test(s), 'rule id "category/kebab-name"');

export const RuleMeta = struct({
  category: Category,
  severity: Severity,
  description: t.string,
  messages: t.record(t.string, t.string),
  denial: DenialMeta,
  sources: t.readonlyArray(SourceCitation),
  effective: Effective,
}, { fix: t.type({ action: FixAction, description: t.string }) }, 'RuleMeta');
export type RuleMeta = t.TypeOf<typeof RuleMeta>;

export interface LeafCondition {
  readonly fact: string; readonly operator: string; readonly value: unknown;
  readonly params?: Record<string, unknown>; readonly path?: string; readonly priority?: number;
  /** Names the condition, so `event.params.evidence` can choose it as the one whose items become findings. */
  readonly name?: string;
}
export type Condition = LeafCondition | { readonly all: readonly Condition[] } | { readonly any: readonly Condition[] } | { readonly not: Condition };

export const Condition: t.Type<Condition> = t.recursion('Condition', () => t.union([
  struct({ fact: t.string, operator: t.string, value: t.unknown }, { params: t.UnknownRecord, path: t.string, priority: t.number, name: t.string }, 'LeafCondition'),
  t.type({ all: t.readonlyArray(Condition) }),
  t.type({ any: t.readonlyArray(Condition) }),
  t.type({ not: Condition }),
]) as t.Type<Condition>);

export const TopLevelCondition = t.union([
  t.type({ all: t.readonlyArray(Condition) }),
  t.type({ any: t.readonlyArray(Condition) }),
  t.type({ not: Condition }),
], 'TopLevelCondition (all | any | not)');

export const RuleFile = struct({
  id: RuleId,
  meta: RuleMeta,
  conditions: TopLevelCondition,
  event: t.type({
    type: t.literal('finding'),
    params: struct({
      /** A key of meta.messages, or the item field whose value is the key (with a default key). */
      messageId: t.union([t.string, t.type({ byField: t.string, default: t.string })]),
    }, {
      /** The `name` of the condition whose items become findings; default: the last `notEmpty` leaf of the top-level `all`. */
      evidence: t.string,
    }, 'FindingEventParams'),
  }),
}, { priority: t.number }, 'RuleFile');
export type RuleFile = t.TypeOf<typeof RuleFile>;

/** A Medicare Coverage Database billing article (and its LCD): identity, groups and their paragraphs. */
export const CoverageArticleMeta = struct({ id: t.string, version: t.number, title: t.string, payerTypes: t.readonlyArray(t.string), derived: t.boolean }, {
  contractor: t.string, url: t.string,
  lcd: struct({ id: t.string }, { version: t.number, title: t.string, url: t.string }, 'Lcd'),
  groups: t.readonlyArray(struct({ kind: t.keyof({ procedure: null, diagnosis: null, 'diagnosis-noncovered': null }), group: t.string, title: t.string }, { paragraph: t.string, indication: t.string, derived: t.boolean }, 'ArticleGroup')),
}, 'CoverageArticleMeta');
export type CoverageArticleMeta = t.TypeOf<typeof CoverageArticleMeta>;

/**
 * Table rows: an array of arrays, checked without copying (data files hold up to tens of thousands of rows,
 * and a per-element codec costs more than the rest of loading); each table's reader checks its own cells.
 */
const Rows = new t.Type<readonly (readonly unknown[])[], unknown, unknown>(
  'rows (an array of arrays)',
  (u): u is readonly (readonly unknown[])[] => Array.isArray(u) && u.every(Array.isArray),
  (u, c) => (Array.isArray(u) && u.every(Array.isArray) ? t.success(u as readonly (readonly unknown[])[]) : t.failure(u, c)),
  t.identity,
);

export const DataFile = struct({
  id: t.string,
  kind: t.keyof({ 'code-set': null, 'value-set': null, table: null }, 'code-set|value-set|table'),
  title: t.string,
  version: t.string,
  effective: Effective,
  source: struct({ title: t.string }, { file: t.string, url: t.string, note: t.string, version: t.string }, 'DataSource'),
}, {
  system: t.string,
  caveats: t.readonlyArray(t.string),
  counts: t.UnknownRecord,
  columns: t.readonlyArray(t.string),
  rows: Rows,
  /**
   * Value sets: "exact" when each row is one code (a code master, a list of billable codes: N40.0 in the list
   * does not put N40.01 in it, nor does N40 in a master mean its children); default "hierarchy" for ICD-10-CM
   * (a header row covers its descendants).
   */
  match: t.keyof({ exact: null, hierarchy: null }),
  /** The rows in a sidecar file beside this one (code sets: `code<TAB>billable<TAB>title` lines in code order), read when first needed. */
  rowsFile: t.string,
  /**
   * The first column, when the rows are sorted by it (string order) and written one per line (scripts/lib/
   * data-io.ts): a large shipped file is then searched where it lies, only the rows a claim asks for parsed.
   */
  rowsSortedBy: t.string,
  /** Excludes1 tables: the nodes that are block or chapter ranges ("M40-M54"), so a file searched in place need not be read whole for them. */
  rangeNodes: t.readonlyArray(t.string),
  values: t.readonlyArray(t.string),
  /** Partial editions (e.g. FY2026 Excludes1): the nodes the file holds completely ("Block M40-M54", "M40-M54", "Q76"). */
  coverage: t.readonlyArray(t.string),
  /** Partial editions: the data id to use outside `coverage`, said so in each finding's source. */
  fallback: t.string,
  /**
   * The last date of service the publisher made this edition for (e.g. a quarterly NCCI table's quarter end).
   * It makes the file one edition of a replaced table: dates outside [effective.from, validThrough] are still
   * judged by it, as the nearest edition loaded (rows without dates of their own are open), and the items it
   * yields say so: `edition` (the version), `stale` (true outside those dates) and `staleNote` (a sentence for
   * messages saying which side, empty inside).
   */
  validThrough: t.string,
  /**
   * A gzip sidecar of several members, one per run of rows whose first column starts with the same
   * `prefixLength` characters: [prefix, byte offset, byte length]. The loader keeps it packed and a lookup
   * unpacks only its member (the NCCI PTP tables: 754 members instead of one 30 MB text).
   */
  sidecarMembers: t.type({ prefixLength: t.number, members: t.readonlyArray(t.tuple([t.string, t.number, t.number])) }),
  /** Sidecar tables: columns whose cells are indexes into a list of texts (e.g. the 12 NCCI PTP rationales). */
  dictionaries: t.record(t.string, t.readonlyArray(t.string)),
  /** Tables: what the values of a coded column mean (e.g. Excludes1 "how"). */
  how: t.record(t.string, t.string),
  /** Coverage articles (rules/data/mcd-article-*.json): rows are [kind, group, code, title, status]. */
  article: CoverageArticleMeta,
}, 'DataFile');
export type DataFile = t.TypeOf<typeof DataFile>;

/** The item fields a data file with `validThrough` adds to what it matches (see DataFile.validThrough). */
export const EDITION_FIELDS = ['edition', 'stale', 'staleNote'] as const;

/** An edition of a table the publisher replaces (a DataFile or the ValueSet made of one). */
interface Edition { readonly version: string; readonly effective: { readonly from: string }; readonly validThrough?: string }

const NO_EDITION: Readonly<Record<string, unknown>> = Object.freeze({});
const EDITIONS = new WeakMap<Edition, Map<string, Readonly<Record<string, unknown>>>>();

/**
 * `edition`, `stale`, `staleNote` of an item dated `date` that a data file with `validThrough` matched; {} without.
 * Such a file is one edition of a table replaced every period (an NCCI quarter): it judges every date as the
 * nearest edition loaded, and `stale` says the date is outside its own dates — before `effective.from` (no
 * edition for the date is loaded: an older one may have said otherwise) or after `validThrough` (a newer one may).
 * Made once per file and date (shared, frozen).
 */
export function editionFields(file: Edition, date: string): Readonly<Record<string, unknown>> {
  if (!file.validThrough) return NO_EDITION;
  let byDate = EDITIONS.get(file);
  if (!byDate) EDITIONS.set(file, (byDate = new Map()));
  let fields = byDate.get(date);
  if (!fields) {
    const before = date !== '' && date < file.effective.from;
    const after = date !== '' && date > file.validThrough;
    const staleNote = before
      ? ` The ${file.version} table is in effect from ${file.effective.from}; no table in force on ${date} is loaded, so the nearest edition (${file.version}) judged it, and the table in force then may differ.`
      : after ? ` The ${file.version} table covers dates of service through ${file.validThrough}; it may be stale for ${date}.` : '';
    fields = Object.freeze({ edition: file.version, stale: before || after, staleNote });
    if (byDate.size < 10000) byDate.set(date, fields);
  }
  return fields;
}

/**
 * Where a row of a data file starts when it has no date of its own: the file's effective.from, except for an
 * edition (a file with validThrough), whose rows judge every date as the nearest edition (see editionFields).
 */
export function rowStart(file: { readonly effective: { readonly from: string }; readonly validThrough?: string }): string {
  return file.validThrough ? '' : file.effective.from;
}

export const RuleSetting = t.union([
  t.keyof({ off: null, error: null, warning: null, info: null }, 'off|error|warning|info'),
  t.partial({ severity: Severity, risk: Risk, off: t.boolean }),
]);
export type RuleSetting = t.TypeOf<typeof RuleSetting>;

/** A preset switches rules off or overrides their severity and denial prior (e.g. per payer). */
export const Preset = struct({ id: t.string, description: t.string, rules: t.record(t.string, RuleSetting) }, { extends: t.string }, 'Preset');
export type Preset = t.TypeOf<typeof Preset>;

/** What ruleSetFromJson takes: already-parsed rule, data and preset files. */
export const RuleSetJson = struct({ rules: t.readonlyArray(t.unknown), data: t.readonlyArray(t.unknown) }, {
  version: t.string, presets: t.readonlyArray(t.unknown), categories: t.record(t.string, t.string),
  /** The contents of sidecar files (a code set's `rowsFile`) by file name: text, or bytes. */
  sidecars: t.record(t.string, t.union([t.string, t.unknown as t.Type<Uint8Array>])),
}, 'RuleSetJson');

/** rules/ruleset.json: the rule set's version and the finding categories its rules may use (id → title). */
export const RuleSetManifest = struct({ id: t.string }, { version: t.string, description: t.string, categories: t.record(t.string, t.string) }, 'RuleSetManifest');
export type RuleSetManifest = t.TypeOf<typeof RuleSetManifest>;
export type RuleSetJson = t.TypeOf<typeof RuleSetJson>;
