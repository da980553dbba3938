import * as path from 'node:path';
import { readCsv } from './csv';
import { readJson, readNdjson } from './json';
import type { Chunks, InputFormat, InputItem, ReadOptions } from './types';

export type { Chunks, InputFormat, InputItem, ReadOptions } from './types';
export { readCsv } from './csv';
export { readJson, readNdjson } from './json';

const BY_EXTENSION: Readonly<Record<string, InputFormat>> = { '.json': 'json', '.ndjson': 'ndjson', '.jsonl': 'ndjson', '.csv': 'csv' };

/** The input format a file name implies, or undefined when its extension says nothing we read. */
export function formatOf(fileName: string): InputFormat | undefined {
  return BY_EXTENSION[path.extname(fileName).toLowerCase()];
}

/** Reads claims of a format from chunks: one InputItem per record, in order. */
export function readClaims(chunks: Chunks, format: InputFormat, options: ReadOptions = {}): AsyncGenerator<InputItem> {
  switch (format) {
    case 'json': return readJson(chunks, options);
    case 'ndjson': return readNdjson(chunks, options);
    case 'csv': return readCsv(chunks, options);
  }
}
