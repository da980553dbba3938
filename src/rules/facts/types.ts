import { type Claim, type Diagnosis, diagnosesOf } from '../../claim/codecs';
import type { CodeSet } from '../code-set';
import type { SourceCitation } from '../formats';
import type { RuleSet } from '../rule-set';
import type { DrgComputation } from '../../scrub/drg';
import type { IntakeDefect } from '../../input/types';
import { isInpatient } from './claim-fields';

/** State shared by the claims of one batch (one scrubAll run, or one Scrubber.createBatch()): the first record of each claim id. */

/** What the facts of one claim are computed from; built once per claim by the scrubber. */
export interface ClaimContext {
  readonly claim: Claim;
  /** The date that picks code sets and rules (DESIGN §4.1), and the JSONPath it came from. */
  readonly date: string;
  readonly datePath: string;
  /** A what-if date (--as-of): it replaces every date of service of the claim, lines included. */
  readonly asOf?: string;
  readonly codeSet: CodeSet | undefined;
  readonly ruleSet: RuleSet;
  /** MS-DRG 551/552 grouping of an institutional inpatient claim, computed once per claim by the scrubber. */
  readonly drg?: DrgComputation;
  /** Values computed once for this claim, by slot (memoSlot): fact values (factValue) and named ones (perClaim); starts empty. */
  readonly memo: unknown[];
  /** The clock for "in the future" checks (YYYY-MM-DD): the caller's `now`, else today. */
  readonly now: string;
  /** What the reader found wrong with the record that became this claim (IntakeDefect). */
  readonly defects: readonly IntakeDefect[];
  /** When an earlier record of the same batch had this claim's id: that record ("record 3", "line 12"). */
  readonly earlierInBatch?: string;
}

/**
 * One item of an evidence fact: where in the claim, which code, which chart words; the other
 * fields fill the rule's message placeholders. `sources` are added to the finding's citations.
 */
export interface EvidenceItem {
  readonly path: string;
  readonly code?: string;
  readonly text?: string;
  readonly suggested?: string;
  /** Every candidate code when the fix is one of several: the finding's fix.candidates. */
  readonly candidates?: readonly string[];
  readonly sources?: readonly SourceCitation[];
  /** More places the finding rests on (e.g. the chart words beside the diagnosis), after the first. */
  readonly evidence?: readonly { readonly path: string; readonly code?: string; readonly text?: string }[];
  readonly [field: string]: unknown;
}

/** What a fact's parameter accepts; the loader checks every rule's params against it (file + JSONPath). */
export type ParamType =
  | 'string' | 'number' | 'boolean'
  | 'strings'      // a string or an array of strings
  | 'valueSet'     // the id of a value-set data file
  | 'table'        // the id of a table data file
  | 'selector'     // { fact, params? }: another evidence fact, whose items this one works on
  | 'selectors'    // an array of selectors
  | 'fields'       // claim field name(s): "payer.id", "lines[*].serviceDate"
  | 'dates'        // date operand(s): claim field names, "now" or "judgingDate"
  | 'relation'     // a named pair relation ("excludes1") or a table data file with left/right columns
  | 'where'        // item filters: [{ field, op, value }] (see where.ts)
  | 'json';        // any JSON value, checked by the fact itself

export interface ParamSpec {
  readonly type: ParamType;
  readonly description: string;
  /** The allowed values (for string and strings params). */
  readonly values?: readonly string[];
  readonly required?: boolean;
}

/** What the loader knows while it checks a rule: the data files, to name the fields a value set adds. */
export interface FieldContext {
  readonly data: ReadonlyMap<string, { readonly columns?: readonly string[]; readonly kind: string; readonly validThrough?: string }>;
  /** The item fields of a nested selector param ({ fact, params }). */
  fieldsOf(selector: unknown): readonly string[];
}

export interface FactDefinition {
  readonly description: string;
  /**
   * Cheap, and for most claims decides whether a rule can fire (claim type, payer type, chart text
   * present, or an evidence fact that is usually empty): the scrubber evaluates a rule's top-level
   * `all` conditions on index facts before the engine, so a claim runs only the rules it can meet
   * (DESIGN §3.3). The value is memoized, so the engine reuses it.
   */
  readonly index?: boolean;
  /** Every parameter the fact takes; a rule naming another one does not load. */
  readonly params?: Readonly<Record<string, ParamSpec>>;
  /**
   * For evidence facts (arrays of EvidenceItem): the fields each item carries, for message templates
   * and `where` filters; a function when they depend on the params (a value set's columns, a nested selector).
   */
  readonly itemFields?: readonly string[] | ((params: Record<string, unknown>, env: FieldContext) => readonly string[]);
  compute(ctx: ClaimContext, params: Record<string, unknown>): unknown;
}

/** The judging date of DESIGN §4.1: discharge date (hospital inpatient), else the claim's, else the earliest line's service date (lines are then judged on their own dates too). */
export function judgingDate(claim: Claim): { date: string; path: string } {
  if (isInpatient(claim) && claim.dischargeDate) return { date: claim.dischargeDate, path: '$.dischargeDate' };
  if (claim.serviceDate) return { date: claim.serviceDate, path: '$.serviceDate' };
  const lines = claim.lines ?? [];
  let best = 0;
  lines.forEach((l, i) => { if ((l.serviceDate ?? '9') < (lines[best].serviceDate ?? '9')) best = i; });
  // The decoder guarantees a dated line (or a discharge date) when the claim has no date of its own.
  if (lines[best]?.serviceDate) return { date: lines[best].serviceDate!, path: `$.lines[${best}].serviceDate` };
  return { date: claim.dischargeDate ?? '', path: '$.dischargeDate' };
}

// Each value computed once per claim has a slot in ctx.memo, numbered once per key for the process: a fact
// call's key is its name and params as JSON (factValue), a named value's a name with a ':' (perClaim). An array
// read instead of a string-keyed map (~40 values a claim, most read several times).
const SLOTS = new Map<string, number>();
export const memoSlot = (key: string): number => {
  let slot = SLOTS.get(key);
  if (slot === undefined) { slot = SLOTS.size; SLOTS.set(key, slot); }
  return slot;
};
/** A memoized value that is `undefined` (an empty slot is one not computed yet). */
export const MEMO_UNDEFINED = Symbol('undefined');

/**
 * `compute` made a value computed once per claim (the chart's reading, the claim's diagnoses as items), under a
 * name with a ':'. Its slot is found here, once, not at each call: a claim reads such values many times.
 */
export function perClaim<T>(key: string, compute: (ctx: ClaimContext) => T): (ctx: ClaimContext) => T {
  const slot = memoSlot(key);
  return (ctx) => {
    const known = ctx.memo[slot];
    if (known !== undefined) return (known === MEMO_UNDEFINED ? undefined : known) as T;
    const value = compute(ctx);
    ctx.memo[slot] = value === undefined ? MEMO_UNDEFINED : value;
    return value;
  };
}

/** The claim's ICD-10-CM diagnoses with their JSONPaths, computed once per claim (facts share it). */
export const icd10Diagnoses: (ctx: ClaimContext) => readonly (Diagnosis & { readonly path: string })[] =
  perClaim('claim:icd10Diagnoses', (ctx) => diagnosesOf(ctx.claim, 'ICD-10-CM'));

// A 'strings' param (one string, or an array) as a list, made once per params object and key: params come from
// the rule files, and facts read them for every claim.
const LISTS = new WeakMap<Record<string, unknown>, Map<string, readonly string[]>>();
export function stringsParam(params: Record<string, unknown>, key: string): readonly string[] {
  let byKey = LISTS.get(params);
  if (!byKey) LISTS.set(params, (byKey = new Map()));
  let list = byKey.get(key);
  if (!list) {
    const value = params[key];
    list = value === undefined ? [] : ([] as unknown[]).concat(value).map(String);
    byKey.set(key, list);
  }
  return list;
}

/** Placeholders every finding can use, whatever its evidence fact. */
export const COMMON_FIELDS = ['path', 'code', 'text', 'suggested'] as const;
