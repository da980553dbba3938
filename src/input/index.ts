import * as path from 'node:path';
import type * as Csv from './csv';
import { readJson, readNdjson } from './json';
import type { Chunks, InputFormat, InputItem, ReadOptions } from './types';
import type * as X12 from './x12/read-x12';

export type { Chunks, InputFormat, InputItem, ReadOptions } from './types';
export { readJson, readNdjson } from './json';
export { addX12Stats, emptyX12Stats, type X12Stats } from './x12/stats';
export type { X12ReadOptions } from './x12/read-x12';

// The CSV and X12 readers are loaded when first used: a JSON or NDJSON check does not compile their ~8 modules.
/** CSV with a header line: one claim per row (see README "Input"). */
export const readCsv: typeof Csv.readCsv = (chunks, options) => (require('./csv') as typeof Csv).readCsv(chunks, options);
/** X12 837P/837I: one item per claim (CLM), envelope problems as defects of the claims they touch. */
export const readX12: typeof X12.readX12 = (chunks, options) => (require('./x12/read-x12') as typeof X12).readX12(chunks, options);

const BY_EXTENSION: Readonly<Record<string, InputFormat>> = { '.json': 'json', '.ndjson': 'ndjson', '.jsonl': 'ndjson', '.csv': 'csv',
  '.x12': 'x12', '.837': 'x12', '.edi': 'x12', '.txt': 'x12',
};

/** The input format a file name implies, or undefined when its extension says nothing we read. */
export function formatOf(fileName: string): InputFormat | undefined {
  return BY_EXTENSION[path.extname(fileName).toLowerCase()];
}

/** Reads claims of a format from chunks: one InputItem per record, in order (X12: `stats` counts the envelopes). */
export function readClaims(chunks: Chunks, format: InputFormat, options: ReadOptions & Pick<X12.X12ReadOptions, 'stats'> = {}): AsyncGenerator<InputItem> {
  switch (format) {
    case 'json': return readJson(chunks, options);
    case 'ndjson': return readNdjson(chunks, options);
    case 'csv': return readCsv(chunks, options);
    case 'x12': return readX12(chunks, options);
  }
}
