import * as fs from 'node:fs';
import { type InputFormat, type InputItem, readClaims, type X12Stats } from '../input';
import { FILE_READ_BYTES, type IntakeDefect } from '../input/types';
import type { DecodeProblem } from '../claim/decode';
import type { SourceRef } from '../scrub/result';
import type { ChunkPlan } from './plan';

// "Read this byte range" over the existing readers: a ranged fs.createReadStream (after the CSV header
// for a chunk past the first) handed to readClaims, the same reader `check` uses, then each item's
// position moved from the chunk's numbering to the file's: source line / record / segment, and the
// numbers the readers' messages quote ("line 12 has no claim_id", "CLM at segment 40 ..."). The readers
// number from the start of what they read; a `firstLine` / `firstSegment` read option in src/input
// would make the message rewriting below unnecessary.

export interface ChunkInput extends ChunkPlan {
  /** Absolute path every worker can open. */
  readonly path: string;
  /** The name results carry (as given to submit, like `check`'s). */
  readonly name: string;
  readonly format: InputFormat;
}

async function* bytesOf(chunk: ChunkInput): AsyncGenerator<Buffer> {
  if (chunk.headerEnd !== undefined && chunk.headerEnd > 0) yield* fs.createReadStream(chunk.path, { start: 0, end: chunk.headerEnd - 1 }) as AsyncIterable<Buffer>;
  if (chunk.end > chunk.start) yield* fs.createReadStream(chunk.path, { start: chunk.start, end: chunk.end - 1, highWaterMark: FILE_READ_BYTES }) as AsyncIterable<Buffer>;
}

/** The items of one chunk, numbered as in the whole file. */
export async function* readChunk(chunk: ChunkInput, stats?: X12Stats): AsyncGenerator<InputItem> {
  const shift = shifter(chunk);
  for await (const item of readClaims(bytesOf(chunk), chunk.format, { file: chunk.name, ...(stats ? { stats } : {}) })) yield shift(item);
}

function shifter(o: Pick<ChunkPlan, 'lineOffset' | 'recordOffset' | 'segmentOffset'>): (item: InputItem) => InputItem {
  if (o.lineOffset === 0 && o.recordOffset === 0 && o.segmentOffset === 0) return (item) => item;
  const source = (s: SourceRef): SourceRef => ({
    ...s,
    ...(s.line !== undefined ? { line: s.line + o.lineOffset } : {}),
    ...(s.record !== undefined ? { record: s.record + o.recordOffset } : {}),
    ...(s.segment !== undefined ? { segment: s.segment + o.segmentOffset } : {}),
  });
  const add = (n: string, by: number) => String(Number(n) + by);
  // Only the reader's own phrasings (src/input): a line number leads the message or is quoted as
  // "(line N)" / "as on line N"; segment positions read "segment N" or "segments N–M".
  const text = (t: string): string => {
    let out = t;
    if (o.lineOffset !== 0) {
      out = out.replace(/^line (\d+)/, (_, n: string) => `line ${add(n, o.lineOffset)}`)
        .replace(/\(line (\d+)\)/g, (_, n: string) => `(line ${add(n, o.lineOffset)})`)
        .replace(/as on line (\d+)$/, (_, n: string) => `as on line ${add(n, o.lineOffset)}`);
    }
    if (o.segmentOffset !== 0) {
      out = out.replace(/\b(segments?) (\d+)(?:–(\d+))?/g, (_, word: string, a: string, b: string | undefined) =>
        `${word} ${add(a, o.segmentOffset)}${b === undefined ? '' : `–${add(b, o.segmentOffset)}`}`);
    }
    return out;
  };
  const problem = (p: DecodeProblem): DecodeProblem => ({ ...p, message: text(p.message), expected: text(p.expected) });
  const defect = (d: IntakeDefect): IntakeDefect => ({
    ...d, message: text(d.message),
    ...(d.fields ? { fields: Object.fromEntries(Object.entries(d.fields).map(([k, v]) => [k,
      typeof v === 'number' && k === 'segment' ? v + o.segmentOffset : typeof v === 'number' && k === 'line' ? v + o.lineOffset : typeof v === 'string' ? text(v) : v])) } : {}),
  });
  return (item) => (item.kind === 'claim'
    ? { ...item, source: source(item.source), ...(item.defects ? { defects: item.defects.map(defect) } : {}) }
    : { kind: 'rejected', result: { ...item.result, source: source(item.result.source), problems: item.result.problems.map(problem) } });
}
