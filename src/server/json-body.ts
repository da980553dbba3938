import type { DecodeProblem } from '../claim/decode';
import { failureOffset, positionOf } from '../input/text';

// Parsing an HTTP body into JSON with problems a client can act on: where the JSON broke, as a JSONPath
// to the value being read (`$.lines[0].units`) plus line and column, not just "Unexpected token".

export type ParsedBody = { readonly ok: true; readonly json: unknown } | { readonly ok: false; readonly problems: readonly DecodeProblem[] };

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function parseJsonBody(bytes: Uint8Array): ParsedBody {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return fail('$', null, 'UTF-8 text', 'the body is not UTF-8 text');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a byte order mark is not JSON, but harmless
  if (text.trim() === '') return fail('$', null, 'a claim object or an array of claims', 'the body is empty: expected a claim object or an array of claims');
  try {
    return { ok: true, json: JSON.parse(text) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = failureOffset(text, message) ?? text.length;
    const { line, column } = positionOf(text, offset);
    return fail(pathAt(text, offset), text.slice(Math.max(0, offset - 10), offset + 10), 'valid JSON',
      `malformed JSON: ${tidy(message)} (line ${line}, column ${column})`);
  }
}

/** V8's message without the echo of the body (it is in `value`) and without its own position suffix. */
const tidy = (message: string): string => message
  .replace(/, (?:\.\.\.)?"[\s\S]*"(?:\.\.\.)? is not valid JSON$/, '')
  .replace(/ \(line \d+ column \d+\)$/, '')
  .replace(/ in JSON at position \d+$/, '');

function fail(path: string, value: unknown, expected: string, message: string): ParsedBody {
  return { ok: false, problems: [{ path, value, expected, message }] };
}

interface Frame { readonly array: boolean; key: string | undefined; index: number; afterColon: boolean }

/**
 * The JSONPath of the value being read at `offset`: a small scan of the containers, keys and commas
 * before it. Between two members of an object (a value just ended) the path is the object itself.
 */
export function pathAt(text: string, offset: number): string {
  const stack: Frame[] = [];
  let lastString: string | undefined;
  const valueEnded = () => { const top = stack[stack.length - 1]; if (top && !top.array) { top.key = undefined; top.afterColon = false; } };
  for (let i = 0; i < offset && i < text.length; i++) {
    const ch = text[i];
    const top = stack[stack.length - 1];
    if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (j >= offset) break; // the failure is inside this string
      if (top && !top.array && top.afterColon) valueEnded();
      else { try { lastString = JSON.parse(text.slice(i, j + 1)) as string; } catch { lastString = text.slice(i + 1, j); } }
      i = j;
      continue;
    }
    if (ch === '{' || ch === '[') stack.push({ array: ch === '[', key: undefined, index: 0, afterColon: false });
    else if (ch === '}' || ch === ']') { stack.pop(); valueEnded(); }
    else if (ch === ':' && top && !top.array) { top.key = lastString; top.afterColon = true; }
    else if (ch === ',' && top) { if (top.array) top.index++; else { top.key = undefined; top.afterColon = false; } }
  }
  let path = '$';
  for (const frame of stack) {
    if (frame.array) path += `[${frame.index}]`;
    else if (frame.key === undefined) break; // between members: the object itself is where it broke
    else path += /^[A-Za-z_$][\w$]*$/.test(frame.key) ? `.${frame.key}` : `[${JSON.stringify(frame.key)}]`;
  }
  return path;
}
