import type { Claim } from '../claim/codecs';
import type { DecodeProblem } from '../claim/decode';
import type { InputFormat, InputItem } from '../input/types';
import type { ScrubResult } from '../scrub/result';
import { claimCharge } from './summary';

// What every format shows about a claim beyond its result (the result carries no claim data): payer,
// date of service, charge, procedure codes, and how locations read to a coder ("line 1", not
// "$.lines[0]"; the X12 segment for 837 input). One wording, used by stylish, CSV and HTML.

/** What the caller knows about a result beyond the result itself (it has the claim; the result has not). */
export interface ResultContext {
  /** The claim's charge in USD (claimCharge). */
  readonly charge?: number;
  /** The payer's id (837 NM1*PR) and type. */
  readonly payer?: string;
  /** The claim's date of service: serviceDate, else the discharge date, else the first line date. */
  readonly serviceDate?: string;
  /** Procedure codes of the lines (CPT/HCPCS) then ICD-10-PCS procedures, in claim order. */
  readonly procedureCodes?: readonly string[];
  readonly claimType?: 'professional' | 'institutional';
  /** The format the record was read from: X12 locations name the segment. */
  readonly inputFormat?: InputFormat;
}

export function claimContext(claim: Claim, charge: number | undefined, inputFormat?: InputFormat): ResultContext {
  // Loops rather than map / filter / Set: this runs for every claim of a batch.
  let firstLineDate: string | undefined;
  const procedureCodes: string[] = [];
  const add = (code: string) => { if (!procedureCodes.includes(code)) procedureCodes.push(code); };
  for (const line of claim.lines ?? []) {
    if (line.serviceDate !== undefined && (firstLineDate === undefined || line.serviceDate < firstLineDate)) firstLineDate = line.serviceDate;
    add(line.procedureCode);
  }
  for (const procedure of claim.procedures ?? []) add(procedure.code);
  const serviceDate = claim.serviceDate ?? claim.dischargeDate ?? firstLineDate;
  const payer = claim.payer;
  // One shape for every claim (absent values are undefined): no spread of a temporary object per field.
  return {
    charge,
    payer: payer ? (payer.type && payer.type !== 'other' ? `${payer.id} (${payer.type})` : payer.id) : undefined,
    serviceDate: serviceDate || undefined,
    procedureCodes,
    claimType: claim.type,
    inputFormat,
  };
}

/** The context of a reader item's result: the claim's, or only the input format for a rejection. */
export const itemContext = (item: InputItem, format: InputFormat): ResultContext =>
  (item.kind === 'claim' ? claimContext(item.claim, claimCharge(item.claim), format) : { inputFormat: format });

/**
 * A reader's items passed on as they are, each one's context pushed onto `contexts`: the result carries no
 * claim, so what the reports show of it travels beside it, one entry per item, in the results' order.
 */
export async function* withContexts(items: AsyncIterable<InputItem>, format: InputFormat, contexts: ResultContext[]): AsyncGenerator<InputItem> {
  for await (const item of items) { contexts.push(itemContext(item, format)); yield item; }
}

/** The expected denied amount of a claim: its charge × its risk score (what a manager steers by). */
export const expectedDenied = (result: ScrubResult, charge: number | undefined): number =>
  (result.status === 'scrubbed' && charge !== undefined ? Math.round(charge * result.riskScore * 100) / 100 : 0);

const X12_FIELDS: Readonly<Record<string, { professional: string; institutional: string }>> = {
  id: { professional: 'CLM01', institutional: 'CLM01' },
  serviceDate: { professional: 'DTP*472', institutional: 'DTP*434' },
  dischargeDate: { professional: 'DTP*096', institutional: 'DTP*096' },
  admissionDate: { professional: 'DTP*435', institutional: 'DTP*435' },
  payer: { professional: 'NM1*PR', institutional: 'NM1*PR' },
  patient: { professional: 'DMG', institutional: 'DMG' },
  totalCharge: { professional: 'CLM02', institutional: 'CLM02' },
  placeOfService: { professional: 'CLM05-1', institutional: 'CLM05-1' },
  billType: { professional: 'CLM05', institutional: 'CLM05' },
  billingProvider: { professional: 'NM1*85', institutional: 'NM1*85' },
  dischargeStatus: { professional: 'CL103', institutional: 'CL103' },
};

const FIELD_WORDS: Readonly<Record<string, string>> = {
  id: 'claim id',
  serviceDate: 'date of service', dischargeDate: 'discharge date', admissionDate: 'admission date', totalCharge: 'total charge',
  placeOfService: 'place of service', billType: 'type of bill', documentation: 'chart', procedureCode: 'procedure code',
  diagnosisPointers: 'diagnosis pointers', revenueCode: 'revenue code', dischargeStatus: 'discharge status', birthDate: 'birth date',
};

/**
 * A JSONPath of the claim as a coder reads it: service lines and diagnoses numbered from 1 ("line 2",
 * "dx 3"), fields in words, and for 837 input the segment that holds it ("line 2 SV1", "dx 3 HI").
 */
export function whereText(jsonPath: string, context: ResultContext = {}, short = false): string {
  const x12 = context.inputFormat === 'x12';
  const type = context.claimType ?? 'professional';
  const parts = jsonPath.replace(/^\$\.?/, '').match(/[A-Za-z_$][\w$]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\]/g) ?? [];
  if (parts.length === 0) return x12 ? 'claim CLM' : 'claim';
  const index = (p: string | undefined) => (p && /^\[\d+\]$/.test(p) ? Number(p.slice(1, -1)) + 1 : undefined);
  const rest = (from: number) => parts.slice(from).filter((p) => !p.startsWith('[')).map((p) => FIELD_WORDS[p] ?? p).join(' ');
  const head = parts[0] ?? '';
  const n = index(parts[1]);
  const withRest = (text: string, from: number) => (short && from === 2 ? text : [text, rest(from)].filter(Boolean).join(' '));
  if (head === 'lines' && n !== undefined) return withRest(`line ${n}${x12 ? ` ${type === 'institutional' ? 'SV2' : 'SV1'}` : ''}`, 2);
  if (head === 'diagnoses' && n !== undefined) return withRest(`dx ${n}${x12 ? ' HI' : ''}`, 2);
  if (head === 'procedures' && n !== undefined) return withRest(`procedure ${n}${x12 ? ' HI' : ''}`, 2);
  if (head === 'reasonForVisit' && n !== undefined) return withRest(`visit reason ${n}${x12 ? ' HI' : ''}`, 2);
  if (head === 'admittingDiagnosis') return `admitting dx${x12 ? ' HI' : ''}`;
  const field = FIELD_WORDS[head] ?? head;
  const segment = x12 ? X12_FIELDS[head]?.[type] : undefined;
  return withRest(segment ? `${field} ${segment}` : field, 1);
}

// Type names a reader's problem may carry, in plain words (issue 18: "a date YYYY-MM-DD", not IsoDate).
// The decoder in src/claim writes most of them already; these cover what is left, so every format reads the same.
const PLAIN_TYPES: readonly [RegExp, string][] = [
  [/IsoDate(?: \([^)]*\))?/g, 'a date YYYY-MM-DD'],
  [/CptCode(?: \([^)]*\))?/g, 'a CPT or HCPCS code (5 characters, e.g. 99213 or J1100)'],
  [/PcsCode(?: \([^)]*\))?/g, 'an ICD-10-PCS code (7 characters)'],
  [/IcdCode(?: \([^)]*\))?/g, 'an ICD-10-CM code (e.g. M43.03)'],
  [/ReadonlyArray<([^<>]*)>/g, 'a list of $1'],
  [/Array<([^<>]*)>/g, 'a list of $1'],
  [/ReadonlyArray‹([^‹›]*)›/g, 'a list of $1'],
  [/\bServiceLine\b/g, 'service line'],
  [/\bDocumentationSection\b/g, 'chart section'],
  [/\bstring\b/g, 'text'],
  [/\bPartial<[^<>]*>/g, 'an object'],
];

export function plainWords(text: string): string {
  let out = text;
  for (const [pattern, words] of PLAIN_TYPES) out = out.replace(pattern, words);
  return out;
}

/** A problem's message with the JSONPath as a coder reads it and type names in plain words. */
export function problemText(p: DecodeProblem, context: ResultContext = {}): string {
  const message = plainWords(p.message);
  return p.path.startsWith('$') && message.startsWith(p.path) ? `${whereText(p.path, context)}${message.slice(p.path.length)}` : message;
}

/** "preset recommended · as of 2025-01-01 (what-if) · rule set 2026.11 · ICD-10-CM FY2026" */
export function judgedText(ruleSet: { version: string; codeSet: string; preset?: string; asOf?: string }, withCodeSet = true): string {
  return [
    ruleSet.preset ? `preset ${ruleSet.preset}` : 'no preset',
    ruleSet.asOf ? `what-if as of ${ruleSet.asOf}` : undefined,
    `rule set ${ruleSet.version}`,
    withCodeSet && ruleSet.codeSet !== 'none' ? ruleSet.codeSet : undefined,
  ].filter(Boolean).join(' · ');
}
