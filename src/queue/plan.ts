import * as fs from 'node:fs';
import type { InputFormat } from '../input';
import { csvHeader, looksLikeJson, REQUIRED } from '../input/csv';
import { csvFields, csvRecordsOf, linesOf, textOf } from '../input/text';
import { DEFAULT_MAX_RECORD_LENGTH } from '../input/types';
import { x12TextOf } from '../input/x12/text';
import { tokenBatches } from '../input/x12/tokenizer';

// Splits an input file into chunks on record boundaries, so that reading each chunk on its own (see
// read-chunk.ts) yields exactly the items a read of the whole file yields, in the same order, with the
// same source references. NDJSON: byte ranges cut at the start of a non-blank line. CSV: byte ranges cut
// where claim_id changes (found with the reader's own record splitting, so quoted newlines and
// blank lines are placed as the reader places them); every chunk but the first is read after the
// header. X12: cut before an ISA whose interchange follows a closed one (IEA), so envelope checks see
// whole interchanges. Whenever a file is not plain enough to cut with certainty (a NUL byte, a CSV
// the reader would refuse, a bare ST, a broken ISA, JSON), it becomes ONE chunk: read as `check` reads it.

export interface ChunkPlan {
  /** Byte range [start, end) of the file. */
  readonly start: number;
  readonly end: number;
  /** CSV: bytes [0, headerEnd) hold the header row, read before every chunk but the first. */
  readonly headerEnd?: number;
  /** Added to the reader's line / record / segment numbers to give the whole file's. */
  readonly lineOffset: number;
  readonly recordOffset: number;
  readonly segmentOffset: number;
  /** Records the reader yields for this chunk when the plan knows (NDJSON lines, CSV claims); null otherwise. */
  readonly records: number | null;
}

const whole = (size: number): ChunkPlan[] => [{ start: 0, end: size, lineOffset: 0, recordOffset: 0, segmentOffset: 0, records: null }];

/** The chunks of one file, of about `perChunk` records each (X12: claims, whole interchanges). */
export async function planChunks(file: string, format: InputFormat, perChunk: number): Promise<ChunkPlan[]> {
  const size = fs.statSync(file).size;
  switch (format) {
    case 'ndjson': return planNdjson(file, size, perChunk);
    case 'csv': return planCsv(file, size, perChunk);
    case 'x12': return planX12(file, size, perChunk);
    case 'json': return whole(size); // one document: read whole
  }
}

const isBlankByte = (b: number): boolean => b === 0x20 || b === 0x09 || b === 0x0d || b === 0x0b || b === 0x0c;

async function planNdjson(file: string, size: number, perChunk: number): Promise<ChunkPlan[]> {
  const plans: ChunkPlan[] = [];
  let chunk = { start: 0, lineOffset: 0, recordOffset: 0, records: 0 };
  let records = 0;
  let newlines = 0;
  let pos = 0; // file offset of the current buffer
  let lineStart = 0; // file offset of the current line
  let inContent = false; // the current line has a non-blank character
  for await (const buf of fs.createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    if (buf.indexOf(0) >= 0) return whole(size); // the reader stops at a NUL (not text): so does the plan
    let i = pos === 0 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0; // BOM
    while (i < buf.length) {
      if (!inContent) {
        for (; i < buf.length; i++) {
          const b = buf[i];
          if (b === 0x0a || !isBlankByte(b)) break;
        }
        if (i >= buf.length) break;
        if (buf[i] === 0x0a) { newlines++; i++; lineStart = pos + i; continue; }
        // A line that starts with a non-ASCII byte might be Unicode white space (String.trim): not sure, so whole.
        if (buf[i] >= 0x80) return whole(size);
        inContent = true;
        if (chunk.records === perChunk) {
          plans.push({ start: chunk.start, end: lineStart, lineOffset: chunk.lineOffset, recordOffset: chunk.recordOffset, segmentOffset: 0, records: chunk.records });
          chunk = { start: lineStart, lineOffset: newlines, recordOffset: records, records: 0 };
        }
        chunk.records++;
        records++;
      }
      const nl = buf.indexOf(0x0a, i);
      if (nl < 0) break;
      newlines++;
      i = nl + 1;
      lineStart = pos + i;
      inContent = false;
    }
    pos += buf.length;
  }
  if (records === 0) return whole(size);
  plans.push({ start: chunk.start, end: size, lineOffset: chunk.lineOffset, recordOffset: chunk.recordOffset, segmentOffset: 0, records: chunk.records });
  return plans;
}


async function planCsv(file: string, size: number, perChunk: number): Promise<ChunkPlan[]> {
  // The reader's own record splitting (src/input/csv.ts: linesOf + csvRecordsOf), so claims end where the
  // reader's end: quoted newlines, blank lines, stray quotes and over-long rows are placed as it places them.
  const cuts: { line: number; records: number; recordOffset: number }[] = [];
  let headerLine: number | undefined;
  let idColumn = -1;
  let previousId: string | undefined; // undefined: the next row starts a claim (as after an over-long row)
  let groups = 0;
  const startGroup = (line: number): void => {
    if (cuts.length === 0 || cuts[cuts.length - 1].records === perChunk) cuts.push({ line, records: 0, recordOffset: groups });
    cuts[cuts.length - 1].records++;
    groups++;
  };
  const lines = linesOf(textOf(fs.createReadStream(file, { highWaterMark: 1 << 20 }), true), DEFAULT_MAX_RECORD_LENGTH);
  for await (const rec of csvRecordsOf(lines, DEFAULT_MAX_RECORD_LENGTH)) {
    if (rec.text === null) {
      if (headerLine === undefined) return whole(size);
      startGroup(rec.number);
      previousId = undefined;
      continue;
    }
    if (rec.text.trim() === '') continue;
    // Cut only what is plain: a NUL, or a header the reader refuses or that spans lines, makes one chunk.
    if (rec.text.includes('\u0000')) return whole(size);
    if (headerLine === undefined) {
      if (looksLikeJson(rec.text) || rec.text.includes('\n')) return whole(size);
      const header = csvHeader(rec.text);
      if (REQUIRED.some((c) => !header.includes(c))) return whole(size);
      idColumn = header.indexOf('claim_id');
      headerLine = rec.number;
      continue;
    }
    const id = csvFields(rec.text)[idColumn] ?? '';
    if (previousId === undefined || id !== previousId) startGroup(rec.number);
    previousId = id;
  }
  if (headerLine === undefined || groups === 0) return whole(size);
  const starts = await lineStarts(file, [headerLine + 1, ...cuts.map((c) => c.line)]);
  const headerEnd = starts[0];
  return cuts.map((c, i) => ({
    start: i === 0 ? 0 : starts[i + 1], end: i + 1 < cuts.length ? starts[i + 2] : size,
    ...(i > 0 ? { headerEnd } : {}),
    // Chunk i > 0 is read as header + its rows: its line n is the file's n + (lines before it) - (header lines).
    lineOffset: i > 0 ? c.line - 1 - headerLine! : 0, recordOffset: c.recordOffset, segmentOffset: 0, records: c.records,
  }));
}

/** Byte offset where each of the ascending line numbers (from 1) starts; the file size past its last line. */
async function lineStarts(file: string, lineNumbers: readonly number[]): Promise<number[]> {
  const offsets: number[] = [];
  let k = 0;
  while (k < lineNumbers.length && lineNumbers[k] <= 1) { offsets.push(0); k++; }
  let line = 1;
  let pos = 0;
  for await (const buf of fs.createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    for (let nl = buf.indexOf(0x0a); nl >= 0 && k < lineNumbers.length; nl = buf.indexOf(0x0a, nl + 1)) {
      line++;
      while (k < lineNumbers.length && lineNumbers[k] === line) { offsets.push(pos + nl + 1); k++; }
    }
    pos += buf.length;
  }
  while (k++ < lineNumbers.length) offsets.push(pos);
  return offsets;
}

/** Separator positions of an ISA's fixed layout (X12.5): ISA01..ISA16 are 2,10,2,10,2,15,2,15,6,4,1,5,9,1,1,1 characters. */
const ISA_SEPARATORS = [3, 6, 17, 20, 31, 34, 50, 53, 69, 76, 81, 83, 89, 99, 101, 103];
const isAlnum = (b: number): boolean => (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);

/** Byte offsets of every well-formed ISA in the file. */
async function isaOffsets(file: string): Promise<number[]> {
  const offsets: number[] = [];
  let carry: Buffer = Buffer.alloc(0);
  let pos = 0; // file offset of carry[0]
  for await (const piece of fs.createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const buf = carry.length ? Buffer.concat([carry, piece]) : piece;
    let i = buf.indexOf('ISA');
    for (; i >= 0 && i + 106 <= buf.length; i = buf.indexOf('ISA', i + 1)) {
      const sep = buf[i + 3];
      if (isAlnum(sep) || isBlankByte(sep) || sep === 0x0a) continue;
      if (i > 0 && isAlnum(buf[i - 1])) continue;
      if (ISA_SEPARATORS.every((k) => buf[i + k] === sep)) offsets.push(pos + i);
    }
    // The last 105 bytes may hold an ISA cut by the buffer's end (none found yet starts there): look again.
    const next = Math.max(0, buf.length - 105);
    carry = buf.subarray(next);
    pos += next;
  }
  return offsets;
}

async function planX12(file: string, size: number, perChunk: number): Promise<ChunkPlan[]> {
  // The reader's own tokenizer says where each interchange's ISA is (its segment position), how many
  // claims each holds, and whether the one before it closed with IEA right before the next ISA.
  const interchanges: { position: number; claims: number; closedBefore: boolean }[] = [];
  let previous: string | undefined; // id of the previous token ('skipped' for text)
  for await (const batch of tokenBatches(x12TextOf(fs.createReadStream(file, { highWaterMark: 1 << 20 })))) {
    for (const token of batch) {
      if (token.kind === 'skipped') {
        if (token.reason !== 'text') return whole(size);
        previous = 'skipped';
        continue;
      }
      if (token.guessed) return whole(size);
      if (token.id === 'ISA') interchanges.push({ position: token.position, claims: 0, closedBefore: previous === 'IEA' });
      else if (interchanges.length === 0) return whole(size);
      else if (token.id === 'CLM') interchanges[interchanges.length - 1].claims++;
      previous = token.id;
    }
  }
  const offsets = await isaOffsets(file);
  if (interchanges.length < 2 || offsets.length !== interchanges.length) return whole(size);
  const plans: ChunkPlan[] = [];
  let start = 0;
  let first = 0;
  let claims = 0;
  interchanges.forEach((ic, i) => {
    if (i > 0 && claims >= perChunk && ic.closedBefore) {
      plans.push({ start, end: offsets[i], lineOffset: 0, recordOffset: 0, segmentOffset: first === 0 ? 0 : interchanges[first].position - 1, records: null });
      start = offsets[i];
      first = i;
      claims = 0;
    }
    claims += ic.claims;
  });
  plans.push({ start, end: size, lineOffset: 0, recordOffset: 0, segmentOffset: first === 0 ? 0 : interchanges[first].position - 1, records: null });
  return plans;
}
