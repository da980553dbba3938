import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { formatOf, type InputItem, readClaims, emptyX12Stats } from '../../src/input';
import { planChunks } from '../../src/queue/plan';
import { readChunk } from '../../src/queue/read-chunk';

// Reading a file chunk by chunk must give what reading it whole gives: the same items, in the same
// order, with the same source references and messages; the X12 envelope counts add up.

const ROOT = path.join(__dirname, '..', '..');
const sample = (name: string) => fs.readFileSync(path.join(ROOT, 'samples', name), 'utf8');
let dir: string;
beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimscrub-chunks-')); });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function items(iterable: AsyncIterable<InputItem>): Promise<string[]> {
  const out: string[] = [];
  for await (const item of iterable) out.push(JSON.stringify(item));
  return out;
}

async function compare(name: string, text: string | Buffer, perChunk: number): Promise<{ chunks: number; records: number }> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  const format = formatOf(name)!;
  const wholeStats = emptyX12Stats();
  const whole = await items(readClaims(fs.createReadStream(file), format, { file: name, stats: wholeStats }));
  const plans = await planChunks(file, format, perChunk);
  const chunkStats = emptyX12Stats();
  const chunked: string[] = [];
  for (const plan of plans) {
    const got = await items(readChunk({ ...plan, path: file, name, format }, chunkStats));
    if (plan.records !== null) expect(got).toHaveLength(plan.records);
    chunked.push(...got);
  }
  expect(chunked).toEqual(whole);
  expect(chunkStats).toEqual(wholeStats);
  // Chunks tile the file.
  expect(plans[0].start).toBe(0);
  plans.forEach((p, i) => { if (i > 0) expect(p.start).toBe(plans[i - 1].end); });
  expect(plans[plans.length - 1].end).toBe(fs.statSync(file).size);
  return { chunks: plans.length, records: whole.length };
}

const seedLines = sample('seed.ndjson').trim().split('\n');

describe('chunked reading equals whole-file reading', () => {
  it('NDJSON: blank lines, CRLF, a BOM, bad JSON', async () => {
    const lines = Array.from({ length: 40 }, (_, i) => seedLines[i % seedLines.length].replace(/"CLM-(\d+)"/, `"CLM-$1-${i}"`));
    lines.splice(5, 0, '', '   ');
    lines.splice(11, 0, '{"id": "BAD", ');
    lines.splice(17, 0, 'not json at all');
    lines.splice(23, 0, '\t');
    const text = `\ufeff${lines.join('\r\n')}\n\n`;
    for (const per of [1, 2, 7, 1000]) {
      const r = await compare('mixed.ndjson', text, per);
      expect(r.records).toBe(42);
      if (per === 7) expect(r.chunks).toBe(6);
      if (per === 1000) expect(r.chunks).toBe(1);
    }
  });

  it('CSV: claims of several rows, quoted newlines, blank lines, CRLF, bad rows, contradicting rows', async () => {
    const [header, ...rows] = sample('seed.csv').trim().split('\n');
    const body = Array.from({ length: 6 }, (_, k) => rows.map((r) => r.replace(/^CLM-(\d+)/, `CLM-$1-${k}`)).join('\n')).join('\n\n');
    const extra = [
      'CLM-Q1,professional,2026-01-15,MEDICARE-JH,medicare,1961-04-02,F,M43.03,"line one\nline two, ""quoted""",22551,,1,100,,1',
      'CLM-Q1,professional,2026-01-16,MEDICARE-JH,medicare,1961-04-02,F,M43.03,,22552,,1,50,,1',
      ',professional,2026-01-15,X,commercial,1961-04-02,F,M43.03,,99213,,1,10,,1',
      'CLM-SHORT,professional,2026-01-15',
    ].join('\r\n');
    const text = `\ufeff${header}\r\n${body}\r\n${extra}\r\n${body}\n`;
    for (const per of [1, 2, 5, 100000]) {
      const r = await compare('mixed.csv', text, per);
      if (per === 1) expect(r.chunks).toBe(r.records); // one claim per chunk, each read after the header
    }
  });

  it('CSV the reader refuses is one chunk, read as a whole', async () => {
    expect((await compare('noheader.csv', 'a,b\n1,2\n', 1)).chunks).toBe(1);
    expect((await compare('json.csv', '{"id": 1}\n', 1)).chunks).toBe(1);
    expect((await compare('empty.csv', '', 1)).chunks).toBe(1);
  });

  it('X12: several interchanges, cut between closed interchanges only', async () => {
    const p = sample('seed-837p.837');
    const i = sample('seed-837i.837');
    const text = [p, i, p, p, i].join('\n');
    for (const per of [1, 2, 100000]) {
      const r = await compare('many.837', text, per);
      if (per === 1) expect(r.chunks).toBe(5);
    }
    // An interchange without its IEA stays with the next one: the whole-file reader reports it at the next ISA.
    const broken = [p, p.replace(/IEA\*[^~]*~\s*$/, ''), i, p].join('\n');
    expect((await compare('broken.837', broken, 1)).chunks).toBe(3);
  });

  it('files with no records, a NUL byte or JSON are one chunk', async () => {
    expect((await compare('empty.ndjson', '\n\n', 1)).chunks).toBe(1);
    expect((await compare('nul.ndjson', `${seedLines[0]}\n${seedLines[1]}\u0000\n${seedLines[2]}\n`, 1)).chunks).toBe(1);
    expect((await compare('seed.json', sample('seed.json'), 1)).chunks).toBe(1);
  });
});
