import { readClaims, type InputFormat, type InputItem } from '../../src/input';
import { closestProperty, INTAKE_BOUNDS } from '../../src/input/intake';
import { decodeItem } from '../../src/input/types';

async function collect(text: string | Uint8Array, format: InputFormat, maxRecordLength?: number): Promise<InputItem[]> {
  const items: InputItem[] = [];
  for await (const item of readClaims([text], format, { file: 't', ...(maxRecordLength ? { maxRecordLength } : {}) })) items.push(item);
  return items;
}
const claim = (id: string, extra: Record<string, unknown> = {}) => ({ id, type: 'professional', serviceDate: '2026-01-15', diagnoses: ['M43.03'], ...extra });
const problemsOf = (i: InputItem) => (i.kind === 'rejected' ? i.result.problems.map((p) => p.message).join(' | ') : '');

describe('intake bounds and hostile records', () => {
  it('a claim with 10,001 diagnoses is read up to the bound and carries a json/bound defect naming it', () => {
    const item = decodeItem(claim('BIG', { diagnoses: Array.from({ length: 10_001 }, () => 'M43.03') }), {});
    expect(item.kind).toBe('claim');
    if (item.kind !== 'claim') return;
    expect(item.claim.diagnoses).toHaveLength(INTAKE_BOUNDS.diagnoses);
    expect(item.defects).toEqual([{ kind: 'json/bound', path: '$.diagnoses', fields: { bound: 'diagnoses', limit: 100, found: 10_001 },
      message: 'The claim has 10001 diagnoses, over the bound of 100 diagnoses per claim: only the first 100 were read and judged' }]);
    const lines = decodeItem(claim('L', { lines: Array.from({ length: 1001 }, () => ({ procedureCode: '99213' })) }), {});
    expect(lines.kind === 'claim' && lines.defects?.[0].message).toMatch(/1001 lines, over the bound of 1000 lines/);
  });

  it('nesting past the depth bound or too long documentation: a rejection naming the bound', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 40; i++) deep = [deep];
    expect(problemsOf(decodeItem(claim('D', { lines: deep }), {}))).toMatch(/nested deeper than the bound of 16 levels/);
    expect(problemsOf(decodeItem(claim('T', { documentation: 'x'.repeat(200_001) }), {}))).toMatch(/over the bound of 200000 characters of chart text/);
  });

  it('__proto__ and constructor keys are reported and never reach a prototype', () => {
    const item = decodeItem(JSON.parse('{"id":"P","type":"professional","serviceDate":"2026-01-15","diagnoses":["M43.03"],"constructor":{"x":1},"patient":{"__proto__":{"sex":"Q"}}}'), {});
    expect(item.kind).toBe('claim');
    if (item.kind !== 'claim') return;
    expect(item.defects?.map((d) => d.path).sort()).toEqual(['$.constructor', '$.patient.__proto__']);
    expect((item.claim.patient as Record<string, unknown>).sex).toBeUndefined();
    expect(({} as Record<string, unknown>).sex).toBeUndefined();
  });

  it('suggests the closest known property, or none', () => {
    expect(closestProperty('documentaton', ['documentation', 'diagnoses'])).toBe('documentation');
    expect(closestProperty('zzz', ['documentation', 'diagnoses'])).toBe('');
  });

  it('NDJSON: a NUL byte or invalid UTF-8 affects only its line', async () => {
    const lines = [claim('A'), claim('B'), claim('C')].map((c) => JSON.stringify(c));
    const bytes = Buffer.concat([Buffer.from(`${lines[0]}\n`), Buffer.from(lines[1].replace('"B"', '"B\u0000"')), Buffer.from('\n'), Buffer.from([0x7b, 0xff, 0x0a]), Buffer.from(`${lines[2]}\n`)]);
    const items = await collect(bytes, 'ndjson');
    expect(items.map((i) => i.kind)).toEqual(['claim', 'rejected', 'rejected', 'claim']);
    expect(problemsOf(items[1])).toMatch(/line 2 has a NUL byte/);
  });

  it('CSV: a NUL, a stray quote or an over-long row stays in its claim; the rows after it are read', async () => {
    const header = 'claim_id,claim_type,service_date,diagnosis_codes,procedure_code';
    const row = (id: string) => `${id},professional,2026-01-15,M43.03,99213`;
    const text = [header, row('A'), row('B\u0000'), row('C"'), row('D'), `${row('E')}${'x'.repeat(300)}`, row('F'), ''].join('\n');
    const items = await collect(text, 'csv', 200);
    expect(items.map((i) => (i.kind === 'claim' ? `claim:${i.claim.id}` : `rejected:${i.result.claimId ?? '-'}`))).toEqual(['claim:A', 'rejected:B\u0000', 'rejected:C"', 'claim:D', 'rejected:-', 'claim:F']);
    expect(problemsOf(items[2])).toMatch(/opens a quote that does not close/);
    expect(problemsOf(items[4])).toMatch(/line 6 is \d+ characters long, over the limit of 200; it was not read/);
  });
});

describe('CSV as Excel writes it back', () => {
  const header = 'claim_id,claim_type,service_date,payer_id,payer_type,patient_birth_date,patient_sex,diagnosis_codes,documentation,procedure_code,modifiers,units,charge,line_service_date,diagnosis_pointers';
  it('reads M/D/YYYY dates and "1,200.00" / $95 amounts as the dates and numbers they mean', async () => {
    const csv = `${header}\r\nX1,professional,1/15/2026,MEDICARE,medicare,4/2/1961,F,M43.03,,22551,,1,"1,200.00",1/15/2026,1\r\nX1,professional,2026-01-15,MEDICARE,medicare,4/2/1961,F,M43.03,,22552,,1,$95,,1\r\n`;
    const [item] = await collect(csv, 'csv');
    expect(item.kind).toBe('claim');
    if (item.kind !== 'claim') return;
    expect(item.claim.serviceDate).toBe('2026-01-15');
    expect(item.claim.patient?.birthDate).toBe('1961-04-02');
    expect(item.claim.lines?.map((l) => [l.charge, l.serviceDate])).toEqual([[1200, '2026-01-15'], [95, undefined]]);
  });

  it('leaves what is not a real date or a well-formed amount for the decoder to reject', async () => {
    const csv = `${header}\nX2,professional,2/30/2026,MEDICARE,medicare,1/2/61,F,M43.03,,22551,,1,"1,20,0",,1\n`;
    const [item] = await collect(csv, 'csv');
    expect(problemsOf(item)).toMatch(/serviceDate/);
    expect(item.kind === 'rejected' && item.result.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['$.serviceDate', '$.patient.birthDate', '$.lines[0].charge']));
  });
});
