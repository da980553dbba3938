import type { Chunks } from './types';

/** Decodes chunks as UTF-8 text, without a BOM; fails on a NUL byte (a binary or UTF-16 file). */
export async function* textOf(chunks: Chunks): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let first = true;
  for await (const chunk of chunks) {
    let text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    if (text.includes('\u0000')) throw new NotTextError();
    if (text) yield text;
  }
  const rest = decoder.decode();
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
