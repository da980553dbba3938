import { StringDecoder } from 'node:string_decoder';
import type { Chunks } from './types';

/**
 * Decodes chunks as UTF-8 text, without a BOM (invalid UTF-8 becomes U+FFFD in its record only). Fails on a
 * NUL byte (a binary or UTF-16 file) unless `keepNul`: the line readers keep it and reject only its record.
 */
export async function* textOf(chunks: Chunks, keepNul = false): AsyncGenerator<string> {
  // StringDecoder, not TextDecoder: the same text (U+FFFD for the same invalid bytes, characters split across
  // chunks joined; checked on 200,000 random splits of invalid sequences) at ~4x the speed. It keeps a BOM: removed below.
  const decoder = new StringDecoder('utf8');
  let first = true;
  for await (const chunk of chunks) {
    let text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    if (!keepNul && text.includes('\u0000')) throw new NotTextError();
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

export class NotTextError extends Error {
  constructor() { super('the file is not UTF-8 text (it has NUL bytes: binary, or UTF-16)'); }
}

export interface Line { readonly number: number; readonly text: string | null; readonly length: number }

/**
 * Splits text into lines (LF or CRLF), numbering from 1. A line longer than maxLength is not kept:
 * it comes back with text null and its length, so the caller can reject it and go on.
 */
export async function* linesOf(texts: AsyncIterable<string>, maxLength: number): AsyncGenerator<Line> {
  let pending = '';
  let overflow = 0; // characters of the current line already dropped
  let number = 1;
  for await (const text of texts) {
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      const piece = text.slice(start, nl);
      if (overflow > 0 || pending.length + piece.length > maxLength) {
        yield { number, text: null, length: overflow + pending.length + piece.length };
      } else {
        const line = pending + piece;
        yield { number, text: line.endsWith('\r') ? line.slice(0, -1) : line, length: line.length };
      }
      pending = '';
      overflow = 0;
      number++;
      start = nl + 1;
    }
    const tail = text.slice(start);
    if (overflow > 0 || pending.length + tail.length > maxLength) {
      overflow += pending.length + tail.length;
      pending = '';
    } else {
      pending += tail;
    }
  }
  if (overflow > 0) yield { number, text: null, length: overflow };
  else if (pending.length > 0) yield { number, text: pending.endsWith('\r') ? pending.slice(0, -1) : pending, length: pending.length };
}

/** Line and column of a character offset, for JSON parse errors. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) { line++; lineStart = i + 1; }
  return { line, column: offset - lineStart + 1 };
}

/** Where JSON.parse failed: V8 says "at position N", or quotes a snippet around the bad token. */
export function failureOffset(text: string, message: string): number | undefined {
  const at = /position (\d+)/.exec(message);
  if (at) return Number(at[1]);
  const quoted = /^Unexpected token '(.)', (?:\.\.\.)?"([\s\S]*)"(?:\.\.\.)? is not valid JSON/.exec(message);
  if (!quoted) return undefined;
  const snippet = quoted[2].replace(/^\.\.\.|\.\.\.$/g, '');
  const start = text.indexOf(snippet);
  return start < 0 ? undefined : start + snippet.indexOf(quoted[1]);
}

/** The problem of a line with a NUL byte: binary data, or UTF-16 text. */
export const NUL_MESSAGE = 'has a NUL byte (binary data, or a UTF-16 file): it was not read';

/**
 * CSV records from lines (RFC 4180): a record is one line, or several when a quoted field spans them.
 * A record whose quotes never close within maxLength characters is cut back to its first line (a stray
 * quote), which is yielded alone and reading starts again on the next line: damage stays in its record.
 */
export async function* csvRecordsOf(lines: AsyncIterable<Line>, maxLength: number): AsyncGenerator<{ readonly number: number; readonly text: string | null; readonly length: number; readonly strayQuote?: boolean }> {
  let open: Line[] = [];
  let size = 0;
  const unbalanced = (text: string, inQuotes: boolean): boolean => {
    let q = inQuotes;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 34) q = !q;
    return q;
  };
  let quoted = false;
  const queue: Line[] = [];
  const it = lines[Symbol.asyncIterator]();
  for (;;) {
    let line: Line;
    if (queue.length > 0) line = queue.shift()!;
    else { const next = await it.next(); if (next.done) break; line = next.value; }
    if (line.text === null) {
      if (open.length > 0) { yield { number: open[0].number, text: open[0].text, length: open[0].length, strayQuote: true }; queue.unshift(...open.slice(1), line); open = []; size = 0; quoted = false; continue; }
      yield line;
      continue;
    }
    if (open.length === 0) {
      quoted = unbalanced(line.text, false);
      if (!quoted) { yield line; continue; }
      open = [line]; size = line.text.length;
      continue;
    }
    open.push(line);
    size += line.text.length + 1;
    quoted = unbalanced(line.text, quoted);
    if (!quoted) { yield { number: open[0].number, text: open.map((l) => l.text).join('\n'), length: size }; open = []; size = 0; continue; }
    if (size > maxLength) {
      yield { number: open[0].number, text: open[0].text, length: open[0].length, strayQuote: true };
      queue.unshift(...open.slice(1)); open = []; size = 0; quoted = false;
    }
  }
  if (open.length > 0) {
    yield { number: open[0].number, text: open[0].text, length: open[0].length, strayQuote: true };
    // The rest re-read as ordinary lines (their own quotes may balance).
    yield* csvRecordsOf((async function* () { yield* open.slice(1); })(), maxLength);
  }
}

/** Splits one CSV record into trimmed fields (RFC 4180 quotes, "" inside quotes; a quote inside an unquoted field is kept). */
export function csvFields(text: string): string[] {
  const fields: string[] = [];
  let i = 0;
  const n = text.length;
  for (;;) {
    while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
    let value = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) { value += text.slice(i); i = n; break; }
        value += text.slice(i, q);
        if (text[q + 1] === '"') { value += '"'; i = q + 2; continue; }
        i = q + 1;
        break;
      }
      const comma = text.indexOf(',', i);
      value += text.slice(i, comma < 0 ? n : comma).trim();
      i = comma < 0 ? n : comma;
    } else {
      const comma = text.indexOf(',', i);
      value = text.slice(i, comma < 0 ? n : comma);
      i = comma < 0 ? n : comma;
    }
    fields.push(value.trim());
    if (i >= n) break;
    i++; // the comma
  }
  return fields;
}
