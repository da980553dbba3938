import { emptyX12Stats, type X12Stats } from '../input';
import { type ChunkInput, readChunk } from '../queue/read-chunk';
import { itemContext } from '../report/context';
import { detachedRow, tableRank } from '../report/html';
import { lineFormatOf, type OutputFormat } from '../report/formatters';
import { addToSummary, emptySummary, PART_OF_BATCH, type Summary } from '../report/summary';
import type { SourceRef } from '../scrub/result';
import type { Scrubber } from '../scrub/scrubber';

// One chunk of an input file (a byte range cut on record boundaries by queue/plan.ts), read, scrubbed
// and formatted by one thread: what `check --jobs N` asks of each worker. NDJSON and CSV come back as
// text; for the HTML report, the table rows of only the results that can still make the table.

/**
 * How a chunk's results come back (a task crosses threads, so this is data): as text in a line format
 * (NDJSON, CSV), or for the HTML report as table rows, only of the results ranked above the table's floor
 * (tableRank) when the chunk was sent; the output thread keeps the rows its table keeps.
 */
export type ChunkOutput = { readonly lines: OutputFormat } | { readonly tableFloor: number };

/** A record's claim id (null: a rejected record) and where it is, to find ids used again across chunks. */
export interface ChunkRecord {
  readonly id: string | null;
  readonly source?: SourceRef;
  /** The earlier record with this id that the chunk's results were judged with (duplicate-claim-id). */
  readonly earlier?: string;
}

export interface ChunkResults {
  /**
   * Line formats: the chunk's results, formatted, in input order, as UTF-8 (a view of a buffer of its own:
   * it moves between threads without a copy; cloning a megabyte string cost ~15 ms a chunk).
   */
  readonly text?: Uint8Array;
  /** The HTML report: the rows of the results ranked above the floor (detachedRow), with their record's index in the chunk. */
  readonly ranked?: readonly { readonly k: number; readonly rank: number; readonly row: string }[];
  readonly records: readonly ChunkRecord[];
  /** The chunk's summary (PART_OF_BATCH: merged in input order with mergeSummary). */
  readonly summary: Summary;
  readonly x12?: X12Stats;
}

/**
 * UTF-8 text written as it comes, into a buffer of its own: the results' strings die young instead of
 * living in one long string until the chunk ends (which doubled a worker's garbage-collection time), and
 * the buffer moves to the output thread without a copy (a small Buffer.from shares a pool: not transferable).
 */
function byteSink(): { write(text: string): void; bytes(): Uint8Array } {
  let buffer = Buffer.allocUnsafeSlow(1 << 20);
  let used = 0;
  return {
    write(text) {
      const most = text.length * 3; // UTF-8 bytes of a UTF-16 code unit: at most 3
      if (used + most > buffer.length) {
        const grown = Buffer.allocUnsafeSlow(Math.max(buffer.length * 2, used + most));
        buffer.copy(grown, 0, 0, used);
        buffer = grown;
      }
      used += buffer.write(text, used);
    },
    bytes: () => buffer.subarray(0, used),
  };
}

/**
 * Reads, scrubs and formats one chunk. `earlierOf(k, id, source)` says which earlier record has the
 * k-th record's claim id: by default the chunk's own (a worker sees only its chunk); the output thread
 * passes the whole input's when a chunk must be judged again because an earlier chunk had one of its ids.
 */
export async function chunkResults(
  chunk: ChunkInput, scrubber: Scrubber, output: ChunkOutput,
  earlierOf?: (k: number, id: string, source: SourceRef) => string | undefined,
): Promise<ChunkResults> {
  const batch = scrubber.createBatch();
  const earlierFor = earlierOf ?? ((_k: number, id: string, source: SourceRef) => batch.register(id, source));
  const x12 = chunk.format === 'x12' ? emptyX12Stats() : undefined;
  const lines = 'lines' in output ? lineFormatOf(output.lines) : undefined;
  if ('lines' in output && !lines) throw new Error(`${output.lines} is not a line format`);
  const floor = 'tableFloor' in output ? output.tableFloor : Infinity;
  const text = lines ? byteSink() : undefined;
  const ranked: { k: number; rank: number; row: string }[] = [];
  const records: ChunkRecord[] = [];
  const summary = emptySummary();
  for await (const item of readChunk(chunk, x12)) {
    const id = item.kind === 'claim' ? item.claim.id : null;
    const earlier = item.kind === 'claim' ? earlierFor(records.length, item.claim.id, item.source) : undefined;
    const result = await scrubber.scrubItem(item, earlier ? { earlierInBatch: earlier } : {});
    const context = itemContext(item, chunk.format);
    addToSummary(summary, result, context.charge, context.payer, PART_OF_BATCH);
    if (lines) text!.write(lines.text(result, context));
    else {
      const rank = tableRank(result);
      if (rank > floor) ranked.push({ k: records.length, rank, row: detachedRow(result, context) });
    }
    const record: { id: string | null; source?: SourceRef; earlier?: string } = { id };
    if (item.kind === 'claim') record.source = item.source;
    if (earlier) record.earlier = earlier;
    records.push(record);
  }
  if (chunk.records !== null && records.length !== chunk.records) {
    throw new Error(`${chunk.name}: bytes ${chunk.start}–${chunk.end} gave ${records.length} results where the plan counted ${chunk.records} records`);
  }
  return { ...(text ? { text: text.bytes() } : { ranked }), records, summary, ...(x12 ? { x12 } : {}) };
}
