import * as t from 'io-ts';

// Branded domain strings: a value of these types has been checked and normalized at the edge.

export interface IsoDateBrand { readonly IsoDate: unique symbol }
/** A calendar date written YYYY-MM-DD that exists (2026-02-30 does not). */
export const IsoDate = t.brand(
  t.string,
  (s): s is t.Branded<string, IsoDateBrand> => isCalendarDate(s),
  'IsoDate',
);

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** YYYY-MM-DD naming a day that exists (checked on the text: a date library costs more than the claim). */
function isCalendarDate(s: string): boolean {
  if (s.length !== 10 || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const year = Number(s.slice(0, 4));
  const month = Number(s.slice(5, 7));
  const day = Number(s.slice(8, 10));
  if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]) return false;
  return month !== 2 || day < 29 || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0));
}
export type IsoDate = t.TypeOf<typeof IsoDate>;

export interface IcdCodeBrand { readonly IcdCode: unique symbol }
/** A diagnosis code in dotted form (M43.03, 722.0): normalized from dotted or undotted input. */
export type IcdCode = t.Branded<string, IcdCodeBrand>;

export interface CptCodeBrand { readonly CptCode: unique symbol }
/** A CPT (5 digits, or 4 digits + F/T/U) or HCPCS Level II (letter + 4 digits) procedure code. */
export const CptCode = t.brand(
  t.string,
  (s): s is t.Branded<string, CptCodeBrand> => /^(\d{4}[0-9FTU]|[A-V]\d{4})$/.test(s),
  'CptCode',
);
export type CptCode = t.TypeOf<typeof CptCode>;

export interface PcsCodeBrand { readonly PcsCode: unique symbol }
/** An ICD-10-PCS procedure code: 7 characters from 0-9 and A-Z without I and O. */
export const PcsCode = t.brand(
  t.string,
  (s): s is t.Branded<string, PcsCodeBrand> => /^[0-9A-HJ-NP-Z]{7}$/.test(s),
  'PcsCode',
);
export type PcsCode = t.TypeOf<typeof PcsCode>;

/**
 * An object with required and optional properties: what t.intersection([t.type(required), t.partial(optional)])
 * decodes, checked in one pass without the intersection's merge of its members' copies (a claim has six such
 * objects, and the merge was a third of decoding it). The problems are those of the intersection, at the same
 * paths. Like io-ts's own codecs it says what it is (`_tag`, `required`, `optional`): the schema test reads it.
 */
export class StructType<R extends t.Props, O extends t.Props> extends t.Type<t.TypeOfProps<R> & t.TypeOfPartialProps<O>, unknown, unknown> {
  readonly _tag = 'StructType' as const;
  constructor(name: string, readonly required: R, readonly optional: O) {
    type A = t.TypeOfProps<R> & t.TypeOfPartialProps<O>;
    const props: (readonly [string, t.Mixed, boolean, boolean])[] = [
      ...Object.entries(required).map(([k, codec]) => [k, codec, true, keepsWhatIs(codec)] as const),
      ...Object.entries(optional).map(([k, codec]) => [k, codec, false, keepsWhatIs(codec)] as const),
    ];
    const isObject = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null && !Array.isArray(u);
    super(
      name,
      (u): u is A => isObject(u) && props.every(([k, codec, isRequired]) => (!isRequired && u[k] === undefined) || codec.is(u[k])),
      (u, c) => {
        if (!isObject(u)) return t.failure(u, c);
        let out = u; // copied on the first property whose decoded value differs, as t.type does
        let errors: t.ValidationError[] | undefined;
        for (const [k, codec, isRequired, kept] of props) {
          const value = u[k];
          if (value === undefined && !isRequired) continue;
          if (kept && codec.is(value)) continue; // valid as it is: no context built for a validation that cannot fail
          const result = codec.validate(value, t.appendContext(c, k, codec, value));
          if (result._tag === 'Left') { (errors ??= []).push(...result.left); continue; }
          if (result.right !== value) {
            if (out === u) out = { ...u };
            out[k] = result.right;
          }
        }
        return errors ? t.failures(errors) : t.success(out as A);
      },
      t.identity as (a: A) => unknown,
    );
  }
}

/**
 * Whether a codec decodes every value its `is` accepts to that same value (plain strings, numbers, booleans,
 * keyof, literals; refinements, unions, arrays and objects made only of those): such a property is checked
 * with `is`, and validated (with its context, for the problems' paths) only when that says no. Codecs that
 * normalize (Diagnosis: "M4303" becomes "M43.03") or are not known here are always validated.
 */
function keepsWhatIs(codec: t.Mixed): boolean {
  if (codec instanceof t.StringType || codec instanceof t.NumberType || codec instanceof t.BooleanType
    || codec instanceof t.KeyofType || codec instanceof t.LiteralType) return true;
  if (codec instanceof t.RefinementType) return keepsWhatIs(codec.type);
  if (codec instanceof t.ReadonlyArrayType || codec instanceof t.ArrayType) return keepsWhatIs(codec.type);
  if (codec instanceof t.UnionType) return (codec.types as t.Mixed[]).every(keepsWhatIs);
  if (codec instanceof t.PartialType || codec instanceof t.InterfaceType) return Object.values(codec.props as t.Props).every(keepsWhatIs);
  if (codec instanceof StructType) return [...Object.values(codec.required as t.Props), ...Object.values(codec.optional as t.Props)].every(keepsWhatIs);
  return false;
}

export const struct = <R extends t.Props, O extends t.Props>(required: R, optional: O, name: string): StructType<R, O> => new StructType(name, required, optional);

export type DiagnosisSystem = 'ICD-10-CM' | 'ICD-9-CM';

// ICD-10-CM: a letter, two letters-or-digits, then up to 4 more characters after the dot. The second
// character is a letter in some categories (FY2026 QA0.*, FY2027 QA1.*): the shape only says "could be a
// code"; whether it is one is the code set's answer on the date of service (validity/code-not-in-code-set).
const ICD10_DOTTED = /^[A-Z][0-9A-Z]{2}(\.[0-9A-Z]{1,4})?$/;
const ICD10_UNDOTTED = /^[A-Z][0-9A-Z]{2}[0-9A-Z]{0,4}$/;
// ICD-9-CM shapes that cannot be ICD-10-CM: numeric codes (722.0, 7220) and E-codes with three
// digits before the dot (E849.7). ICD-9 V-codes look like ICD-10 V-codes; they need an explicit system.
const ICD9_NUMERIC = /^\d{3}(\.?\d{1,2})?$/;
const ICD9_E_DOTTED = /^E\d{3}\.\d$/;
const ICD9_V_DOTTED = /^V\d{2}(\.\d{1,2})?$/;

/** Normalizes a diagnosis code to its dotted upper-case form, or returns null when it has no known shape. */
export function normalizeDiagnosisCode(raw: string, system?: DiagnosisSystem): { code: string; system: DiagnosisSystem } | null {
  const s = raw.trim().toUpperCase();
  if (system === 'ICD-9-CM' || (system === undefined && (ICD9_NUMERIC.test(s) || ICD9_E_DOTTED.test(s)))) {
    if (s.includes('.')) return ICD9_NUMERIC.test(s) || ICD9_E_DOTTED.test(s) || ICD9_V_DOTTED.test(s) ? { code: s, system: 'ICD-9-CM' } : null;
    if (/^\d{3,5}$/.test(s) || /^V\d{2,4}$/.test(s)) return { code: s.length > 3 ? `${s.slice(0, 3)}.${s.slice(3)}` : s, system: 'ICD-9-CM' };
    if (/^E\d{3,4}$/.test(s)) return { code: s.length > 4 ? `${s.slice(0, 4)}.${s.slice(4)}` : s, system: 'ICD-9-CM' };
    return null;
  }
  if (ICD10_DOTTED.test(s)) return { code: s, system: 'ICD-10-CM' };
  if (ICD10_UNDOTTED.test(s)) return { code: s.length > 3 ? `${s.slice(0, 3)}.${s.slice(3)}` : s, system: 'ICD-10-CM' };
  return null;
}

const DiagnosisSystemCodec = t.keyof({ 'ICD-10-CM': null, 'ICD-9-CM': null }, 'DiagnosisSystem');
const Poa = t.keyof({ Y: null, N: null, U: null, W: null, '1': null }, 'POA indicator (Y|N|U|W|1)');

export interface Diagnosis {
  readonly code: IcdCode;
  readonly system: DiagnosisSystem;
  readonly poa?: 'Y' | 'N' | 'U' | 'W' | '1';
}

const DiagnosisObject = struct({ code: t.string }, { poa: Poa, system: DiagnosisSystemCodec }, 'DiagnosisObject');

/** A diagnosis: "M43.03", "M4303", or { code, poa?, system? }; normalized to { code (dotted), system, poa? }. */
export const Diagnosis = new t.Type<Diagnosis, unknown, unknown>(
  'diagnosis code or { code, poa?, system? }',
  (u): u is Diagnosis => typeof u === 'object' && u !== null && typeof (u as Diagnosis).code === 'string',
  (u, c) => {
    if (typeof u !== 'string' && (typeof u !== 'object' || u === null || Array.isArray(u))) {
      return t.failure(u, c, undefined);
    }
    const input = typeof u === 'string' ? { code: u } : u;
    // The '' entry marks a wrapped codec: the reporter leaves it out of the JSONPath.
    const shaped = DiagnosisObject.validate(input, t.appendContext(c, '', DiagnosisObject, input));
    if (shaped._tag === 'Left') return shaped;
    const { code, poa, system } = shaped.right;
    const normalized = normalizeDiagnosisCode(code, system);
    if (normalized === null) {
      return t.failures(failAt(c, ['code'], code, 'ICD-10-CM code (M43.03 or M4303) or ICD-9-CM code'));
    }
    const d: Diagnosis = { code: normalized.code as IcdCode, system: normalized.system, ...(poa ? { poa } : {}) };
    return t.success(d);
  },
  (d) => d,
);

const NonNegative = t.refinement(t.number, (n) => Number.isFinite(n) && n >= 0, 'non-negative number');
const PositiveInt = t.refinement(t.number, (n) => Number.isInteger(n) && n >= 1, 'positive integer');

export const ServiceLine = struct(
  { procedureCode: CptCode },
  {
    modifiers: t.readonlyArray(t.refinement(t.string, (s) => /^[0-9A-Z]{2}$/.test(s), 'modifier (2 characters)')),
    units: t.refinement(t.number, (n) => Number.isFinite(n) && n > 0, 'positive number'),
    charge: NonNegative,
    serviceDate: IsoDate,
    diagnosisPointers: t.readonlyArray(PositiveInt),
    revenueCode: t.refinement(t.string, (s) => /^\d{4}$/.test(s), 'revenue code (4 digits)'),
  },
  'ServiceLine',
);
export type ServiceLine = t.TypeOf<typeof ServiceLine>;

export const Payer = struct(
  { id: t.string },
  { type: t.keyof({ medicare: null, medicaid: null, commercial: null, other: null }, 'medicare|medicaid|commercial|other') },
  'Payer',
);

export const Patient = t.partial({
  birthDate: IsoDate,
  sex: t.keyof({ F: null, M: null, U: null }, 'F|M|U'),
}, 'Patient');

export const DocumentationSection = struct({ text: t.string }, { section: t.string }, 'DocumentationSection');

export const ClaimType = t.keyof({ professional: null, institutional: null }, 'professional|institutional');

const ClaimShape = struct(
  {
    id: t.refinement(t.string, (s) => s.trim().length > 0, 'non-empty string'),
    type: ClaimType,
    diagnoses: t.readonlyArray(Diagnosis),
  },
  {
    payer: Payer,
    patient: Patient,
    serviceDate: IsoDate,
    admissionDate: IsoDate,
    dischargeDate: IsoDate,
    dischargeStatus: t.refinement(t.string, (s) => /^\d{2}$/.test(s), 'patient status (2 digits)'),
    procedures: t.readonlyArray(struct({ code: PcsCode }, { date: IsoDate }, 'Procedure')),
    lines: t.readonlyArray(ServiceLine),
    documentation: t.union([t.string, t.readonlyArray(DocumentationSection)]),
    totalCharge: NonNegative,
    // Carried by an 837 (issue 6) and with no other place in the model: 2010AA billing provider, CLM05
    // place of service (837P) / bill type (837I, facility code + frequency) and frequency, HI ABJ
    // admitting diagnosis and APR patient reason for visit (not secondary diagnoses: not in `diagnoses`).
    billingProvider: t.partial({ npi: t.string, name: t.string, taxonomy: t.string }, 'BillingProvider'),
    placeOfService: t.refinement(t.string, (s) => /^\d{2}$/.test(s), 'place of service (2 digits)'),
    billType: t.refinement(t.string, (s) => /^\d{2}[0-9A-Z]$/.test(s), 'type of bill (3 characters, e.g. 111)'),
    frequency: t.refinement(t.string, (s) => /^[0-9A-Z]$/.test(s), 'claim frequency code (1 character)'),
    admittingDiagnosis: Diagnosis,
    reasonForVisit: t.readonlyArray(Diagnosis),
  },
  'Claim',
);

/**
 * The input claim of DESIGN §2.1. Claim-level checks that need more than one field are a refinement:
 * a professional claim needs a serviceDate (or every line one); an institutional one a discharge,
 * service or line date.
 */
const claimCodec = (requireDiagnosis: boolean) => new t.Type<t.TypeOf<typeof ClaimShape>, unknown, unknown>(
  'Claim',
  ClaimShape.is,
  (u, c) => {
    const shaped = ClaimShape.validate(u, t.appendContext(c, '', ClaimShape, u));
    if (shaped._tag === 'Left') return shaped;
    const claim = shaped.right;
    const errors: t.Errors = [];
    const lines = claim.lines ?? [];
    const everyLineDated = lines.length > 0 && lines.every((l) => l.serviceDate !== undefined);
    if (claim.type === 'professional' && !claim.serviceDate && !everyLineDated) {
      errors.push(...failAt(c, ['serviceDate'], undefined, 'IsoDate (required for a professional claim unless every line has one)'));
    }
    if (claim.type === 'institutional' && !claim.dischargeDate && !claim.serviceDate && !everyLineDated) {
      errors.push(...failAt(c, ['dischargeDate'], undefined, 'IsoDate (an institutional claim needs dischargeDate or serviceDate)'));
    }
    if (requireDiagnosis && claim.diagnoses.length === 0) {
      errors.push(...failAt(c, ['diagnoses'], claim.diagnoses, 'at least one diagnosis'));
    }
    // A pointer past the diagnoses does not stop the claim: integrity/pointer-unresolved reports it on the line.
    return errors.length > 0 ? t.failures(errors) : t.success(claim);
  },
  (claim) => claim,
);
export const Claim = claimCodec(true);
/** An 837 claim with no HI segment is still built (its x12/no-diagnosis defect says so); a JSON claim needs a diagnosis. */
export const ClaimWithoutDiagnosis = claimCodec(false);
export type Claim = t.TypeOf<typeof Claim>;

/** The claim's diagnoses of one system with their JSONPaths ($.diagnoses[i]), in claim order. */
export function diagnosesOf(claim: Claim, system: DiagnosisSystem): (Diagnosis & { readonly path: string })[] {
  const found: (Diagnosis & { readonly path: string })[] = [];
  claim.diagnoses.forEach((d, i) => {
    if (d.system !== system) return;
    // Built field by field: a spread of the decoded object costs more than the rest of this function.
    found.push(d.poa === undefined ? { code: d.code, system: d.system, path: `$.diagnoses[${i}]` } : { code: d.code, system: d.system, poa: d.poa, path: `$.diagnoses[${i}]` });
  });
  return found;
}

/** A decoder that only carries a name: the "expected" of a problem found by a cross-field check. */
const expectation = (name: string): t.Decoder<unknown, unknown> => new t.Type<unknown>(name, (_: unknown): _ is unknown => true, t.success, t.identity);

function failAt(c: t.Context, keys: readonly string[], value: unknown, expected: string): t.Errors {
  const context = keys.reduce<t.Context>(
    (ctx, key, i) => t.appendContext(ctx, key, i === keys.length - 1 ? expectation(expected) : t.unknown, value), c);
  return [{ value, context }];
}
