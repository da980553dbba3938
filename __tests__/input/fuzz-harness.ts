import fc from 'fast-check';
import { readClaims, type InputFormat, type InputItem } from '../../src/input';
import { file837, P, professionalClaim } from './x12/make-837';

// The invariant of issue 14 item 6, for every reader: a file of clean records with ONE mutated record
// between them yields exactly one item per record, no throw, and the clean neighbours' items are exactly
// those of the same file with the record unmutated. NDJSON, CSV and X12 are mutated as bytes (any byte,
// NUL and invalid UTF-8 included, except the record separator: a mutation must not make two records of
// one); JSON as values (any JSON value, __proto__/constructor keys, deep nesting), since one byte can
// make a whole JSON array unparseable by design.

async function collect(chunks: readonly (string | Uint8Array)[], format: InputFormat): Promise<InputItem[]> {
  const items: InputItem[] = [];
  for await (const item of readClaims(chunks, format, { file: 'fuzz', maxRecordLength: 4096 })) items.push(item);
  return items;
}

const NEIGHBOURS = 2; // clean records before and after the mutated one
const ndjsonClaim = (id: string) => JSON.stringify({ id, type: 'professional', serviceDate: '2026-01-15', diagnoses: ['M43.03'], lines: [{ procedureCode: '99213', units: 1, charge: 100, diagnosisPointers: [1] }] });
const CSV_HEADER = 'claim_id,claim_type,service_date,diagnosis_codes,procedure_code,units,charge,diagnosis_pointers';
const csvRow = (id: string) => `${id},professional,2026-01-15,M43.03;M54.13,99213,1,100,1;2`;

/** A mutation of a text: bytes inserted, deleted or replaced at positions, never `forbidden` bytes. */
const mutation = (forbidden: readonly number[]) => fc.array(fc.record({
  at: fc.nat(), op: fc.constantFrom('insert', 'delete', 'replace'),
  bytes: fc.array(fc.oneof(fc.constantFrom(0x00, 0xff, 0xc3, 0x80, 0x22, 0x2c, 0x7b, 0x7d, 0x5b, 0x3a, 0x5c, 0xef, 0xbb, 0xbf, 0x7e, 0x2a), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 })
    .map((bs) => bs.filter((b) => !forbidden.includes(b))),
}), { minLength: 1, maxLength: 6 });

function mutate(record: Buffer, ops: readonly { at: number; op: string; bytes: number[] }[]): Buffer {
  let b = record;
  for (const { at, op, bytes } of ops) {
    const i = b.length === 0 ? 0 : at % (b.length + 1);
    if (op === 'insert') b = Buffer.concat([b.subarray(0, i), Buffer.from(bytes), b.subarray(i)]);
    else if (op === 'delete') b = Buffer.concat([b.subarray(0, i), b.subarray(i + bytes.length)]);
    else b = Buffer.concat([b.subarray(0, i), Buffer.from(bytes), b.subarray(i + bytes.length)]);
  }
  return b;
}

/** The items of the clean neighbours (all but the one at `middle`), as comparable JSON. */
const neighbours = (items: readonly InputItem[], middle: number): string[] => items.filter((_, i) => i !== middle).map((i) => JSON.stringify(i));

/** Checks the invariant for one line-based format on one mutation; throws (for fast-check) when it does not hold. */
async function checkLines(format: 'ndjson' | 'csv', ops: readonly { at: number; op: string; bytes: number[] }[]): Promise<void> {
  const ids = Array.from({ length: 2 * NEIGHBOURS + 1 }, (_, i) => `CLEAN-${i}`);
  const make = format === 'ndjson' ? ndjsonClaim : csvRow;
  const mutated = mutate(Buffer.from(make('MUTATED-X')), ops);
  const text = mutated.toString('latin1');
  if (text.trim() === '' || /^\s*$/.test(mutated.toString('utf8').replace(/\u0000/g, 'x'))) return; // a blank line is no record
  const build = (middle: Buffer): Buffer => Buffer.concat([
    ...(format === 'csv' ? [Buffer.from(`${CSV_HEADER}\n`)] : []),
    ...ids.slice(0, NEIGHBOURS).map((id) => Buffer.from(`${make(id)}\n`)),
    middle, Buffer.from('\n'),
    ...ids.slice(NEIGHBOURS + 1).map((id) => Buffer.from(`${make(id)}\n`)),
  ]);
  // Bytes in pieces of 7: chunk boundaries fall inside characters and records.
  const chunked = (b: Buffer): Buffer[] => Array.from({ length: Math.ceil(b.length / 7) }, (_, i) => b.subarray(i * 7, i * 7 + 7));
  const got = await collect(chunked(build(mutated)), format);
  const base = await collect([build(Buffer.from(make('MUTATED-X')))], format);
  if (got.length !== base.length) throw new Error(`${format}: ${got.length} items for ${base.length} records (mutated ${JSON.stringify(text)})`);
  const a = neighbours(got, NEIGHBOURS), b = neighbours(base, NEIGHBOURS);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) throw new Error(`${format}: neighbour ${i} changed (mutated ${JSON.stringify(text)}):\n${a[i]}\n${b[i]}`);
}

async function checkX12(ops: readonly { at: number; op: string; bytes: number[] }[]): Promise<void> {
  const ids = Array.from({ length: 2 * NEIGHBOURS + 1 }, (_, i) => `CLEAN${i}`);
  const text = file837(P, ids.map((id) => professionalClaim(id)));
  // The middle claim's 2300/2400 segments, element data only (segment ids, separators and terminators kept).
  const segs = text.split('~');
  const start = segs.findIndex((s) => s.startsWith(`CLM*${ids[NEIGHBOURS]}*`));
  const end = segs.findIndex((s, i) => i > start && (s.startsWith('HL*') || s.startsWith('SE*')));
  const out = segs.map((s, i) => {
    if (i <= start || i >= end) return Buffer.from(s, 'latin1');
    const star = s.indexOf('*');
    return Buffer.concat([Buffer.from(s.slice(0, star + 1), 'latin1'), mutate(Buffer.from(s.slice(star + 1), 'latin1'), ops)]);
  });
  const joined = (parts: Buffer[]) => Buffer.concat(parts.flatMap((p, i) => (i === 0 ? [p] : [Buffer.from('~'), p])));
  const got = await collect([joined(out)], 'x12');
  const base = await collect([text], 'x12');
  if (got.length !== base.length) throw new Error(`x12: ${got.length} items for ${base.length} claims`);
  const a = neighbours(got, NEIGHBOURS), b = neighbours(base, NEIGHBOURS);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) throw new Error(`x12: neighbour ${i} changed:\n${a[i]}\n${b[i]}`);
}

async function checkJson(input: { value: unknown } | { depth: number }): Promise<void> {
  // A deep value is written as text: building it as an object would overflow the stack of JSON.stringify itself.
  const value = 'depth' in input ? undefined : input.value;
  const ids = Array.from({ length: 2 * NEIGHBOURS + 1 }, (_, i) => `CLEAN-${i}`);
  const records: unknown[] = ids.map((id) => JSON.parse(ndjsonClaim(id)));
  const text = (middle: string) => `[${records.map((r, i) => (i === NEIGHBOURS ? middle : JSON.stringify(r))).join(',')}]`;
  const middle = 'depth' in input ? `${'['.repeat(input.depth)}1${']'.repeat(input.depth)}` : (JSON.stringify(value) ?? 'null');
  const got = await collect([text(middle)], 'json');
  const base = await collect([text(JSON.stringify(records[NEIGHBOURS]))], 'json');
  if (got.length !== base.length) throw new Error(`json: ${got.length} items for ${base.length} records`);
  const a = neighbours(got, NEIGHBOURS), b = neighbours(base, NEIGHBOURS);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) throw new Error(`json: neighbour ${i} changed`);
  if (Object.prototype.hasOwnProperty.call(Object.prototype, 'serviceDate')) throw new Error('prototype polluted');
}

/** JSON values that look like claims: real fields with any values, hostile keys, deep nesting. */
const jsonClaim = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.jsonValue(), tie('claim'), fc.array(tie('value'), { maxLength: 3 })),
  claim: fc.dictionary(fc.constantFrom('id', 'type', 'serviceDate', 'diagnoses', 'lines', 'patient', 'payer', 'documentation', '__proto__', 'constructor', 'prototype', 'documentaton', 'procedureCode'),
    tie('value'), { maxKeys: 8 }),
}));
const deep = fc.integer({ min: 1, max: 5000 }).map((depth) => ({ depth }));

export type FuzzFormat = 'ndjson' | 'csv' | 'x12' | 'json';

/** Runs `numRuns` seeded mutations of one format through fast-check; throws with the counterexample when the invariant fails. */
export async function fuzz(format: FuzzFormat, numRuns: number, seed: number): Promise<void> {
  const params = { numRuns, seed, endOnFailure: true };
  if (format === 'json') {
    await fc.assert(fc.asyncProperty(fc.oneof(jsonClaim.claim.map((value) => ({ value })), jsonClaim.value.map((value) => ({ value })), deep), checkJson), params);
  } else if (format === 'x12') {
    await fc.assert(fc.asyncProperty(mutation([0x7e, 0x2a, 0x3a, 0x5e, 0x0a, 0x0d]), checkX12), params);
  } else {
    await fc.assert(fc.asyncProperty(mutation([0x0a, 0x0d]), (ops) => checkLines(format, ops)), params);
  }
}
