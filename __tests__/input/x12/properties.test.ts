import fc from 'fast-check';
import type { Claim } from '../../../src/claim/codecs';
import { claimLoop, type ClaimSpec, type Delims, HEADER, I, institutionalClaim, isa, P, professionalClaim, render, type Seg } from './make-837';
import { idOf, read } from './read';

// Property: a random cut or corruption of a valid file never crashes the reader, and never loses or
// duplicates a claim that is intact. A claim is intact when no changed character touches the segments
// it rests on: its ISA, GS and ST, the transaction header (BHT, 1000A/B), its own 2000A/B/C loops, its
// 2300/2400 segments and the segment that closes it (the next HL, or SE), each with the terminator
// before it. A change that creates or destroys an envelope segment (ISA/GS/ST/SE/GE/IEA) moves the
// transaction boundaries of everything after it, so there only "no crash, no duplicate" is asked.

interface Built { readonly text: string; readonly d: Delims; readonly claims: readonly { id: string; ranges: [number, number][] }[] }

const DX = ['M4303', 'M430', 'M5412', 'A419', 'E119', 'I10', 'M542', 'Z9889'];
const DELIMS: readonly Delims[] = [
  { element: '*', component: ':', segment: '~', repetition: '^' },
  { element: '*', component: ':', segment: '~', repetition: '^', eol: '\r\n' },
  { element: '|', component: '>', segment: '~', repetition: 'U', eol: '\n' },
  { element: '~', component: '^', segment: '_', repetition: '{' },
  { element: '*', component: ':', segment: '\n', repetition: '^' },
];

const claimArb = fc.record({
  institutional: fc.boolean(),
  dx: fc.uniqueArray(fc.constantFrom(...DX), { minLength: 1, maxLength: 4 }),
  lines: fc.integer({ min: 1, max: 3 }),
  patient: fc.boolean(),
});
const fileArb = fc.record({
  d: fc.constantFrom(...DELIMS),
  interchanges: fc.array(fc.array(fc.array(claimArb, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 2 }),
});

type FileSpec = typeof fileArb extends fc.Arbitrary<infer T> ? T : never;

function build(spec: FileSpec): Built {
  const segs: Seg[] = [];
  const claimSegs: { id: string; segs: number[] }[] = [];
  let n = 0;
  spec.interchanges.forEach((transactions, x) => {
    const isaAt = segs.push(isa(String(x + 1), spec.d)) - 1;
    const gsAt = segs.push(['GS', 'HC', 'S', 'R', '20260116', '0930', String(x + 1), 'X', P]) - 1;
    transactions.forEach((claims, t) => {
      const version = claims[0].institutional ? I : P;
      const stAt = segs.push(['ST', '837', String(t + 1).padStart(4, '0'), version]) - 1;
      segs.push(...HEADER);
      const header = Array.from({ length: segs.length - stAt }, (_, i) => stAt + i);
      let hl = 0;
      const open: { id: string; segs: number[] }[] = [];
      for (const c of claims) {
        n++;
        const id = `K${n}Z${n}`;
        const hi = [c.dx.map((code, i) => [i === 0 ? 'ABK' : 'ABF', code, ...(claims[0].institutional ? ['', '', '', '', '', '', 'Y'] : [])])];
        const lines = Array.from({ length: c.lines }, (_, i) => (claims[0].institutional
          ? { sv: ['SV2', '0300', ['HC', '85025'], String(10 + i), 'UN', '1'] as Seg, date: '20260112' }
          : { sv: ['SV1', ['HC', '99213'], String(10 + i), 'UN', '1', '', '', ['1']] as Seg, date: '20260115' }));
        const spec: ClaimSpec = claims[0].institutional ? institutionalClaim(id, { hi, lines }) : professionalClaim(id, { hi, lines });
        const start = segs.length;
        const bp = ++hl;
        segs.push(['HL', String(bp), '', '20', '1'], ['NM1', '85', '2', 'CLINIC', '', '', '', '', 'XX', '1234567893']);
        const sub = ++hl;
        segs.push(['HL', String(sub), String(bp), '22', c.patient ? '1' : '0'], ['SBR', 'P', '18', '', '', '', '', '', '', 'MB'],
          ['NM1', 'IL', '1', 'DOE', 'JANE', '', '', '', 'MI', 'M1'], ['DMG', 'D8', '19610402', 'F'], ['NM1', 'PR', '2', 'PAYER', '', '', '', '', 'PI', 'P1']);
        if (c.patient) segs.push(['HL', String(++hl), String(sub), '23', '0'], ['PAT', '19'], ['NM1', 'QC', '1', 'DOE', 'JIM'], ['DMG', 'D8', '20100305', 'M']);
        segs.push(...claimLoop(spec));
        // Its own segments, the closing one (the next HL or SE, pushed next), and the envelope above it.
        const own = Array.from({ length: segs.length - start + 1 }, (_, i) => start + i);
        open.push({ id, segs: [isaAt, gsAt, ...header, ...own] });
      }
      segs.push(['SE', String(segs.length - stAt + 1), String(t + 1).padStart(4, '0')]);
      claimSegs.push(...open);
    });
    segs.push(['GE', String(transactions.length), String(x + 1)], ['IEA', '1', String(x + 1).padStart(9, '0')]);
  });
  const { text, ends } = render(segs, spec.d);
  const eol = (spec.d.eol ?? '').length;
  // Segment i spans from the terminator before it to the end of its own terminator and line end.
  const range = (i: number): [number, number] => [i === 0 ? 0 : ends[i - 1] - spec.d.segment.length, ends[i] + eol];
  return { text, d: spec.d, claims: claimSegs.map((c) => ({ id: c.id, ranges: c.segs.map(range) })) };
}

const envelopeStarts = (text: string, d: Delims): number => {
  const esc = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
  // An envelope segment with elements (GE*1*1~) or bare (GE~): a bare one closes its envelope just the same.
  return (text.match(new RegExp(`(?:^|${esc(d.segment)})\\s*(?:ISA|GS|ST|SE|GE|IEA)(?:${esc(d.element)}|${esc(d.segment)})`, 'g')) ?? []).length;
};

/** Splits text into a few chunks, as strings or UTF-8 bytes. */
function chunked(text: string, cuts: readonly number[], bytes: boolean): (string | Uint8Array)[] {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let at = 0;
  for (const p of points) { pieces.push(text.slice(at, p)); at = p; }
  pieces.push(text.slice(at));
  return bytes ? pieces.map((piece) => Buffer.from(piece, 'utf8')) : pieces;
}

async function check(built: Built, baseline: ReadonlyMap<string, Claim>, text: string, touched: readonly [number, number], chunks: (string | Uint8Array)[], cut = false): Promise<void> {
  const { items } = await read(chunks);
  const count = new Map<string, number>();
  for (const item of items) { const id = idOf(item); if (id) count.set(id, (count.get(id) ?? 0) + 1); }
  for (const { id } of built.claims) expect(count.get(id) ?? 0).toBeLessThanOrEqual(1);
  if (!cut && envelopeStarts(text, built.d) !== envelopeStarts(built.text, built.d)) return;
  const [from, to] = touched;
  for (const claim of built.claims) {
    const intact = claim.ranges.every(([a, b]) => b <= from - 1 || a >= to + 1);
    if (!intact) continue;
    const item = items.find((i) => idOf(i) === claim.id);
    expect(item && item.kind).toBe('claim');
    expect(item?.kind === 'claim' && item.claim).toEqual(baseline.get(claim.id));
  }
}

async function baselineOf(built: Built): Promise<Map<string, Claim>> {
  const { items, stats } = await read(built.text);
  expect(stats.rejections).toBe(0);
  expect(items).toHaveLength(built.claims.length);
  return new Map(items.flatMap((i) => (i.kind === 'claim' ? [[i.claim.id, i.claim] as const] : [])));
}

const RUNS = { numRuns: 150 };

describe('X12 reader properties', () => {
  it('a cut file: every claim before the cut is read as it was; none is duplicated', async () => {
    await fc.assert(fc.asyncProperty(fileArb, fc.noBias(fc.integer({ min: 0, max: 1_000_000 })).map((n) => n / 1_000_001), fc.array(fc.nat(), { maxLength: 4 }), async (spec, where, cuts) => {
      const built = build(spec);
      const baseline = await baselineOf(built);
      const k = Math.floor(where * built.text.length);
      const text = built.text.slice(0, k);
      // Everything from the cut to the old end is "touched".
      await check(built, baseline, text, [k, built.text.length + 1], chunked(text, cuts, false), true);
    }), RUNS);
  });

  it('a corrupted file (a character changed, a range deleted, text inserted): no crash, no intact claim lost', async () => {
    const alphabet = fc.constantFrom(...'ASTEHLCMIG0129*:~^|>_ \n\r\u0000'.split(''));
    const edit = fc.oneof(
      fc.record({ op: fc.constant('replace' as const), at: fc.noBias(fc.integer({ min: 0, max: 1_000_000 })).map((n) => n / 1_000_001), text: alphabet.map((c) => c), length: fc.constant(1) }),
      fc.record({ op: fc.constant('delete' as const), at: fc.noBias(fc.integer({ min: 0, max: 1_000_000 })).map((n) => n / 1_000_001), text: fc.constant(''), length: fc.integer({ min: 1, max: 60 }) }),
      fc.record({ op: fc.constant('insert' as const), at: fc.noBias(fc.integer({ min: 0, max: 1_000_000 })).map((n) => n / 1_000_001), text: fc.array(alphabet, { minLength: 1, maxLength: 6 }).map((a) => a.join('')), length: fc.constant(0) }),
    );
    await fc.assert(fc.asyncProperty(fileArb, edit, fc.array(fc.nat(), { maxLength: 4 }), fc.boolean(), async (spec, e, cuts, bytes) => {
      const built = build(spec);
      const baseline = await baselineOf(built);
      const at = Math.min(built.text.length - 1, Math.floor(e.at * built.text.length));
      const text = built.text.slice(0, at) + e.text + built.text.slice(at + e.length);
      await check(built, baseline, text, [at, at + Math.max(e.length, 1)], chunked(text, cuts, bytes));
    }), RUNS);
  });

  it('arbitrary bytes never crash the reader, and every item is a claim or a rejection with problems', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), fc.string({ maxLength: 200 }), async (junk, prefix) => {
      const { items } = await read([Buffer.from(prefix), junk]);
      expect(items.length).toBeGreaterThan(0);
      for (const i of items) if (i.kind === 'rejected') expect(i.result.problems.length).toBeGreaterThan(0);
    }), RUNS);
  });
});
