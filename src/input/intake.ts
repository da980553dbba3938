import type { DecodeProblem } from '../claim/decode';
import type { IntakeDefect } from './types';

// What every reader does to a parsed record before the codec sees it (decodeItem):
// - a plain copy, so no key can reach a prototype: `__proto__`, `constructor` and `prototype` keys are
//   dropped (and reported), never assigned;
// - bounds (INTAKE_BOUNDS): past the diagnoses, lines or procedures bound the claim is judged on the first
//   items and carries a json/bound defect; past the nesting depth or documentation length it is rejected
//   with a problem that names the bound;
// - unknown properties (a typo such as "documentaton" silently drops data): reported as IntakeDefects of
//   kind json/unknown-property with the closest known property, and left out of the copy.

/** The bounds of one JSON/NDJSON/CSV record (documented in README "Input bounds"). */
export const INTAKE_BOUNDS = {
  /** Nesting depth of objects/arrays in one record (a claim needs 4). */
  depth: 16,
  /**
   * Diagnoses per claim (an 837I carries at most 1 + 25; JSON allows more, up to this cap). Pair checks
   * (Excludes1) grow with its square: 100 diagnoses are ~5,000 pairs, 1,000 would be ~500,000.
   */
  diagnoses: 100,
  /** Service lines per claim (837I allows 999). */
  lines: 1000,
  /** ICD-10-PCS procedures per claim. */
  procedures: 1000,
  /** Documentation: characters of chart text in all sections together. */
  documentationCharacters: 200_000,
  /** Documentation: sections. */
  documentationSections: 1000,
} as const;

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

const DIAGNOSIS = ['code', 'poa', 'system'];
/** The properties the claim model reads, by JSONPath pattern (`[]` = any element). */
const KNOWN: Readonly<Record<string, readonly string[]>> = {
  '$': ['id', 'type', 'payer', 'patient', 'serviceDate', 'admissionDate', 'dischargeDate', 'dischargeStatus', 'diagnoses',
    'procedures', 'lines', 'documentation', 'totalCharge', 'billingProvider', 'placeOfService', 'billType', 'frequency',
    'admittingDiagnosis', 'reasonForVisit'],
  '$.payer': ['id', 'type'],
  '$.patient': ['birthDate', 'sex'],
  '$.billingProvider': ['npi', 'name', 'taxonomy'],
  '$.lines[]': ['procedureCode', 'modifiers', 'units', 'charge', 'serviceDate', 'diagnosisPointers', 'revenueCode'],
  '$.diagnoses[]': DIAGNOSIS,
  '$.admittingDiagnosis': DIAGNOSIS,
  '$.reasonForVisit[]': DIAGNOSIS,
  '$.procedures[]': ['code', 'date'],
  '$.documentation[]': ['section', 'text'],
};

/** Edit distance with adjacent transpositions (optimal string alignment): "tpye" is 1 from "type". */
export function editDistance(a: string, b: string): number {
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j], before[j - 2] + 1);
    }
    before = prev;
    prev = row;
  }
  return prev[b.length];
}

/** The known property closest to `property` (case-insensitive edit distance at most 2, and under a third of its length); '' when none is close. */
export function closestProperty(property: string, known: readonly string[]): string {
  const p = property.toLowerCase();
  let best = '';
  let bestDistance = Infinity;
  for (const k of known) {
    const d = editDistance(p, k.toLowerCase());
    if (d < bestDistance) { best = k; bestDistance = d; }
  }
  return bestDistance <= 2 && bestDistance < Math.max(2, Math.ceil(property.length / 3)) ? best : '';
}

const keyPath = (path: string, key: string): string => (/^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`);

/**
 * One level of a record as the copy sees it: the known keys, each with its value's level (undefined below the
 * levels the model knows: every key is copied), whether an unknown key there is reported, and the level of
 * its array items. Built once from KNOWN, so copying a key is one map lookup.
 */
interface Level {
  readonly known?: ReadonlyMap<string, Level>;
  readonly names: readonly string[];
  readonly reports: boolean;
  readonly item: Level;
}
const UNKNOWN_LEVEL: Level = { names: [], reports: false, get item() { return UNKNOWN_LEVEL; } };
function levelOf(pattern: string): Level {
  const names = KNOWN[pattern];
  const known = names && new Map(names.map((key) => {
    const child = `${pattern}.${key}`;
    return [key, pattern === '$' || KNOWN[child] || KNOWN[`${child}[]`] ? levelOf(child) : UNKNOWN_LEVEL] as const;
  }));
  return { ...(known ? { known } : {}), names: names ?? [], reports: true, item: KNOWN[`${pattern}[]`] ? levelOf(`${pattern}[]`) : UNKNOWN_LEVEL };
}
const RECORD_LEVEL = levelOf('$');

export type Prepared =
  | { readonly ok: true; readonly record: unknown; readonly defects: readonly IntakeDefect[] }
  | { readonly ok: false; readonly problems: readonly DecodeProblem[] };

/** Copies a parsed record for the codec: forbidden and unknown keys out (as defects), bounds checked (as problems). */
export function prepareRecord(record: unknown): Prepared {
  const defects: IntakeDefect[] = [];
  const problems: DecodeProblem[] = [];
  const unknown = (path: string, key: string, known: readonly string[]): void => {
    const at = keyPath(path, key);
    const suggestion = FORBIDDEN.has(key) ? '' : closestProperty(key, known);
    defects.push({ kind: 'json/unknown-property', path: at, fields: { property: key, suggestion },
      message: `Unknown property ${JSON.stringify(key)} at ${at} is not read${suggestion ? `: did you mean ${JSON.stringify(suggestion)}?` : ''}` });
  };
  let tooDeep = false;
  // Where the copy is, as keys and indexes: a path string is built only for a defect (most records have none).
  const segments: (string | number)[] = [];
  const pathOf = (): string => segments.reduce<string>((p, seg) => (typeof seg === 'number' ? `${p}[${seg}]` : keyPath(p, seg)), '$');
  const copy = (value: unknown, level: Level, depth: number): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    if (depth > INTAKE_BOUNDS.depth) { tooDeep = true; return null; }
    if (Array.isArray(value)) {
      const out = new Array<unknown>(value.length);
      for (let i = 0; i < value.length; i++) { segments.push(i); out[i] = copy(value[i], level.item, depth + 1); segments.pop(); }
      return out;
    }
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const child = level.known ? level.known.get(key) : FORBIDDEN.has(key) ? undefined : UNKNOWN_LEVEL;
      if (child === undefined) { if (level.reports) unknown(pathOf(), key, level.names); continue; }
      segments.push(key);
      out[key] = copy((value as Record<string, unknown>)[key], child, depth + 1);
      segments.pop();
    }
    return out;
  };
  const copied = copy(record, RECORD_LEVEL, 1);
  if (tooDeep) {
    return { ok: false, problems: [{ path: '$', value: null, expected: `at most ${INTAKE_BOUNDS.depth} levels of nesting`,
      message: `the record is nested deeper than the bound of ${INTAKE_BOUNDS.depth} levels (depth bound); it was not read` }] };
  }
  if (typeof copied === 'object' && copied !== null && !Array.isArray(copied)) {
    const c = copied as Record<string, unknown>;
    // Past a count bound the claim is still judged, on its first `bound` items, and says so (json/bound).
    const bound = (key: 'diagnoses' | 'lines' | 'procedures', what: string): void => {
      const v = c[key];
      if (Array.isArray(v) && v.length > INTAKE_BOUNDS[key]) {
        c[key] = v.slice(0, INTAKE_BOUNDS[key]);
        defects.push({ kind: 'json/bound', path: `$.${key}`, fields: { bound: what, limit: INTAKE_BOUNDS[key], found: v.length },
          message: `The claim has ${v.length} ${what}, over the bound of ${INTAKE_BOUNDS[key]} ${what} per claim: only the first ${INTAKE_BOUNDS[key]} were read and judged` });
      }
    };
    bound('diagnoses', 'diagnoses');
    bound('lines', 'lines');
    bound('procedures', 'procedures');
    const doc = c.documentation;
    const sections = Array.isArray(doc) ? doc : [doc];
    const length = sections.reduce<number>((n, s) => n + (typeof s === 'string' ? s.length
      : typeof s === 'object' && s !== null && typeof (s as { text?: unknown }).text === 'string' ? (s as { text: string }).text.length : 0), 0);
    if (length > INTAKE_BOUNDS.documentationCharacters) {
      problems.push({ path: '$.documentation', value: length, expected: `at most ${INTAKE_BOUNDS.documentationCharacters} characters`,
        message: `the documentation is ${length} characters long, over the bound of ${INTAKE_BOUNDS.documentationCharacters} characters of chart text per claim; it was not read` });
    }
    if (Array.isArray(doc) && doc.length > INTAKE_BOUNDS.documentationSections) {
      problems.push({ path: '$.documentation', value: doc.length, expected: `at most ${INTAKE_BOUNDS.documentationSections} sections`,
        message: `the documentation has ${doc.length} sections, over the bound of ${INTAKE_BOUNDS.documentationSections} sections per claim; it was not read` });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, record: copied, defects };
}
