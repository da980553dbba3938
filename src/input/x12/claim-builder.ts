import type { DecodeProblem } from '../../claim/decode';
import { type IntakeDefect, numeric, problem } from '../types';
import { SEGMENT_ID, SEGMENTS_837 } from './segments';
import { components, type Segment } from './tokenizer';

// The 837 loop builder: the segments of one transaction (between ST and SE) in, one claim draft per
// CLM out. Loops of 005010X222A1 (P) and 005010X223A2 (I): 2000A billing provider (HL03 20, 2010AA
// NM1*85), 2000B subscriber (HL03 22, 2010BA NM1*IL, 2010BB NM1*PR), 2000C patient (HL03 23, 2010CA
// NM1*QC), 2300 claim (CLM … until the next HL, CLM or SE), 2320/2330 other payers (SBR inside
// 2300), 2400 lines (LX, SV1/SV2, DTP*472). Only the open HL ancestry is kept, so memory stays flat.

export type ClaimKind = 'professional' | 'institutional';

/** A claim as read from its 2300 loop and the loops above it, before the codec sees it. */
export interface ClaimDraft {
  readonly id: string | undefined;
  /** Position in the file of its CLM segment. */
  readonly position: number;
  readonly record: Record<string, unknown>;
  /** Problems the codec cannot see (damaged segments, missing principal diagnosis…): the claim is rejected. */
  readonly problems: DecodeProblem[];
  /** Defects of a claim that is still built (read leniently, each reported as a finding through rules/x12). */
  readonly defects: IntakeDefect[];
  /** The segment each part of the record came from, by JSONPath, to name it in problems. */
  readonly origins: ReadonlyMap<string, number>;
}

interface Person { birthDate?: string; sex?: string }
interface Level {
  readonly id: string;
  readonly parent: string;
  readonly code: string;
  readonly position: number;
  readonly problems: DecodeProblem[];
  readonly defects: IntakeDefect[];
  entity?: string; // NM101 of the last NM1, so DMG lands on the right person
  billingProvider?: { npi?: string; name?: string; taxonomy?: string };
  subscriber?: Person;
  patient?: Person;
  payer?: { id: string; position: number };
  filing?: string; // SBR09 claim filing indicator
}

interface Dx { readonly role: 'principal' | 'other' | 'external' | 'admitting' | 'reason'; readonly value: Record<string, unknown>; readonly position: number }
interface Line { readonly value: Record<string, unknown>; readonly position: number; date?: string; filled: boolean; skip: boolean }
interface DateElement { readonly format: string; readonly value: string; readonly position: number }

interface OpenClaim {
  readonly seg: Segment;
  readonly chain: readonly Level[];
  readonly problems: DecodeProblem[];
  readonly defects: IntakeDefect[];
  state: 'claim' | 'other-payer' | 'line';
  readonly dates: Map<string, DateElement>;
  status?: { value: string; position: number };
  readonly dx: Dx[];
  readonly procedures: { value: Record<string, unknown>; position: number }[];
  readonly lines: Line[];
  kinds: Set<'SV1' | 'SV2'>;
  linesFull: boolean;
  dxFull?: boolean;
}

// HI composite qualifiers (C022-01), from the 837P/837I 2300 HI segments: ICD-10 codes take AB*/BB*,
// ICD-9-CM codes the older B* qualifiers (DESIGN §4.1: ICD-9 on a later date is itself a finding).
const HI_DIAGNOSIS: Readonly<Record<string, { role: Dx['role']; system: 'ICD-10-CM' | 'ICD-9-CM' }>> = {
  ABK: { role: 'principal', system: 'ICD-10-CM' }, BK: { role: 'principal', system: 'ICD-9-CM' },
  ABF: { role: 'other', system: 'ICD-10-CM' }, BF: { role: 'other', system: 'ICD-9-CM' },
  ABN: { role: 'external', system: 'ICD-10-CM' }, BN: { role: 'external', system: 'ICD-9-CM' },
  ABJ: { role: 'admitting', system: 'ICD-10-CM' }, BJ: { role: 'admitting', system: 'ICD-9-CM' },
  APR: { role: 'reason', system: 'ICD-10-CM' }, PR: { role: 'reason', system: 'ICD-9-CM' },
};
const HI_PROCEDURE: Readonly<Record<string, 'principal' | 'other'>> = { BBR: 'principal', BBQ: 'other', BR: 'principal', BQ: 'other' };

// SBR09 claim filing indicator → payer type. 16 is Medicare Advantage (HMO Medicare Risk), bound by
// NCDs and LCDs like Medicare (42 CFR 422.101(b)).
const FILING: Readonly<Record<string, 'medicare' | 'medicaid' | 'commercial' | 'other'>> = {
  MA: 'medicare', MB: 'medicare', '16': 'medicare', MC: 'medicaid',
  CI: 'commercial', BL: 'commercial', HM: 'commercial', '12': 'commercial', '13': 'commercial', '14': 'commercial',
  '15': 'commercial', '17': 'commercial',
};

// Bounds of the implementation guides: 2400 service lines (837P 50, 837I 999); diagnoses (837P HI: 12
// composites; 837I: the principal plus 25 others, as in issue 14). Past one, the rest is not read and the
// claim carries an x12/bound defect naming the bound.
const MAX_LINES: Readonly<Record<ClaimKind, number>> = { professional: 50, institutional: 999 };
const MAX_DIAGNOSES: Readonly<Record<ClaimKind, number>> = { professional: 12, institutional: 26 };
const CPT_SHAPE = /^(\d{4}[0-9FTU]|[A-V]\d{4})$/;

/** An x12/* defect with the fields the rules/x12 messages use: segment position, element, SNIP level, acknowledgment. */
export function x12Defect(kind: string, path: string, message: string, fields: { segment?: number; element: string; snip: number; ack: string; expected?: string; found?: string; bound?: string; limit?: number }): IntakeDefect {
  const clean: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) clean[k] = v;
  return { kind, path, message, fields: clean };
}

/** CCYYMMDD → YYYY-MM-DD; anything else is passed on as is, for the codec to name. */
const isoOf = (d: string): string => (/^\d{8}$/.test(d) ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}` : d);
/** The first date of a DTP date (D8 CCYYMMDD, RD8 CCYYMMDD-CCYYMMDD, DT CCYYMMDDHHMM); undefined for TM. */
function dateOf(format: string, value: string, last = false): string | undefined {
  if (format === 'RD8') { const [from, to] = value.split('-'); return isoOf((last ? to ?? from : from) ?? value); }
  if (format === 'DT') return isoOf(value.slice(0, 8));
  if (format === 'TM') return undefined;
  return isoOf(value);
}

const brief = (seg: Segment): string => {
  const text = seg.fields.join(seg.delimiters.element);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
};

export class ClaimBuilder {
  private stack: Level[] = [];
  private claim: OpenClaim | undefined;
  /** Damage before the first HL (1000A/1000B): it touches no claim, the reader reports it for the transaction. */
  readonly headerProblems: DecodeProblem[] = [];

  constructor(private readonly kind: ClaimKind | undefined) {}

  /** Feeds one segment between ST and SE; returns the claim it closed, if any. */
  add(seg: Segment): ClaimDraft | undefined {
    const id = seg.id;
    if (!SEGMENT_ID.test(id) || !SEGMENTS_837.has(id)) {
      this.damage(problem('$', brief(seg), 'an 837 segment',
        `segment ${seg.position} (${JSON.stringify(brief(seg))}) is not a segment of an 837: the data around it cannot be trusted`));
      return undefined;
    }
    if (id === 'HL') { const closed = this.end(); this.openLevel(seg); return closed; }
    if (id === 'CLM') { const closed = this.end(); this.openClaim(seg); return closed; }
    if (this.claim) this.addToClaim(this.claim, seg);
    else if (this.stack.length > 0) this.addToLevel(this.stack[this.stack.length - 1], seg);
    return undefined;
  }

  /** A segment that could not be read: it taints the claim, or the HL loop, it falls in. */
  damage(p: DecodeProblem): void {
    if (this.claim) this.claim.problems.push(p);
    else if (this.stack.length > 0) this.stack[this.stack.length - 1].problems.push(p);
    else this.headerProblems.push(p);
  }

  /** Whether a claim is open (read up to now, but not closed by an HL, CLM or SE). */
  get open(): boolean { return this.claim !== undefined; }

  /** Closes the open claim, if any, and returns it. */
  end(): ClaimDraft | undefined {
    const claim = this.claim;
    this.claim = undefined;
    return claim ? this.draft(claim) : undefined;
  }

  private openLevel(seg: Segment): void {
    const [, id = '', parent = '', code = ''] = seg.fields;
    const level: Level = { id, parent, code, position: seg.position, problems: [], defects: [] };
    if (!['20', '22', '23'].includes(code)) {
      level.problems.push(problem('$', code, 'HL03 20, 22 or 23', `HL at segment ${seg.position} has level code ${JSON.stringify(code)}: expected 20 (billing provider), 22 (subscriber) or 23 (patient)`));
    }
    if (parent === '') { this.stack = [level]; return; }
    let at = this.stack.length - 1;
    while (at >= 0 && this.stack[at].id !== parent) at--;
    if (at < 0) {
      // An orphan: keep the open ancestry below it, so a later HL that names a real parent still finds it.
      // Lenient reading: the HL is read where it stands (its claims keep the loops above it).
      level.defects.push(x12Defect('x12/hl-parent', '$', `HL at segment ${seg.position} names parent ${JSON.stringify(parent)} (HL02), which is not an open HL of this transaction: a receiver rejects the transaction; claimscrub read the loop where it stands`,
        { segment: seg.position, element: 'HL02', snip: 2, ack: '999 IK3 code 8 / IK4 HL02 code 7', expected: 'the HL01 of an open HL', found: parent }));
      this.stack.push(level);
      return;
    }
    this.stack.length = at + 1;
    this.stack.push(level);
  }

  private addToLevel(level: Level, seg: Segment): void {
    const f = seg.fields;
    switch (seg.id) {
      case 'NM1': {
        level.entity = f[1];
        if (f[1] === '85') level.billingProvider = { ...(f[9] && f[8] === 'XX' ? { npi: f[9] } : {}), ...(f[3] ? { name: f[3] } : {}), ...level.billingProvider };
        else if (f[1] === 'PR') level.payer = { id: f[9] || f[3] || '', position: seg.position };
        return;
      }
      case 'DMG': {
        const person: Person = { ...(f[2] ? { birthDate: f[1] === 'D8' ? isoOf(f[2]) : f[2] } : {}), ...(f[3] ? { sex: f[3] } : {}) };
        if (level.entity === 'IL') level.subscriber = person;
        else if (level.entity === 'QC') level.patient = person;
        return;
      }
      case 'SBR': level.filing = f[9]; return;
      case 'PRV': if (level.code === '20' && f[3]) level.billingProvider = { ...level.billingProvider, taxonomy: f[3] }; return;
      default: return;
    }
  }

  private openClaim(seg: Segment): void {
    const chain = this.chain();
    const problems = chain.flatMap((l) => l.problems);
    const defects = chain.flatMap((l) => l.defects);
    const top = chain[0];
    if (!top) problems.push(problem('$', 'CLM', 'a CLM inside a subscriber or patient loop', `CLM at segment ${seg.position} is not inside an HL loop (2000B/2000C)`));
    else if (top.code === '20') problems.push(problem('$', 'CLM', 'a CLM inside a subscriber or patient loop', `CLM at segment ${seg.position} sits under the billing provider HL ${top.id}: it belongs in a subscriber (HL 22) or patient (HL 23) loop`));
    this.claim = { seg, chain, problems, defects, state: 'claim', dates: new Map(), dx: [], procedures: [], lines: [], kinds: new Set(), linesFull: false };
  }

  /** The open HL ancestry of the current segment: nearest first, following HL02 parents. */
  private chain(): Level[] {
    const chain: Level[] = [];
    let at = this.stack.length - 1;
    while (at >= 0) {
      const level = this.stack[at];
      chain.push(level);
      if (level.parent === '') break;
      let up = at - 1;
      while (up >= 0 && this.stack[up].id !== level.parent) up--;
      at = up;
    }
    return chain;
  }

  private addToClaim(claim: OpenClaim, seg: Segment): void {
    const f = seg.fields;
    if (seg.id === 'LX') {
      claim.state = 'line';
      const max = MAX_LINES[this.kind ?? 'institutional'];
      if (claim.lines.length >= max) {
        if (!claim.linesFull) claim.defects.push(x12Defect('x12/bound', '$.lines', `claim has more than ${max} service lines (LX at segment ${seg.position}), over the implementation guide's bound of ${max} lines per claim: the rest were not read`,
          { segment: seg.position, element: 'LX', snip: 2, ack: '999 IK3 code 4 (loop occurs over maximum times)', bound: 'service lines per claim', limit: max }));
        claim.linesFull = true;
        return;
      }
      claim.lines.push({ value: {}, position: seg.position, filled: false, skip: true });
      return;
    }
    if (claim.state === 'line') { if (!claim.linesFull) this.addToLine(claim, claim.lines[claim.lines.length - 1], seg); return; }
    if (seg.id === 'SBR') { claim.state = 'other-payer'; return; } // 2320: other subscriber information
    if (claim.state !== 'claim') return;
    switch (seg.id) {
      case 'DTP': if (f[1] && !claim.dates.has(f[1])) claim.dates.set(f[1], { format: f[2] ?? '', value: f[3] ?? '', position: seg.position }); return;
      case 'CL1': if (f[3]) claim.status = { value: f[3], position: seg.position }; return; // CL103 patient status
      case 'HI': this.readHi(claim, seg); return;
      default: return;
    }
  }

  private readHi(claim: OpenClaim, seg: Segment): void {
    for (let e = 1; e < seg.fields.length; e++) {
      let c = components(seg, e);
      const [qualifier = ''] = c;
      if (c.length === 1 && (HI_DIAGNOSIS[qualifier] || HI_PROCEDURE[qualifier]) && e + 1 < seg.fields.length) {
        const next = components(seg, e + 1);
        if (next.length === 1 && next[0] !== '' && !HI_DIAGNOSIS[next[0]] && !HI_PROCEDURE[next[0]]) {
          // Lenient reading: the qualifier and the code in two elements (the component separator lost).
          const element = `HI${String(e).padStart(2, '0')}`;
          claim.defects.push(x12Defect('x12/hi-composite', '$.diagnoses', `HI at segment ${seg.position} has qualifier ${qualifier} alone in ${element} and the code ${JSON.stringify(next[0])} in the next element, not as components of one composite (${qualifier}${seg.delimiters.component}${next[0]}): a receiver rejects the segment; claimscrub read them as one`,
            { segment: seg.position, element, snip: 2, ack: '999 IK3 code 8 / IK4 code 7 (invalid code value)', expected: `${qualifier}${seg.delimiters.component}${next[0]}`, found: `${qualifier}${seg.delimiters.element}${next[0]}` }));
          c = [qualifier, next[0]];
          e++;
        }
      }
      const code = c[1] ?? '';
      const dx = HI_DIAGNOSIS[qualifier];
      if (dx && (dx.role === 'principal' || dx.role === 'other')) {
        const max = MAX_DIAGNOSES[this.kind ?? 'institutional'];
        const count = claim.dx.filter((d) => d.role === 'principal' || d.role === 'other').length;
        if (count >= max) {
          if (!claim.dxFull) claim.defects.push(x12Defect('x12/bound', '$.diagnoses', `claim has more than ${max} diagnoses (HI at segment ${seg.position}), over the implementation guide's bound of ${max} diagnoses per ${this.kind === 'professional' ? '837P' : '837I'} claim: the rest were not read`,
            { segment: seg.position, element: `HI${String(e).padStart(2, '0')}`, snip: 2, ack: '999 IK3 code 5 (segment exceeds maximum use)', bound: 'diagnoses per claim', limit: max }));
          claim.dxFull = true;
          continue;
        }
      }
      if (dx) {
        // C022-09: present-on-admission indicator (837I).
        const poa = c[8];
        claim.dx.push({ role: dx.role, position: seg.position, value: { code, system: dx.system, ...(poa ? { poa } : {}) } });
        continue;
      }
      const role = HI_PROCEDURE[qualifier];
      if (role) {
        const date = c[2] === 'D8' && c[3] ? { date: isoOf(c[3]) } : {};
        const value = { code, ...date };
        if (role === 'principal') claim.procedures.unshift({ value, position: seg.position });
        else claim.procedures.push({ value, position: seg.position });
      }
      // Value, condition, occurrence, DRG and treatment codes (BE, BG, BH, BI, DR, TC) have no place in the claim model.
    }
  }

  private addToLine(claim: OpenClaim, line: Line, seg: Segment): void {
    const f = seg.fields;
    if (seg.id === 'SV1' || seg.id === 'SV2') {
      if (line.filled) return; // one SV1/SV2 per LX (2400)
      line.filled = true;
      claim.kinds.add(seg.id);
      // SV1 (837P): SV101 C003 procedure (qualifier, code, modifiers 1-4), SV102 charge, SV104 units, SV107 pointers.
      // SV2 (837I): SV201 revenue code, SV202 C003 procedure, SV203 charge, SV205 units.
      const procedure = components(seg, seg.id === 'SV1' ? 1 : 2);
      const [qualifier, code] = procedure;
      const value = line.value;
      if (seg.id === 'SV2' && f[1]) value.revenueCode = f[1];
      // Only HC (HCPCS/CPT) codes have a place in ServiceLine.procedureCode; a revenue-code-only line
      // (room and board) or a HIPPS/ABC code line is not a service line of the claim model.
      const element = seg.id === 'SV1' ? 'SV101' : 'SV202';
      if (seg.id === 'SV2' && qualifier !== 'HC') return;
      if (!code) {
        if (seg.id === 'SV1') claim.defects.push(x12Defect('x12/procedure-code', '$.lines', `SV1 at segment ${seg.position} has no procedure code (${element}-2): the line was not read`,
          { segment: seg.position, element: `${element}-2`, snip: 2, ack: '999 IK4 code 1 (required data element missing)', expected: 'a CPT/HCPCS code', found: '' }));
        return;
      }
      if (qualifier !== 'HC') {
        // 837P SV101-1 is HC (HCPCS/CPT), ER (jurisdiction-specific), IV (HIEC) or WK (ABC codes). A CPT/HCPCS-shaped
        // code under another qualifier is read as HCPCS; any other code is not a service line of the model.
        const kept = CPT_SHAPE.test(code);
        claim.defects.push(x12Defect('x12/procedure-qualifier', '$.lines', `SV1 at segment ${seg.position} qualifies procedure ${JSON.stringify(code)} as ${JSON.stringify(qualifier)} (${element}-1), not HC (HCPCS/CPT): ${kept ? 'claimscrub read it as HCPCS/CPT' : 'the line was not read'}`,
          { segment: seg.position, element: `${element}-1`, snip: ['ER', 'IV', 'WK'].includes(qualifier) ? 5 : 2, ack: ['ER', 'IV', 'WK'].includes(qualifier) ? '277CA A7:454 (procedure code)' : '999 IK4 code 7 (invalid code value)', expected: 'HC', found: qualifier }));
        if (!kept) return;
      } else if (!CPT_SHAPE.test(code)) {
        claim.defects.push(x12Defect('x12/procedure-code', '$.lines', `${seg.id} at segment ${seg.position} has procedure code ${JSON.stringify(code)} (${element}-2), which is not CPT/HCPCS-shaped (5 digits, 4 digits + F/T/U, or a letter + 4 digits): the line was not read`,
          { segment: seg.position, element: `${element}-2`, snip: 5, ack: '277CA A7:454 (procedure code)', expected: 'a CPT/HCPCS code', found: code }));
        return;
      }
      value.procedureCode = code;
      const modifiers = procedure.slice(2, 6).filter((m) => m !== '');
      if (modifiers.length > 0) value.modifiers = modifiers;
      const charge = seg.id === 'SV1' ? f[2] : f[3];
      const units = seg.id === 'SV1' ? f[4] : f[5];
      if (charge) value.charge = numeric(charge);
      if (units) value.units = numeric(units);
      if (seg.id === 'SV1') {
        const pointers = components(seg, 7).filter((p) => p !== '');
        // SV107 C004: up to 4 pointers, each 1-12 (837P). Others are left out, with a defect; a pointer past
        // the claim's diagnoses is read and left to integrity/pointer-unresolved.
        const good = pointers.filter((p) => /^\d{1,2}$/.test(p) && Number(p) >= 1 && Number(p) <= 12);
        if (good.length < pointers.length) {
          const bad = pointers.filter((p) => !good.includes(p));
          claim.defects.push(x12Defect('x12/pointer', '$.lines', `SV1 at segment ${seg.position} has diagnosis pointer${bad.length === 1 ? '' : 's'} ${bad.map((b) => JSON.stringify(b)).join(', ')} (SV107), not a number 1-12: ${bad.length === 1 ? 'it was' : 'they were'} not read`,
            { segment: seg.position, element: 'SV107', snip: 2, ack: '999 IK4 code 7 (invalid code value)', expected: '1-12', found: bad.join(',') }));
        }
        if (good.length > 0) value.diagnosisPointers = good.slice(0, 4).map(Number);
      }
      line.skip = false;
      return;
    }
    if (seg.id === 'DTP' && f[1] === '472' && line.date === undefined) line.date = dateOf(f[2] ?? '', f[3] ?? '');
  }

  private draft(claim: OpenClaim): ClaimDraft {
    const f = claim.seg.fields;
    const origins = new Map<string, number>([['$', claim.seg.position], ['$.id', claim.seg.position], ['$.totalCharge', claim.seg.position]]);
    const problems = [...claim.problems];
    const defects = [...claim.defects];
    const id = f[1] || undefined;
    if (!id) problems.push(problem('$.id', '', 'CLM01 claim id', `CLM at segment ${claim.seg.position} has no claim id (CLM01)`));
    // CLM05 C023: facility code (place of service, or the first two digits of the bill type), qualifier
    // (B = place of service codes, 837P; A = UB bill type, 837I), claim frequency code.
    const [facility = '', qualifier = '', frequency = ''] = components(claim.seg, 5);
    const type: ClaimKind | undefined = this.kind
      ?? (qualifier === 'B' ? 'professional' : qualifier === 'A' ? 'institutional' : undefined)
      ?? (claim.kinds.has('SV2') ? 'institutional' : claim.kinds.has('SV1') ? 'professional' : undefined);
    const record: Record<string, unknown> = { id: id ?? '' };
    if (type) record.type = type;
    else problems.push(problem('$.type', qualifier, 'professional|institutional', `cannot tell an 837P from an 837I: no ST03/GS08 version and CLM05-2 is ${JSON.stringify(qualifier)}`));
    if (f[2]) record.totalCharge = numeric(f[2]);
    if (type === 'institutional') {
      if (facility || frequency) record.billType = `${facility}${frequency}`;
    } else if (/^\d{2}$/.test(facility)) {
      record.placeOfService = facility;
    } else if (facility) {
      // Lenient reading: "011" (a zero-padded code) is read as 11; anything else is left out.
      const read = /^0\d{2}$/.test(facility) ? facility.slice(1) : undefined;
      if (read) record.placeOfService = read;
      defects.push(x12Defect('x12/place-of-service', '$.placeOfService', `CLM at segment ${claim.seg.position} has place of service ${JSON.stringify(facility)} (CLM05-1), not a 2-digit code: ${read ? `claimscrub read it as ${read}` : 'it was not read'}`,
        { segment: claim.seg.position, element: 'CLM05-1', snip: 5, ack: '277CA A7 (place of service)', expected: '2 digits (CMS place of service code set)', found: facility }));
    }
    if (frequency) record.frequency = frequency;

    const billing = claim.chain.find((l) => l.code === '20')?.billingProvider;
    if (billing && Object.keys(billing).length > 0) record.billingProvider = billing;
    const subscriber = claim.chain.find((l) => l.code === '22');
    const patientLevel = claim.chain.find((l) => l.code === '23');
    if (subscriber?.payer) {
      const type = subscriber.filing ? FILING[subscriber.filing] ?? 'other' : undefined;
      record.payer = { id: subscriber.payer.id, ...(type ? { type } : {}) };
      origins.set('$.payer', subscriber.payer.position);
    }
    // 2000C exists only when the patient is not the subscriber; otherwise 2010BA's DMG is the patient's.
    const person = patientLevel ? patientLevel.patient : subscriber?.subscriber;
    if (person && Object.keys(person).length > 0) {
      record.patient = person;
      origins.set('$.patient', (patientLevel ?? subscriber)!.position);
    }

    const date = (qualifier: string, last = false): string | undefined => {
      const d = claim.dates.get(qualifier);
      if (!d) return undefined;
      return dateOf(d.format, d.value, last);
    };
    const lineDates = claim.lines.filter((l) => l.date).map((l) => l.date!).sort(); // a line not read still dates the claim
    const statementFrom = date('434');
    const serviceDate = date('472') ?? statementFrom ?? lineDates[0];
    if (serviceDate) { record.serviceDate = serviceDate; origins.set('$.serviceDate', (claim.dates.get('472') ?? claim.dates.get('434'))?.position ?? claim.seg.position); }
    const admission = date('435');
    if (admission) { record.admissionDate = admission; origins.set('$.admissionDate', claim.dates.get('435')!.position); }
    if (claim.status) { record.dischargeStatus = claim.status.value; origins.set('$.dischargeStatus', claim.status.position); }
    // 837P DTP*096 is the discharge date (D8); 837I DTP*096 is the discharge hour (TM), and an inpatient
    // claim's discharge date is then the statement's through date (DTP*434), unless still a patient (30).
    const discharge = date('096') ?? (claim.dates.has('096') || (admission && claim.status?.value !== '30') ? date('434', true) : undefined);
    if (discharge) { record.dischargeDate = discharge; origins.set('$.dischargeDate', (claim.dates.get('096') ?? claim.dates.get('434'))!.position); }

    const ordered = [...claim.dx.filter((d) => d.role === 'principal'), ...claim.dx.filter((d) => d.role === 'other'), ...claim.dx.filter((d) => d.role === 'external')];
    const principals = claim.dx.filter((d) => d.role === 'principal').length;
    if (principals === 0 && ordered.length > 0) problems.push(problem('$.diagnoses[0]', null, 'a principal diagnosis (HI ABK/BK)', `claim has diagnoses but no principal diagnosis (HI qualifier ABK or BK) at segment ${ordered[0].position}`));
    if (principals > 1) problems.push(problem('$.diagnoses[1]', ordered[1].value.code, 'one principal diagnosis', `claim has ${principals} principal diagnoses (HI ABK/BK)`));
    record.diagnoses = ordered.map((d) => d.value);
    if (ordered.length === 0) {
      defects.push(x12Defect('x12/no-diagnosis', '$.diagnoses', `claim at segment ${claim.seg.position} has no diagnosis (no HI segment with ABK/BK): a receiver rejects it; claimscrub scrubbed it without diagnoses`,
        { segment: claim.seg.position, element: 'HI', snip: 2, ack: '999 IK3 code 3 (mandatory segment missing)', expected: 'HI ABK/BK principal diagnosis', found: '' }));
    }
    ordered.forEach((d, i) => origins.set(`$.diagnoses[${i}]`, d.position));
    const admitting = claim.dx.find((d) => d.role === 'admitting');
    if (admitting) { record.admittingDiagnosis = admitting.value; origins.set('$.admittingDiagnosis', admitting.position); }
    const reasons = claim.dx.filter((d) => d.role === 'reason');
    if (reasons.length > 0) { record.reasonForVisit = reasons.map((d) => d.value); reasons.forEach((d, i) => origins.set(`$.reasonForVisit[${i}]`, d.position)); }
    if (claim.procedures.length > 0) {
      record.procedures = claim.procedures.map((p) => p.value);
      claim.procedures.forEach((p, i) => origins.set(`$.procedures[${i}]`, p.position));
    }
    const lines = claim.lines.filter((l) => !l.skip);
    if (lines.length > 0) {
      record.lines = lines.map((l) => (l.date ? { ...l.value, serviceDate: l.date } : l.value));
      lines.forEach((l, i) => origins.set(`$.lines[${i}]`, l.position));
    }
    return { id, position: claim.seg.position, record, problems, defects, origins };
  }
}
