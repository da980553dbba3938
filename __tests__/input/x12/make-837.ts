// Builds synthetic 837 files from the structure of the implementation guides (005010X222A1 837P,
// 005010X223A2 837I): envelopes with correct counts, 1000A/B, 2000A/B/C, 2300, 2400. Tests only.

/** An element: a simple value, or a composite (components joined by the component separator). */
export type El = string | readonly string[];
export type Seg = readonly El[];

export interface Delims {
  readonly element: string;
  readonly component: string;
  readonly segment: string;
  /** ISA11: a repetition separator (00501), or 'U'. */
  readonly repetition: string;
  /** Written after each terminator: '' (one long line), '\n', '\r\n'. */
  readonly eol?: string;
}

export const STANDARD: Delims = { element: '*', component: ':', segment: '~', repetition: '^' };

const pad = (s: string, n: number): string => s.padEnd(n, ' ').slice(0, n);

export function isa(control: string, d: Delims, version = '00501'): Seg {
  return ['ISA', '00', pad('', 10), '00', pad('', 10), 'ZZ', pad('SUBMITTER', 15), 'ZZ', pad('RECEIVER', 15),
    '260116', '0930', d.repetition, version, control.padStart(9, '0'), '0', 'T', d.component];
}

/** ST … SE with SE01 = the number of segments, ST and SE included. */
export function transaction(control: string, version: string | undefined, body: readonly Seg[], type = '837'): Seg[] {
  const st: Seg = version === undefined ? ['ST', type, control] : ['ST', type, control, version];
  return [st, ...body, ['SE', String(body.length + 2), control]];
}

export function group(control: string, version: string, transactions: readonly Seg[][]): Seg[] {
  return [['GS', 'HC', 'SUBMITTER', 'RECEIVER', '20260116', '0930', control, 'X', version], ...transactions.flat(),
    ['GE', String(transactions.length), control]];
}

export function interchange(control: string, d: Delims, groups: readonly Seg[][], version = '00501'): Seg[] {
  return [isa(control, d, version), ...groups.flat(), ['IEA', String(groups.length), control.padStart(9, '0')]];
}

export interface Rendered { readonly text: string; readonly starts: readonly number[]; readonly ends: readonly number[] }

/** Renders segments; starts[i]/ends[i] are the character span of segment i, its terminator included. */
export function render(segs: readonly Seg[], d: Delims = STANDARD): Rendered {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (const seg of segs) {
    starts.push(text.length);
    text += seg.map((e) => (typeof e === 'string' ? e : e.join(d.component))).join(d.element) + d.segment;
    ends.push(text.length);
    text += d.eol ?? '';
  }
  return { text, starts, ends };
}

export const toText = (segs: readonly Seg[], d: Delims = STANDARD): string => render(segs, d).text;

export interface Person { readonly dob: string; readonly sex: string }
export interface LineSpec { readonly sv: Seg; readonly date?: string }
export interface ClaimSpec {
  readonly id: string;
  readonly charge: string;
  /** CLM05: facility code, qualifier (B professional, A institutional), frequency. */
  readonly clm05: readonly string[];
  readonly subscriber?: Person & { readonly filing?: string; readonly payerId?: string };
  /** A 2000C patient loop (the patient is not the subscriber). */
  readonly patient?: Person;
  readonly hi: readonly (readonly string[])[][];
  readonly dates?: readonly (readonly [string, string, string])[];
  readonly status?: string;
  readonly lines: readonly LineSpec[];
  /** Extra 2300 segments (REF, NTE, 2310 NM1…). */
  readonly extra?: readonly Seg[];
}

export const HEADER: readonly Seg[] = [
  ['BHT', '0019', '00', 'B0001', '20260116', '0930', 'CH'],
  ['NM1', '41', '2', 'SUBMITTER CLINIC', '', '', '', '', '46', 'SUB01'],
  ['PER', 'IC', 'BILLING', 'TE', '5555550100'],
  ['NM1', '40', '2', 'RECEIVER', '', '', '', '', '46', 'REC01'],
];

function billingProvider(hl: number): Seg[] {
  return [
    ['HL', String(hl), '', '20', '1'],
    ['PRV', 'BI', 'PXC', '207X00000X'],
    ['NM1', '85', '2', 'SPINE CLINIC', '', '', '', '', 'XX', '1234567893'],
    ['N3', '100 MAIN STREET'],
    ['N4', 'DALLAS', 'TX', '752010000'],
    ['REF', 'EI', '123456789'],
  ];
}

function subscriber(hl: number, parent: number, spec: ClaimSpec): Seg[] {
  const s = spec.subscriber ?? { dob: '19610402', sex: 'F', filing: 'MB', payerId: 'MEDICARE-JH' };
  return [
    ['HL', String(hl), String(parent), '22', spec.patient ? '1' : '0'],
    ['SBR', 'P', spec.patient ? '01' : '18', '', '', '', '', '', '', s.filing ?? 'MB'],
    ['NM1', 'IL', '1', 'DOE', 'JANE', '', '', '', 'MI', 'MEMBER01'],
    ['N3', '200 ELM AVENUE'],
    ['N4', 'DALLAS', 'TX', '75202'],
    ['DMG', 'D8', s.dob, s.sex],
    ['NM1', 'PR', '2', 'PAYER', '', '', '', '', 'PI', s.payerId ?? 'MEDICARE-JH'],
  ];
}

export function claimLoop(spec: ClaimSpec): Seg[] {
  const segs: Seg[] = [['CLM', spec.id, spec.charge, '', '', spec.clm05, 'Y', 'A', 'Y', 'Y']];
  for (const [q, f, v] of spec.dates ?? []) segs.push(['DTP', q, f, v]);
  if (spec.status) segs.push(['CL1', '1', '7', spec.status]);
  segs.push(...(spec.extra ?? []));
  for (const hi of spec.hi) segs.push(['HI', ...hi]);
  spec.lines.forEach((line, i) => {
    segs.push(['LX', String(i + 1)], line.sv);
    if (line.date) segs.push(['DTP', '472', 'D8', line.date]);
  });
  return segs;
}

/**
 * The body of an 837 transaction (between ST and SE): each claim under its own 2000A/2000B (/2000C)
 * chain, or all under one billing provider and subscriber when `shared`.
 */
export function body837(claims: readonly ClaimSpec[], shared = false): Seg[] {
  const segs: Seg[] = [...HEADER];
  let hl = 0;
  if (shared) {
    segs.push(...billingProvider(++hl));
    segs.push(...subscriber(++hl, 1, claims[0]));
    for (const c of claims) segs.push(...claimLoop(c));
    return segs;
  }
  for (const c of claims) {
    const bp = ++hl;
    segs.push(...billingProvider(bp));
    const sub = ++hl;
    segs.push(...subscriber(sub, bp, c));
    if (c.patient) segs.push(['HL', String(++hl), String(sub), '23', '0'], ['PAT', '19'], ['NM1', 'QC', '1', 'DOE', 'JIM'], ['DMG', 'D8', c.patient.dob, c.patient.sex]);
    segs.push(...claimLoop(c));
  }
  return segs;
}

export const P = '005010X222A1';
export const I = '005010X223A2';

/** A whole file: one interchange, one group, one transaction of these claims. */
export function file837(version: string, claims: readonly ClaimSpec[], d: Delims = STANDARD, shared = false): string {
  return toText(interchange('1', d, [group('1', version, [transaction('0001', version, body837(claims, shared))])]), d);
}

export const professionalClaim = (id: string, over: Partial<ClaimSpec> = {}): ClaimSpec => ({
  id, charge: '1604.91', clm05: ['21', 'B', '1'],
  hi: [[['ABK', 'M4303'], ['ABF', 'M430']]],
  lines: [{ sv: ['SV1', ['HC', '22551'], '1604.91', 'UN', '1', '', '', ['1', '2']], date: '20260115' }],
  ...over,
});

export const institutionalClaim = (id: string, over: Partial<ClaimSpec> = {}): ClaimSpec => ({
  id, charge: '18250', clm05: ['11', 'A', '1'],
  dates: [['096', 'TM', '1130'], ['434', 'RD8', '20260112-20260115'], ['435', 'DT', '202601120815']],
  status: '01',
  hi: [[['ABK', 'M4303', '', '', '', '', '', '', 'Y']], [['ABF', 'A419', '', '', '', '', '', '', 'Y']]],
  lines: [
    { sv: ['SV2', '0120', '', '9000', 'DA', '3'] },
    { sv: ['SV2', '0300', ['HC', '85025'], '45', 'UN', '1'], date: '20260112' },
  ],
  ...over,
});
