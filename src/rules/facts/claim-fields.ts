import type { Claim } from '../../claim/codecs';

// Fields of a claim named in rule params: "payer.id", "patient.birthDate", "lines[*].serviceDate".
// Each resolves to the values it holds with their JSONPaths ("$.lines[1].serviceDate"); a field that
// is absent resolves to nothing, so "missing" is a test, not an error.

export interface FieldValue { readonly path: string; readonly value: unknown }

const SEGMENT = /^([A-Za-z][A-Za-z0-9]*)(\[\*\])?$/;

/** Whether a field name is well formed (the loader checks rule params with it). */
export const isFieldName = (name: string): boolean => name.split('.').every((s) => SEGMENT.test(s));

interface Segment { readonly name: string; readonly each: boolean }
/** A field name parsed: its segments, and its one JSONPath when no segment is `[*]` (then it holds at most one value). */
interface ParsedField { readonly segments: readonly Segment[]; readonly path?: string }
// Parsed field names: they come from rule files (a bounded set), so each is parsed once per process.
const PARSED = new Map<string, ParsedField>();
const parsedOf = (field: string): ParsedField => {
  let parsed = PARSED.get(field);
  if (!parsed) {
    const segments = field.split('.').map((s) => { const [, name, each] = SEGMENT.exec(s) ?? []; return { name, each: each !== undefined }; });
    parsed = segments.some((s) => s.each) ? { segments } : { segments, path: fieldPath(field) };
    PARSED.set(field, parsed);
  }
  return parsed;
};
const NO_VALUES: readonly FieldValue[] = [];
const hasOwn = (value: unknown, name: string): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.prototype.hasOwnProperty.call(value, name);

/** The values a field holds in a claim, with their JSONPaths. */
export function fieldValues(claim: Claim, field: string): readonly FieldValue[] {
  const { segments, path } = parsedOf(field);
  if (path !== undefined) { // one value at most: no paths or lists built on the way (a claim reads ~10 such fields)
    let value: unknown = claim;
    for (const { name } of segments) {
      if (!hasOwn(value, name)) return NO_VALUES;
      value = value[name];
      if (value === undefined) return NO_VALUES;
    }
    return [{ path, value }];
  }
  let current: FieldValue[] = [{ path: '$', value: claim }];
  for (const { name, each } of segments) {
    const next: FieldValue[] = [];
    for (const { path: at, value } of current) {
      if (!hasOwn(value, name)) continue;
      const child = value[name];
      if (child === undefined) continue;
      if (each) {
        if (Array.isArray(child)) child.forEach((v, i) => next.push({ path: `${at}.${name}[${i}]`, value: v }));
      } else next.push({ path: `${at}.${name}`, value: child });
    }
    current = next;
  }
  return current;
}

/** The JSONPath a field would have (its wildcards as written): where a missing field is reported. */
export const fieldPath = (field: string): string => `$.${field}`;

/** Empty strings and empty arrays count as missing: a claim with `lines: []` has no service line. */
export const isBlank = (value: unknown): boolean =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

/**
 * Age in whole years on a date, as CMS computes it (the MCE and grouper: completed years since birth,
 * the birthday counting on its day); null without a birth date or when the date is before birth.
 * Computed on the YYYY-MM-DD text: years between, less one when the birthday has not come yet.
 */
export function ageOn(birthDate: string | undefined, date: string | undefined): number | null {
  if (!birthDate || !date || date < birthDate) return null;
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

/** The date a claim's patient age is taken on: admission (institutional), else the judging date. */
export function ageDate(claim: Claim, judgingDate: string): string {
  return (claim.type === 'institutional' && claim.admissionDate) || judgingDate;
}

/**
 * A hospital inpatient claim, the kind MS-DRG groups and the MCE edits. By the type of bill when there is
 * one (NUBC UB-04 form locator 4: first digit the facility type, second the bill classification; 11x =
 * hospital inpatient, Medicare Part A): so 12x (inpatient Part B ancillaries), 13x/14x (outpatient,
 * non-patient), 18x (swing bed), 2x (SNF), 85x (critical access hospital outpatient) … are not. Without a
 * type of bill, by what the claim says: an institutional claim with an admission or discharge date.
 */
export function isInpatient(claim: Claim): boolean {
  if (claim.type !== 'institutional') return false;
  if (claim.billType) return claim.billType.startsWith('11');
  return claim.admissionDate !== undefined || claim.dischargeDate !== undefined;
}
