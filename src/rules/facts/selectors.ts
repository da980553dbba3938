import { type CodeSet, codeSetOn } from '../code-set';
import { EDITION_FIELDS, editionFields, type SourceCitation } from '../formats';
import type { ValueSet } from '../value-sets';
import { ageDate, ageOn, fieldPath, fieldValues, isBlank, isInpatient } from './claim-fields';
import { type ClaimContext, type EvidenceItem, type FactDefinition, type FieldContext, type ParamSpec, perClaim, stringsParam } from './types';
import { applyWhere, keepItems } from './where';
import { selectorItems } from './combinators';
import { factValue } from './index';

// Selectors: the parts of a claim a rule talks about (diagnoses, service lines, ICD-10-PCS procedures,
// modifiers, diagnosis pointers, any field), each as evidence items with the JSONPath they point at,
// filtered by value-set membership and `where` clauses. Every other fact that works on items
// (duplicates, pairs) takes one of these as its `of` / `left` / `right`.

const ICD10_TRANSITION = '2015-10-01';

const valueSetOf = (ctx: ClaimContext, id: unknown): ValueSet | undefined => (typeof id === 'string' ? ctx.ruleSet.valueSets.get(id) : undefined);

/** The fields a value-set param adds to an item (its extra columns). */
function valueSetFields(params: Record<string, unknown>, env: FieldContext, ...names: string[]): string[] {
  return names.flatMap((name) => {
    const file = typeof params[name] === 'string' ? env.data.get(params[name] as string) : undefined;
    return [...(file?.columns ?? []).filter((c) => c !== 'code' && c !== 'from' && c !== 'to'), ...(file?.validThrough ? EDITION_FIELDS : [])];
  });
}

const MEMBERSHIP: Readonly<Record<string, ParamSpec>> = {
  inValueSet: { type: 'valueSet', description: 'Only items whose code is in this value set on the item\'s date (a header row covers its descendants; ranges hold what falls between their ends). The matching row\'s extra columns become item fields.' },
  notInValueSet: { type: 'valueSet', description: 'Only items whose code is not in this value set on the item\'s date.' },
  where: { type: 'where', description: 'Item filters: [{ field, op, value }], all must hold; value may be { "field": "<item field>" }. Ops: equal, notEqual, lessThan(Inclusive), greaterThan(Inclusive), in, notIn, outside [min, max], present, missing, matches (regular expression), hasAny / hasNone (a comma-separated list field such as modifiers holds any / none of the values), differentIn (two list fields hold different values of one group: value { field, groups }); { anyOf: [[clauses], …] } for an or, { not: clause } for a negation.' },
  requires: { type: 'selector', description: 'Keep the items only when this selector has items on the claim (e.g. a procedure edit that applies only with a diagnosis).' },
  unless: { type: 'selector', description: 'Keep the items only when this selector has none on the claim (e.g. a procedure that is covered with a diagnosis).' },
};

/** An item with a value-set row's fields, the edition fields and the value set's citation. */
function withRow(item: EvidenceItem, fields: Readonly<Record<string, unknown>>, edition: Readonly<Record<string, unknown>>, source: SourceCitation): EvidenceItem {
  const out: Record<string, unknown> = {};
  for (const k in item) out[k] = item[k];
  for (const k in fields) out[k] = fields[k];
  for (const k in edition) out[k] = edition[k];
  out.sources = item.sources ? [...item.sources, source] : [source];
  return out as EvidenceItem;
}

/** Value-set membership, `requires` / `unless`, then `where`, shared by every selector. */
function filterItems(ctx: ClaimContext, params: Record<string, unknown>, items: readonly EvidenceItem[]): readonly EvidenceItem[] {
  if (items.length === 0) return items;
  if (params.requires !== undefined && selectorItems(ctx, params.requires, factValue).length === 0) return [];
  if (params.unless !== undefined && selectorItems(ctx, params.unless, factValue).length > 0) return [];
  const inSet = valueSetOf(ctx, params.inValueSet);
  const notInSet = valueSetOf(ctx, params.notInValueSet);
  let kept: readonly EvidenceItem[] = items;
  if (inSet || notInSet) {
    const matched: EvidenceItem[] = [];
    kept = matched;
    for (const item of items) {
      const date = typeof item.date === 'string' ? item.date : ctx.date;
      const code = String(item.code ?? '');
      if (notInSet && notInSet.match(code, date)) continue;
      if (!inSet) { matched.push(item); continue; }
      const row = inSet.match(code, date);
      if (row) matched.push(withRow(item, row.fields, editionFields(inSet, date), inSet.source));
    }
  }
  return applyWhere(kept, params.where);
}

// --- Diagnoses -------------------------------------------------------------------------------------

interface Judgment { readonly codeSet: CodeSet | undefined; readonly date: string; readonly path: string; readonly evidence: readonly { path: string }[] }

/** A line's date of service and the code set that judges it (the claim's own on the claim's date). */
function lineJudging(ctx: ClaimContext, line: NonNullable<ClaimContext['claim']['lines']>[number]): { date: string; set: CodeSet | undefined } {
  const date = line.serviceDate ?? ctx.claim.serviceDate ?? ctx.date;
  return { date, set: date === ctx.date ? ctx.codeSet : codeSetOn(ctx.ruleSet.codeSets, date) };
}

/**
 * Which code sets judge a diagnosis (issue 13.3): on a claim judged line by line (professional, outpatient
 * institutional), each line is judged on its own date of service, so a diagnosis its lines point at is judged
 * by the code set of each of their dates. One judgment per code set: the claim's own at the diagnosis, every
 * other at the first pointer of a line dated in it (a code deleted on 1 October is flagged on the lines from then).
 */
function judgmentsOf(ctx: ClaimContext, index: number, path: string): Judgment[] {
  const own: Judgment = { codeSet: ctx.codeSet, date: ctx.date, path, evidence: [] };
  if (judgedByOwnCodeSet(ctx)) return [own];
  const bySet = new Map<CodeSet | undefined, Judgment>();
  let pointed = false;
  (ctx.claim.lines ?? []).forEach((line, i) => {
    const j = (line.diagnosisPointers ?? []).indexOf(index + 1);
    if (j < 0) return;
    pointed = true;
    const { date, set } = lineJudging(ctx, line);
    if (bySet.has(set)) return;
    bySet.set(set, set === ctx.codeSet ? own : { codeSet: set, date, path: `$.lines[${i}].diagnosisPointers[${j}]`, evidence: [{ path }] });
  });
  return pointed ? [...bySet.values()] : [own];
}

const DIAGNOSIS_ROLES = ['all', 'principal', 'secondary', 'admitting', 'reasonForVisit'] as const;
const CODE_STATUSES = ['not-in-code-set', 'header', 'billable', 'in-code-set'] as const;

/**
 * Where else a code is known, for a code that is absent or a header on the judging date: the retired-code
 * history (billable FY2016…) when it has the code, else the nearest other loaded fiscal years.
 */
function codeHistory(ctx: ClaimContext, current: CodeSet, code: string): string {
  const fiscalYear = Number(current.version.replace(/\D/g, ''));
  const retired = ctx.ruleSet.retiredCodes.get(code);
  if (retired && retired.lastBillableFy < fiscalYear) {
    return ` It was billable FY${retired.firstBillableFy} to FY${retired.lastBillableFy} (through ${retired.lastBillableFy}-09-30)${current.get(code) ? '; it now needs more characters' : ' and was then deleted'}.`;
  }
  const others = ctx.ruleSet.codeSets.filter((s) => s !== current && s.get(code) && (current.get(code) === undefined || s.get(code)!.billable));
  const earlier = others.filter((s) => s.effective.from < current.effective.from).pop();
  const later = others.find((s) => s.effective.from > current.effective.from);
  const notes: string[] = [];
  if (earlier) notes.push(`It is ${earlier.get(code)!.billable ? 'a billable code' : 'a header'} in ${earlier.title} (through ${earlier.effective.to ?? 'now'}).`);
  if (later) notes.push(`It is ${later.get(code)!.billable ? 'a billable code' : 'a header'} in ${later.title} (from ${later.effective.from}).`);
  if (notes.length > 0) return ` ${notes.join(' ')}`;
  return current.get(code) ? '' : ` It is not in any loaded ICD-10-CM code set (${ctx.ruleSet.codeSets.map((s) => s.version).join(', ')}).`;
}

function listCodes(codeSet: CodeSet, codes: readonly string[], max = 12): string {
  const shown = codes.slice(0, max).map((c) => `${c} (${codeSet.get(c)?.title ?? ''})`);
  return codes.length > max ? `${shown.join(', ')} and ${codes.length - max} more` : shown.join(', ');
}

const DIAGNOSIS_FIELDS = ['role', 'position', 'poa', 'system', 'title', 'date', 'codeSet', 'age', 'sex', 'history', 'children', 'childCount', 'candidates', 'alreadyOnClaim'];

type ClaimDiagnosis = ClaimContext['claim']['diagnoses'][number];

/** A diagnosis as an item, judged on `date` by `set` (the claim's own, or a line's date of service). */
function diagnosisItem(ctx: ClaimContext, d: ClaimDiagnosis, path: string, role: string, position: number, date: string,
  set: CodeSet | undefined, age: number | null, evidence: readonly { path: string }[] = []): Record<string, unknown> {
  const entry = d.system === 'ICD-10-CM' ? set?.get(d.code) : undefined;
  const item: Record<string, unknown> = {
    path, code: d.code, role, position, poa: d.poa ?? '', system: d.system, title: entry?.title ?? '',
    date, codeSet: set?.title ?? 'none', age, sex: ctx.claim.patient?.sex ?? '',
  };
  if (evidence.length > 0) item.evidence = evidence;
  return item;
}

/** Every diagnosis of the claim (principal and secondary) as an item on the judging date, memoized per claim. */
const claimDiagnoses = perClaim('diagnoses:claim', (ctx): readonly EvidenceItem[] => {
  const { claim } = ctx;
  const age = ageOn(claim.patient?.birthDate, ageDate(claim, ctx.date));
  return claim.diagnoses.map((d, i) =>
    diagnosisItem(ctx, d, `$.diagnoses[${i}]`, i === 0 ? 'principal' : 'secondary', i + 1, ctx.date, ctx.codeSet, age) as EvidenceItem);
});

/** Whether a diagnosis has a code status in a code set (none without a code set: cannot tell). */
function hasStatus(status: (typeof CODE_STATUSES)[number], d: ClaimDiagnosis, set: CodeSet | undefined): boolean {
  if (!set || d.system !== 'ICD-10-CM') return false;
  const entry = set.get(d.code);
  switch (status) {
    case 'not-in-code-set': return !entry;
    case 'header': return entry?.billable === false;
    case 'billable': return entry?.billable === true;
    case 'in-code-set': return entry !== undefined;
  }
}

/** Whether judgmentsOf gives every diagnosis of the claim only the claim's own judgment (once per claim). */
const judgedByOwnCodeSet = perClaim('diagnoses:ownCodeSet', (ctx): boolean =>
  isInpatient(ctx.claim) || ctx.asOf !== undefined || (ctx.claim.lines ?? []).every((line) => lineJudging(ctx, line).set === ctx.codeSet));

function diagnoses(ctx: ClaimContext, params: Record<string, unknown>): readonly EvidenceItem[] {
  const { claim } = ctx;
  const role = (params.role as string | undefined) ?? 'all';
  const system = (params.system as string | undefined) ?? 'ICD-10-CM';
  const status = params.codeStatus as (typeof CODE_STATUSES)[number] | undefined;
  const poa = params.poa === undefined ? undefined : stringsParam(params, 'poa');
  // Without a code status, every variant is a filter of one list of the claim's diagnoses, built once per
  // claim (rules ask for the diagnoses in many ways; each building its own items cost more than the rule).
  const keeps = (d: ClaimDiagnosis): boolean => (system === 'any' || d.system === system)
    && !(system === 'ICD-9-CM' && ctx.date < ICD10_TRANSITION) // ICD-9 is the right system before the transition
    && (!poa || poa.includes(d.poa ?? 'missing'));
  if (!status && (role === 'all' || role === 'principal' || role === 'secondary')) {
    const kept = keepItems(claimDiagnoses(ctx), (item) => (role === 'all' || item.role === role) && keeps(claim.diagnoses[(item.position as number) - 1]));
    return filterItems(ctx, params, kept);
  }
  const codeSet = ctx.codeSet;
  const age = ageOn(claim.patient?.birthDate, ageDate(claim, ctx.date));
  const listed: { d: ClaimDiagnosis; path: string; role: string; position: number }[] = [];
  if (role === 'all' || role === 'principal' || role === 'secondary') {
    claim.diagnoses.forEach((d, i) => {
      const r = i === 0 ? 'principal' : 'secondary';
      if (role === 'all' || role === r) listed.push({ d, path: `$.diagnoses[${i}]`, role: r, position: i + 1 });
    });
  }
  if (role === 'admitting' && claim.admittingDiagnosis) listed.push({ d: claim.admittingDiagnosis, path: '$.admittingDiagnosis', role, position: 1 });
  if (role === 'reasonForVisit') (claim.reasonForVisit ?? []).forEach((d, i) => listed.push({ d, path: `$.reasonForVisit[${i}]`, role, position: i + 1 }));
  const items: EvidenceItem[] = [];
  // On a claim whose every line is judged by its own code set (nearly all), a diagnosis without the status
  // asked for is passed over before its judgments are built.
  const ownSetOnly = status !== undefined && judgedByOwnCodeSet(ctx);
  for (const { d, path, role: r, position } of listed) {
    if (!keeps(d)) continue;
    if (status && ownSetOnly && !hasStatus(status, d, codeSet)) continue;
    const judgments = status && d.system === 'ICD-10-CM' && r !== 'admitting' && r !== 'reasonForVisit'
      ? judgmentsOf(ctx, position - 1, path) : [{ codeSet, date: ctx.date, path, evidence: [] }];
    for (const judged of judgments) {
      const set = judged.codeSet;
      if (status && !hasStatus(status, d, set)) continue;
      const item = diagnosisItem(ctx, d, judged.path, r, position, judged.date, set, age, judged.evidence);
      if ((status === 'not-in-code-set' || status === 'header') && set) {
        item.history = codeHistory(ctx, set, d.code);
        item.sources = [set.source];
        if (status === 'header') {
          const children = set.billableChildren(d.code);
          item.children = listCodes(set, children);
          item.childCount = children.length;
          item.candidates = children;
          // A child already on the claim (M43.03 with M43.0): the header is redundant, not missing characters.
          const present = children.filter((c) => claim.diagnoses.some((o) => o.code === c));
          item.alreadyOnClaim = present.length === 0 ? ''
            : ` ${present.join(', ')}, under ${d.code}, ${present.length > 1 ? 'are' : 'is'} already on the claim: if the chart supports ${present.length > 1 ? 'them' : 'it'}, remove ${d.code} instead.`;
        }
      }
      items.push(item as EvidenceItem);
    }
  }
  return filterItems(ctx, params, items);
}

// --- Service lines, procedures, modifiers, pointers --------------------------------------------------

const LINE_FIELDS = ['line', 'units', 'charge', 'date', 'modifiers', 'pointers', 'revenueCode'];

function lines(ctx: ClaimContext, params: Record<string, unknown>): readonly EvidenceItem[] {
  // Filtered selections start from the claim's one list of line items (memoized), not new ones.
  if (Object.keys(params).length > 0) return filterItems(ctx, params, factValue(ctx, 'lines') as EvidenceItem[]);
  const claim = ctx.claim;
  const items = (claim.lines ?? []).map((l, i): EvidenceItem => ({
    path: `$.lines[${i}]`, code: l.procedureCode, line: i + 1, units: l.units ?? 1, charge: l.charge ?? null,
    date: ctx.asOf ?? l.serviceDate ?? claim.serviceDate ?? ctx.date, modifiers: (l.modifiers ?? []).join(','),
    pointers: (l.diagnosisPointers ?? []).join(','), revenueCode: l.revenueCode ?? '',
  }));
  return filterItems(ctx, params, items);
}

function procedures(ctx: ClaimContext, params: Record<string, unknown>): readonly EvidenceItem[] {
  const { claim } = ctx;
  const age = ageOn(claim.patient?.birthDate, ageDate(claim, ctx.date));
  const los = lengthOfStay(claim);
  const items = (claim.procedures ?? []).map((p, i): EvidenceItem => ({
    path: `$.procedures[${i}]`, code: p.code, position: i + 1, date: ctx.asOf ?? p.date ?? ctx.date,
    age, sex: claim.patient?.sex ?? '', los,
  }));
  return filterItems(ctx, params, items);
}

function modifiers(ctx: ClaimContext, params: Record<string, unknown>): readonly EvidenceItem[] {
  const items: EvidenceItem[] = [];
  (ctx.claim.lines ?? []).forEach((l, i) => (l.modifiers ?? []).forEach((m, j) => items.push({
    path: `$.lines[${i}].modifiers[${j}]`, code: m, line: i + 1, procedureCode: l.procedureCode,
    date: ctx.asOf ?? l.serviceDate ?? ctx.claim.serviceDate ?? ctx.date,
  })));
  return filterItems(ctx, params, items);
}

function pointers(ctx: ClaimContext, params: Record<string, unknown>): readonly EvidenceItem[] {
  const { claim } = ctx;
  const items: EvidenceItem[] = [];
  (claim.lines ?? []).forEach((l, i) => (l.diagnosisPointers ?? []).forEach((p, j) => {
    const target = claim.diagnoses[p - 1];
    items.push({
      path: `$.lines[${i}].diagnosisPointers[${j}]`, pointer: p, line: i + 1, procedureCode: l.procedureCode,
      target: target?.code ?? '', resolves: target !== undefined, diagnosisCount: claim.diagnoses.length,
    });
  }));
  return applyWhere(items, params.where);
}

// --- Any field ---------------------------------------------------------------------------------------

const FIELD_TESTS = ['present', 'missing'] as const;

function field(ctx: ClaimContext, params: Record<string, unknown>): readonly EvidenceItem[] {
  const test = (params.test as string | undefined) ?? 'present';
  const items: EvidenceItem[] = [];
  for (const name of stringsParam(params, 'path')) {
    const found = keepItems(fieldValues(ctx.claim, name), (v) => !isBlank(v.value));
    if (test === 'missing') {
      if (found.length === 0) items.push({ path: fieldPath(name), field: name, value: '' });
    } else {
      for (const v of found) {
        const value = typeof v.value === 'object' ? JSON.stringify(v.value) : String(v.value);
        items.push({ path: v.path, code: value, field: name, value });
      }
    }
  }
  return filterItems(ctx, params, items);
}

/** Days between admission and discharge (the MCE's length of stay), null without both dates. */
function lengthOfStay(claim: ClaimContext['claim']): number | null {
  if (!claim.admissionDate || !claim.dischargeDate) return null;
  return Math.round((Date.parse(claim.dischargeDate) - Date.parse(claim.admissionDate)) / 86_400_000);
}

export const SELECTOR_FACTS: Readonly<Record<string, FactDefinition>> = {
  inpatient: {
    index: true,
    description: 'true for a hospital inpatient claim: type of bill 11x (NUBC UB-04 form locator 4), or without a type of bill an institutional claim with an admission or discharge date. The claims MS-DRG groups and the MCE edits.',
    compute: (ctx) => isInpatient(ctx.claim),
  },
  patient: {
    index: true,
    description: 'The patient, one item at $.patient.birthDate (or $.patient when there is no birth date): `age` in whole years on the admission date (institutional) or the judging date, `sex`, `birthDate`; none when the claim has no patient.',
    params: { where: MEMBERSHIP.where },
    itemFields: ['age', 'sex', 'birthDate'],
    compute: (ctx, params): readonly EvidenceItem[] => {
      const p = ctx.claim.patient;
      if (!p) return [];
      const item: EvidenceItem = { path: p.birthDate ? '$.patient.birthDate' : '$.patient', age: ageOn(p.birthDate, ageDate(ctx.claim, ctx.date)), sex: p.sex ?? '', birthDate: p.birthDate ?? '' };
      return applyWhere([item], params.where);
    },
  },
  diagnoses: {
    index: true,
    description: 'The claim\'s diagnoses by role, with their code-set entry on the judging date. Item `age` is the patient\'s age in whole years on the admission date (institutional) or the judging date (CMS style), null without a birth date.',
    params: {
      role: { type: 'string', values: DIAGNOSIS_ROLES, description: 'all (principal + secondary; default) | principal | secondary | admitting | reasonForVisit.' },
      system: { type: 'string', values: ['ICD-10-CM', 'ICD-9-CM', 'any'], description: 'Code system (default ICD-10-CM). ICD-9-CM diagnoses are selected only on dates from 2015-10-01, when they are wrong.' },
      poa: { type: 'strings', description: 'Only these present-on-admission indicators (Y, N, U, W, 1; "missing" for none).' },
      codeStatus: { type: 'string', values: CODE_STATUSES, description: 'Only codes with this status in the ICD-10-CM code set of the judging date (none when no code set is loaded: cannot tell). not-in-code-set and header add `history`; header adds `children` and `childCount`.' },
      ...MEMBERSHIP,
    },
    itemFields: (params, env) => [...DIAGNOSIS_FIELDS, ...valueSetFields(params, env, 'inValueSet')],
    compute: diagnoses,
  },
  lines: {
    index: true,
    description: 'The service lines (code = CPT/HCPCS procedure code; `date` = the line\'s date of service, else the claim\'s; `line` numbered from 1).',
    params: { ...MEMBERSHIP },
    itemFields: (params, env) => [...LINE_FIELDS, ...valueSetFields(params, env, 'inValueSet')],
    compute: lines,
  },
  procedures: {
    index: true,
    description: 'The ICD-10-PCS procedures of an institutional claim (code; `date` = the procedure date, else the judging date; the patient\'s `age` and `sex`; `los` = the length of stay in days, discharge minus admission, null without both dates).',
    params: { ...MEMBERSHIP },
    itemFields: (params, env) => ['position', 'date', 'age', 'sex', 'los', ...valueSetFields(params, env, 'inValueSet')],
    compute: procedures,
  },
  modifiers: {
    index: true,
    description: 'Every modifier of every service line (code = the modifier; `line` numbered from 1, its `procedureCode`).',
    params: { ...MEMBERSHIP },
    itemFields: (params, env) => ['line', 'procedureCode', 'date', ...valueSetFields(params, env, 'inValueSet')],
    compute: modifiers,
  },
  pointers: {
    index: true,
    description: 'Every diagnosis pointer of every service line: `pointer` (1-based), `target` (the diagnosis code it points at, empty when none), `resolves` (whether it points at a listed diagnosis), `diagnosisCount`.',
    params: { where: MEMBERSHIP.where },
    itemFields: ['pointer', 'line', 'procedureCode', 'target', 'resolves', 'diagnosisCount'],
    compute: pointers,
  },
  field: {
    index: true,
    description: 'Any claim field by name ("payer", "patient.birthDate", "lines[*].serviceDate"): with test "present" one item per value (`value` and `code`, as text, so value sets apply), with "missing" one item per field that is absent, null, empty or an empty list (path = where it belongs).',
    params: {
      path: { type: 'fields', required: true, description: 'Field name(s), dotted, with [*] for every element of a list.' },
      test: { type: 'string', values: FIELD_TESTS, description: 'present (default) | missing.' },
      ...MEMBERSHIP,
    },
    itemFields: (params, env) => ['field', 'value', ...valueSetFields(params, env, 'inValueSet')],
    compute: field,
  },
};
