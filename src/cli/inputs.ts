import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatOf, type InputFormat } from '../input';
import type { Chunks } from '../input/types';

// What `check` reads: files, folders (every readable claim file under them), quoted globs (the shell did
// not expand them: `'claims/**/*.837'`), and standard input, whose format is sniffed from its first bytes.

const READABLE = /\.(json|ndjson|jsonl|csv|x12|837|edi|txt)$/i;
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

/** A glob (`*`, `?`, `**`, `[abc]`) as a regular expression over '/'-separated relative paths. */
export function globRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') { re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*'; i += glob[i + 2] === '/' ? 2 : 1; }
    else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') { const end = glob.indexOf(']', i); if (end > i) { re += glob.slice(i, end + 1); i = end; } else re += '\\['; }
    else re += /[\\^$.+(){}|]/.test(c) ? `\\${c}` : c;
  }
  return new RegExp(`^${re}$`);
}

export const isGlob = (arg: string): boolean => /[*?[]/.test(arg);

function walk(dir: string, out: string[]): void {
  let entries: fs.Dirent[];
  try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return; }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) { if (!SKIPPED_DIRS.has(e.name) && !e.name.startsWith('.')) walk(full, out); }
    else if (e.isFile()) out.push(full);
  }
}

/**
 * The files an argument names, relative names kept as the user wrote them: a file is itself; a folder is
 * every claim file under it (by extension, sorted); a glob is every file that matches, sorted. An
 * argument that names nothing gives [] (the caller says so).
 */
export function expandArgument(arg: string, cwd: string): string[] {
  if (isGlob(arg) && !fs.existsSync(path.resolve(cwd, arg))) {
    const parts = arg.split(/[\\/]/);
    const firstGlob = parts.findIndex(isGlob);
    const base = parts.slice(0, firstGlob).join('/') || (path.isAbsolute(arg) ? '/' : '.');
    const pattern = globRegExp(parts.slice(firstGlob).join('/'));
    const found: string[] = [];
    walk(path.resolve(cwd, base), found);
    const root = path.resolve(cwd, base);
    return found.filter((f) => pattern.test(path.relative(root, f).split(path.sep).join('/')))
      .map((f) => (base === '.' ? path.relative(root, f) : path.join(base, path.relative(root, f))));
  }
  const full = path.resolve(cwd, arg);
  let stat: fs.Stats;
  try { stat = fs.statSync(full); } catch { return [arg]; } // the caller names the error
  if (!stat.isDirectory()) return [arg];
  const found: string[] = [];
  walk(full, found);
  return found.filter((f) => READABLE.test(f)).map((f) => path.join(arg, path.relative(full, f)));
}

/** The format of a text from its first non-blank characters: `{`/`[` JSON (or NDJSON), `ISA`/`ST*` X12, else CSV or NDJSON. */
export function sniffFormat(head: string): InputFormat {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (/^(ISA|ST\*|GS\*)/.test(text)) return 'x12';
  if (text.startsWith('[')) return 'json';
  if (text.startsWith('{')) {
    // One object per line is NDJSON; an object that spans lines (pretty-printed) is one JSON document.
    const firstLine = text.split(/\r?\n/, 1)[0].trim();
    try { JSON.parse(firstLine); return 'ndjson'; } catch { return 'json'; }
  }
  // A header line of names with commas: CSV.
  if (/^[\w" ]+(,[\w" ]*)+\r?\n/.test(text)) return 'csv';
  return 'ndjson';
}

/**
 * Reads the first chunks of a stream until it can tell the format (up to 64 KiB, or the end), then
 * gives the format and chunks that replay what was read, followed by the rest.
 */
export async function sniffChunks(source: AsyncIterable<Uint8Array | string>): Promise<{ format: InputFormat; chunks: Chunks }> {
  const iterator = source[Symbol.asyncIterator]();
  const seen: (Uint8Array | string)[] = [];
  let head = '';
  let ended = false;
  while (head.length < 65536) {
    const next = await iterator.next();
    if (next.done) { ended = true; break; }
    seen.push(next.value);
    head += typeof next.value === 'string' ? next.value : Buffer.from(next.value).toString('utf8');
    const trimmed = head.trimStart();
    // Enough to tell: X12 or an array from the first bytes; an object once its first line is complete.
    if (/^(ISA|ST\*|GS\*|\[)/.test(trimmed.replace(/^\uFEFF/, '')) || (trimmed.length > 0 && trimmed.includes('\n'))) break;
  }
  async function* replay(): AsyncGenerator<Uint8Array | string> {
    yield* seen;
    if (ended) return;
    for (;;) { const next = await iterator.next(); if (next.done) return; yield next.value; }
  }
  return { format: sniffFormat(head), chunks: replay() };
}

/** The format for a named file: the extension, but a `.txt` (a name that promises nothing) is sniffed. */
export function fileFormat(name: string, head: string): { format: InputFormat | undefined; sniffed: boolean } {
  const byName = formatOf(name);
  if (byName === 'x12' && /\.txt$/i.test(name)) return { format: sniffFormat(head), sniffed: true };
  return { format: byName, sniffed: false };
}

/** The first 4 KiB of a file, for sniffing. */
export function fileHead(full: string): string {
  const fd = fs.openSync(full, 'r');
  try {
    const buffer = Buffer.alloc(4096);
    const n = fs.readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, n).toString('utf8');
  } finally { fs.closeSync(fd); }
}
