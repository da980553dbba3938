import { TextDecoder } from 'node:util';
import type { Chunks } from '../types';

/**
 * Decodes an X12 file's bytes as text. Unlike the line readers' textOf, it accepts UTF-16 (with or
 * without a byte-order mark: an ISA starts with 'I', so a NUL as the first or second byte tells the
 * byte order) and never fails: a NUL or an undecodable byte is just a character the tokenizer skips.
 */
export async function* x12TextOf(chunks: Chunks): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  let head: Uint8Array = new Uint8Array(0);
  let firstText = true;
  for await (const chunk of chunks) {
    if (typeof chunk === 'string') {
      const text = firstText && chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk;
      if (chunk.length > 0) firstText = false;
      if (text) yield text;
      continue;
    }
    let bytes = chunk;
    if (!decoder) {
      // Wait for four bytes before choosing the encoding (a stream may hand over one byte at a time).
      head = concat(head, bytes);
      if (head.length < 4) continue;
      decoder = new TextDecoder(encodingOf(head));
      bytes = head;
      head = new Uint8Array(0);
    }
    const text = decoder.decode(bytes, { stream: true });
    if (text) yield text;
  }
  if (!decoder && head.length > 0) decoder = new TextDecoder(encodingOf(head));
  if (decoder) {
    const rest = decoder.decode(head.length > 0 ? head : undefined);
    if (rest) yield rest;
  }
}

function encodingOf(b: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  if (b.length >= 2 && b[0] !== 0 && b[1] === 0) return 'utf-16le';
  if (b.length >= 2 && b[0] === 0 && b[1] !== 0) return 'utf-16be';
  return 'utf-8'; // TextDecoder drops a UTF-8 BOM itself
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
