import * as path from 'node:path';
import { readCsv } from './csv';
import { readJson, readNdjson } from './json';
import type { Chunks, InputFormat, InputItem, ReadOptions } from './types';
import { readX12, type X12ReadOptions } from './x12';

export type { Chunks, InputFormat, InputItem, ReadOptions } from './types';
export { readCsv } from './csv';
export { readJson, readNdjson } from './json';
export { addX12Stats, emptyX12Stats, readX12, type X12ReadOptions, type X12Stats } from './x12';

const BY_EXTENSION: Readonly<Record<string, InputFormat>> = { '.json': 'json', '.ndjson': 'ndjson', '.jsonl': 'ndjson', '.csv': 'csv',
  '.x12': 'x12', '.837': 'x12', '.edi': 'x12', '.txt': 'x12',
};

/** The input format a file name implies, or undefined when its extension says nothing we read. */
export function formatOf(fileName: string): InputFormat | undefined {
  return BY_EXTENSION[path.extname(fileName).toLowerCase()];
}

/** Reads claims of a format from chunks: one InputItem per record, in order (X12: `stats` counts the envelopes). */
export function readClaims(chunks: Chunks, format: InputFormat, options: ReadOptions & Pick<X12ReadOptions, 'stats'> = {}): AsyncGenerator<InputItem> {
  switch (format) {
    case 'json': return readJson(chunks, options);
    case 'ndjson': return readNdjson(chunks, options);
    case 'csv': return readCsv(chunks, options);
    case 'x12': return readX12(chunks, options);
  }
}
