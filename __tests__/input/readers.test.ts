import fc from 'fast-check';
import { readClaims, type InputFormat, type InputItem } from '../../src/input';

async function collect(chunks: Iterable<string | Uint8Array>, format: InputFormat, maxRecordLength?: number): Promise<InputItem[]> {
  const items: InputItem[] = [];
  for await (const item of readClaims(chunks, format, { file: 'test', ...(maxRecordLength ? { maxRecordLength } : {}) })) items.push(item);
  return items;
}
const rejected = (item: InputItem) => (item.kind === 'rejected' ? item.result : undefined);
const good = (id: string) => JSON.stringify({ id, type: 'professional', serviceDate: '2026-01-15', diagnoses: ['M43.03'] });

describe('NDJSON', () => {
  it('yields one item per non-blank line, with line numbers, and goes on after a bad line', async () => {
    const text = `${good('A')}\n\n{"id":"B","type":"professional"\n${good('C')}\r\n`;
    const items = await collect([text], 'ndjson');
    expect(items.map((i) => i.kind)).toEqual(['claim', 'rejected', 'claim']);
    expect(rejected(items[1])!.source).toEqual({ file: 'test', line: 3, record: 2 });
    expect(rejected(items[1])!.problems[0].message).toMatch(/^line 3 is not valid JSON/);
    expect(items[2].kind === 'claim' && items[2].source).toEqual({ file: 'test', line: 4, record: 3 });
  });

  it('rejects a record with every field problem and its JSONPath, keeping the claim id', async () => {
    const bad = JSON.stringify({ id: 'D', type: 'professional', serviceDate: '2026-13-01', diagnoses: ['M43.03'], lines: [{ procedureCode: '22551', units: 'one' }] });
    const [item] = await collect([bad], 'ndjson');
    const result = rejected(item)!;
    expect(result.claimId).toBe('D');
    expect(result.problems.map((p) => [p.path, p.value])).toEqual([['$.serviceDate', '2026-13-01'], ['$.lines[0].units', 'one']]);
    expect(result.problems[1].expected).toBe('positive number');
  });

  it('splits lines across chunk boundaries and strips a BOM', async () => {
    const text = `\ufeff${good('A')}\n${good('B')}\n`;
    const chunks = [...text].reduce<string[]>((acc, ch, i) => { if (i % 7 === 0) acc.push(''); acc[acc.length - 1] += ch; return acc; }, []);
    const items = await collect(chunks.map((c) => Buffer.from(c)), 'ndjson');
    expect(items.map((i) => i.kind === 'claim' && i.claim.id)).toEqual(['A', 'B']);
  });

  it('decodes UTF-8 split anywhere across chunks as one whole read would: invalid bytes become U+FFFD in place', async () => {
    // é (2 bytes), € (3), 😀 (4), then invalid: a lone continuation byte, a truncated 3-byte sequence, 0xFF.
    const bytes = Buffer.concat([Buffer.from('{"id":"U","type":"professional","serviceDate":"2026-01-15","diagnoses":["M43.03"],"documentation":"é € 😀 '),
      Buffer.from([0x80, 0x20, 0xe2, 0x82, 0x20, 0xff]), Buffer.from('"}\n')]);
    const whole = new TextDecoder('utf-8').decode(bytes); // the WHATWG decoder, reading everything at once
    const expected = JSON.parse(whole.trim()).documentation;
    expect(expected).toBe('é € 😀 \ufffd \ufffd \ufffd');
    for (let cut = 1; cut < bytes.length; cut++) {
      const [item] = await collect([bytes.subarray(0, cut), bytes.subarray(cut)], 'ndjson');
      expect(item.kind === 'claim' && item.claim.documentation).toBe(expected);
    }
  });

  it('rejects an over-long line without reading it, and reads the next', async () => {
    const long = `{"id":"L","pad":"${'x'.repeat(500)}"}`;
    const items = await collect([`${long.slice(0, 200)}`, `${long.slice(200)}\n${good('B')}\n`], 'ndjson', 100);
    expect(rejected(items[0])!.problems[0].message).toMatch(/line 1 is 5\d\d characters long, over the limit of 100/);
    expect(items[1].kind).toBe('claim');
  });

  it('an empty file is one rejection that says so', async () => {
    const items = await collect([''], 'ndjson');
    expect(items).toHaveLength(1);
    expect(rejected(items[0])!.problems[0].message).toMatch(/no records/);
  });

  it('a binary file is one rejection per line, not a crash', async () => {
    const items = await collect([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a])], 'ndjson');
    expect(items).toHaveLength(1);
    expect(rejected(items[0])!.problems[0].message).toMatch(/has a NUL byte \(binary data, or a UTF-16 file\)/);
  });

  it('a pretty-printed JSON array named .ndjson gets a hint', async () => {
    const items = await collect([`[\n${good('A')}\n]\n`], 'ndjson');
    expect(rejected(items[0])!.problems[0].message).toMatch(/looks like a JSON array/);
  });

  it('property: any line-level corruption yields exactly one item per non-blank line', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.oneof(fc.constant(good('A')), fc.string({ maxLength: 40 })), { maxLength: 20 }), async (lines) => {
      const safe = lines.map((l) => l.replace(/[\r\n\u0000]/g, ' '));
      const items = await collect([safe.join('\n')], 'ndjson');
      const nonBlank = safe.filter((l) => l.trim() !== '').length;
      expect(items).toHaveLength(nonBlank === 0 ? 1 : nonBlank);
    }), { numRuns: 200 });
  });
});

describe('JSON', () => {
  it('reads one claim or an array, one record per element', async () => {
    expect((await collect([good('A')], 'json')).map((i) => i.kind)).toEqual(['claim']);
    const items = await collect([`[${good('A')}, {"id": 5}, ${good('C')}]`], 'json');
    expect(items.map((i) => i.kind)).toEqual(['claim', 'rejected', 'claim']);
    expect(rejected(items[1])!.source).toEqual({ file: 'test', record: 2 });
  });

  it('a syntax error names its line and column', async () => {
    const [item] = await collect(['[\n  {"id": "A",\n  "type": }\n]'], 'json');
    expect(rejected(item)!.problems[0].message).toMatch(/line 3, column/);
    expect(rejected(item)!.source.line).toBe(3);
  });

  it('NDJSON saved as .json is explained', async () => {
    const [item] = await collect([`${good('A')}\n${good('B')}\n`], 'json');
    expect(rejected(item)!.problems[0].message).toMatch(/looks like NDJSON/);
  });

  it('a CSV saved as .json is explained', async () => {
    const [item] = await collect(['claim_id,claim_type\nA,professional\n'], 'json');
    expect(rejected(item)!.problems[0].message).toMatch(/does not look like JSON/);
  });
});

describe('CSV', () => {
  const header = 'claim_id,claim_type,service_date,payer_id,payer_type,diagnosis_codes,documentation,procedure_code,modifiers,units,charge,line_service_date,diagnosis_pointers';

  it('groups contiguous rows into one claim with its lines', async () => {
    const csv = `${header}\nA,professional,2026-01-15,MCR,medicare,M43.03;M4302,"pars defect, C7-T1",22551,,1,1604.91,,1;2\nA,,,,,,,22552,59,2,500,2026-01-15,1\nB,professional,2026-01-16,,,M54.12,,99213,,1,100,,1\n`;
    const items = await collect([csv], 'csv');
    expect(items.map((i) => i.kind)).toEqual(['claim', 'claim']);
    const a = items[0].kind === 'claim' ? items[0] : undefined;
    expect(a!.source).toEqual({ file: 'test', line: 2, record: 1 });
    expect(a!.claim.diagnoses.map((d) => d.code)).toEqual(['M43.03', 'M43.02']);
    expect(a!.claim.documentation).toBe('pars defect, C7-T1');
    expect(a!.claim.lines).toEqual([
      { procedureCode: '22551', units: 1, charge: 1604.91, diagnosisPointers: [1, 2] },
      { procedureCode: '22552', modifiers: ['59'], units: 2, charge: 500, serviceDate: '2026-01-15', diagnosisPointers: [1] },
    ]);
    expect(a!.claim.payer).toEqual({ id: 'MCR', type: 'medicare' });
  });

  it('a row that contradicts its claim\'s first row rejects the claim, naming both lines', async () => {
    const csv = `${header}\nA,professional,2026-01-15,,,M43.03,,22551,,1,10,,1\nA,professional,2026-01-16,,,M43.03,,22552,,1,10,,1\nB,professional,2026-01-16,,,M54.12,,99213,,1,100,,1\n`;
    const items = await collect([csv], 'csv');
    expect(items.map((i) => i.kind)).toEqual(['rejected', 'claim']);
    expect(rejected(items[0])!.claimId).toBe('A');
    expect(rejected(items[0])!.problems[0]).toMatchObject({ path: '$.serviceDate', value: '2026-01-16' });
    expect(rejected(items[0])!.problems[0].message).toMatch(/line 3 says service_date "2026-01-16" but the claim's first row \(line 2\)/);
  });

  it('reads numbers in the decimal forms X12 uses too (".5", "12.")', async () => {
    const csv = `${header}\nA,professional,2026-01-15,,,M43.03,,99213,,1,.5,,1\nA,,,,,,,99214,,2,12.,,1\n`;
    const [item] = await collect([csv], 'csv');
    expect(item.kind === 'claim' && item.claim.lines?.map((l) => l.charge)).toEqual([0.5, 12]);
  });

  it('a bad cell is a problem at the field path, with the cell text as the value', async () => {
    const csv = `${header}\nA,professional,2026-01-15,,,M43.03,,22551,,abc,10,,1\n`;
    const [item] = await collect([csv], 'csv');
    expect(rejected(item)!.problems).toEqual([expect.objectContaining({ path: '$.lines[0].units', value: 'abc' })]);
  });

  it('a row with the wrong number of columns rejects its claim', async () => {
    const csv = `${header}\nA,professional,2026-01-15,,,M43.03,,22551,,1,10,,1\nA,professional\n`;
    const [item] = await collect([csv], 'csv');
    expect(rejected(item)!.problems[0].message).toMatch(/line 3 has 2 columns where the header has 13/);
  });

  it('a header without the required columns is one clear rejection', async () => {
    const [item, ...rest] = await collect(['id,type\nA,professional\n'], 'csv');
    expect(rest).toHaveLength(0);
    expect(rejected(item)!.problems[0].message).toMatch(/lacks claim_id, claim_type, diagnosis_codes/);
  });

  it('JSON saved as .csv is explained', async () => {
    const [item] = await collect([`${good('A')}\n`], 'csv');
    expect(rejected(item)!.problems[0].message).toMatch(/looks like JSON/);
  });

  it('JSON arriving slowly (a pipe) as CSV is explained too, not called empty', async () => {
    async function* slow() { await new Promise((r) => setTimeout(r, 20)); yield Buffer.from(`${good('A')}\n`); }
    const items: InputItem[] = [];
    for await (const item of readClaims(slow(), 'csv', { file: 'x.csv' })) items.push(item);
    expect(items).toHaveLength(1);
    expect(rejected(items[0])!.problems[0].message).toMatch(/looks like JSON/);
  });

  it('empty file and header-only file are each one rejection', async () => {
    expect(rejected((await collect([''], 'csv'))[0])!.problems[0].message).toMatch(/is empty/);
    expect(rejected((await collect([`${header}\n`], 'csv'))[0])!.problems[0].message).toMatch(/header but no rows/);
  });

  it('property: random rows never crash and every claim id group gives one item', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom('A', 'B', 'C'), fc.string({ maxLength: 12 })), { minLength: 1, maxLength: 15 }), async (rows) => {
      const body = rows.map(([id, junk]) => `${id},professional,2026-01-15,,,M43.03,"${junk.replace(/"/g, '""')}",99213,,1,10,,1`).join('\n');
      const items = await collect([`${header}\n${body}\n`], 'csv');
      const groups = rows.filter((r, i) => i === 0 || r[0] !== rows[i - 1][0]).length;
      expect(items).toHaveLength(groups);
    }), { numRuns: 100 });
  });
});
