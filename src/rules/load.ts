import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as E from 'fp-ts/Either';
import type { RandomAccess } from './code-set';
import type { RuleSetJson } from './formats';
import { buildRuleSet, type NamedJson, type RuleSet, type RuleSetProblem } from './rule-set';

/** The rule set shipped with the package: rules/ at the package root (from src/ under ts-node, or dist/src/). */
export async function shippedRulesDir(): Promise<string> {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'rules');
    if (await fs.access(path.join(candidate, 'ruleset.json')).then(() => true, () => false)) return candidate;
  }
  return path.resolve(__dirname, '..', '..', '..', 'rules');
}

async function jsonFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  const found = await Promise.all(entries.map(async (e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return jsonFiles(full);
    return e.name.endsWith('.json') ? [full] : [];
  }));
  return found.flat().sort();
}

/** Options of loadRuleSet. */
export interface LoadOptions {
  /**
   * Read every sidecar file (the code sets' rows) now, so that scrubbing never touches a file. By default
   * each is read, synchronously and once, when the first claim that needs it is scrubbed: a one-claim
   * check reads one fiscal year, not three. A server preloads.
   */
  readonly preload?: boolean;
  /**
   * Sidecar contents by absolute path, used instead of reading the files: threads that scrub one batch share
   * one copy (views of SharedArrayBuffers from shareSidecars) rather than each reading its own.
   */
  readonly sidecarBytes?: Readonly<Record<string, Uint8Array>>;
}

/** Data files larger than this are read to their `rows` only when something asks for the rows. */
const LAZY_ROWS_BYTES = 48 * 1024;
const ROWS_MARKER = ',\n  "rows": [';

/**
 * The header of a large data file (everything before its rows, as scripts/lib/data-io.ts writes them), read
 * from the file's first bytes; undefined when the file is not laid out that way (then it is read whole).
 */
function readHeader(file: string): unknown | undefined {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(32 * 1024);
    const bytesRead = readSync(fd, buffer, 0, buffer.length, 0);
    const head = buffer.toString('utf8', 0, bytesRead);
    const at = head.indexOf(ROWS_MARKER);
    return at < 0 ? undefined : JSON.parse(`${head.slice(0, at)}\n}`);
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * A data file's JSON: its header only when `lazyRows` and the file is large (its rows are read when first
 * needed), else the whole file. Read synchronously: ~150 small files, each an await on the thread pool,
 * left the thread idle ~30 ms.
 */
function readDataFile(file: string, lazyRows: boolean): { json: unknown; header: boolean } {
  const header = lazyRows && statSync(file).size > LAZY_ROWS_BYTES ? readHeader(file) : undefined;
  return header !== undefined ? { json: header, header: true } : { json: JSON.parse(readFileSync(file, 'utf8')) as unknown, header: false };
}

/** The absolute path of a data file's sidecar (its `rowsFile`, beside it), if it has one. */
function sidecarOf(file: string, json: unknown): string | undefined {
  const rowsFile = (json as { rowsFile?: unknown } | null)?.rowsFile;
  return typeof rowsFile === 'string' ? path.join(path.dirname(file), rowsFile) : undefined;
}

/** A file opened for positional reads (closed by the code set once it reads the file whole). */
function openRandomAccess(file: string): RandomAccess {
  const fd = openSync(file, 'r');
  const size = fstatSync(fd).size;
  return {
    size,
    read(position, length) {
      const buffer = Buffer.allocUnsafe(length);
      const n = readSync(fd, buffer, 0, length, position);
      return n === length ? buffer : buffer.subarray(0, n);
    },
    close() { closeSync(fd); },
  };
}

async function readNamed(root: string, files: readonly string[], problems: RuleSetProblem[], options: LoadOptions = {}, searchInPlace = false): Promise<NamedJson[]> {
  // One file at a time: parsing large data files together multiplies the memory peak.
  const read: NamedJson[] = [];
  for (const file of files) {
    const name = path.relative(root, file);
    try {
      // A large table's rows are read the first time they are needed (an inpatient claim's MS-DRG tables,
      // a claim's Excludes1 notes): a one-claim check reads only what it uses.
      const { json, header } = readDataFile(file, !options.preload);
      const rows = header ? () => (JSON.parse(readFileSync(file, 'utf8')) as { rows: unknown }).rows : undefined;
      // Searched where it lies only in the shipped rules, whose row order a test checks (keyed-rows.test.ts): a
      // file of another folder declaring rowsSortedBy is indexed from its parsed rows, right in any order.
      const fileBytes = header && searchInPlace ? () => readFileSync(file) : undefined;
      // A sidecar is read synchronously, once, when the first claim that needs it is scrubbed.
      const sidecarPath = sidecarOf(file, json);
      // A sidecar named *.gz is gzip-compressed; one in gzip members (`sidecarMembers`) stays packed, and its
      // reader unpacks the member a lookup needs (the NCCI PTP tables: 30 MB of text, 4 MB on disk).
      const packed = (json as { sidecarMembers?: unknown }).sidecarMembers !== undefined;
      const unpack = (bytes: Buffer) => (sidecarPath?.endsWith('.gz') && !packed ? gunzipSync(bytes) : bytes);
      const given = sidecarPath ? options.sidecarBytes?.[sidecarPath] : undefined;
      const preloaded = sidecarPath && given ? unpack(Buffer.from(given.buffer, given.byteOffset, given.byteLength))
        : sidecarPath && options.preload ? unpack(await fs.readFile(sidecarPath)) : undefined;
      const sidecar = sidecarPath ? (preloaded ? () => preloaded : () => unpack(readFileSync(sidecarPath))) : undefined;
      const openSidecar = sidecarPath && !preloaded && !sidecarPath.endsWith('.gz') ? () => openRandomAccess(sidecarPath) : undefined;
      read.push({ file: name, json, ...(sidecar ? { sidecar } : {}), ...(openSidecar ? { openSidecar } : {}), ...(rows ? { rows } : {}), ...(fileBytes ? { bytes: fileBytes } : {}) });
    } catch (error) {
      problems.push({ file: name, path: '$', message: error instanceof Error ? error.message : String(error) });
    }
  }
  return read;
}

interface FolderFiles { readonly rules: NamedJson[]; readonly data: NamedJson[]; readonly presets: NamedJson[]; readonly manifest?: { version?: unknown; categories?: unknown; extends?: unknown } }

async function readFolder(root: string, problems: RuleSetProblem[], label: (file: string) => string, options: LoadOptions): Promise<FolderFiles | undefined> {
  try {
    await fs.access(root);
  } catch {
    problems.push({ file: root, path: '$', message: `no rule folder at ${root}` });
    return undefined;
  }
  const all = await jsonFiles(root);
  const inFolder = (name: string) => (f: string) => path.relative(root, f).split(path.sep)[0] === name;
  const manifest = path.join(root, 'ruleset.json');
  const named = async (files: string[]) => (await readNamed(root, files, problems)).map((n) => ({ ...n, file: label(n.file) }));
  const rules = await named(all.filter((f) => !inFolder('data')(f) && !inFolder('presets')(f) && f !== manifest));
  const shipped = path.resolve(root) === path.resolve(await shippedRulesDir());
  const data = (await readNamed(root, all.filter(inFolder('data')), problems, options, shipped)).map((n) => ({ ...n, file: label(n.file) }));
  const presets = await named(all.filter(inFolder('presets')));
  const meta = await readNamed(root, all.filter((f) => f === manifest), problems);
  return { rules, data, presets, ...(meta[0] ? { manifest: meta[0].json as FolderFiles['manifest'] } : {}) };
}

/**
 * Loads a rule set from a folder: rules in <category>/<name>.json, data in data/, presets in presets/,
 * the version and categories in ruleset.json. Several folders load as one rule set, in order (e.g. the
 * shipped rules, then a user's own folder adding categories, value sets and rules); ids must not clash.
 * The only function of the library that reads files.
 */
export async function loadRuleSet(dir?: string | readonly string[], options: LoadOptions = {}): Promise<E.Either<readonly RuleSetProblem[], RuleSet>> {
  const roots = await rootsOf(dir);
  const problems: RuleSetProblem[] = [];
  const folders: FolderFiles[] = [];
  for (const [i, root] of roots.map((r) => path.resolve(r)).entries()) {
    // With several folders, each file is named by its folder too, so a problem says which folder's file it is.
    const label = roots.length > 1 && i > 0 ? (file: string) => path.join(path.basename(root), file) : (file: string) => file;
    const folder = await readFolder(root, problems, label, options);
    if (folder) folders.push(folder);
  }
  if (problems.length > 0) return E.left(problems);
  const versions = folders.map((f) => f.manifest?.version).filter((v): v is string => typeof v === 'string');
  const categories: Record<string, string> = {};
  for (const f of folders) {
    const declared = f.manifest?.categories;
    if (typeof declared === 'object' && declared !== null) Object.assign(categories, declared);
  }
  return buildRuleSet({
    ...(versions.length > 0 ? { version: versions.join('+') } : {}),
    rules: folders.flatMap((f) => f.rules), data: folders.flatMap((f) => f.data), presets: folders.flatMap((f) => f.presets),
    ...(Object.keys(categories).length > 0 ? { categories } : {}),
  });
}

/** The folders a rule set loads from: the given ones, after the shipped rules when one of them extends them. */
async function rootsOf(dir?: string | readonly string[]): Promise<readonly string[]> {
  const given = dir === undefined ? [await shippedRulesDir()] : typeof dir === 'string' ? [dir] : dir;
  // A folder whose ruleset.json says "extends": "claimscrub" adds to the shipped rules instead of replacing them.
  const shipped = path.resolve(await shippedRulesDir());
  const extendsShipped = await Promise.all(given.map(async (d) => {
    const manifest = await fs.readFile(path.join(d, 'ruleset.json'), 'utf8').then((t) => JSON.parse(t) as { extends?: unknown }, () => undefined);
    return manifest?.extends === 'claimscrub';
  }));
  return extendsShipped.some(Boolean) && !given.some((d) => path.resolve(d) === shipped) ? [shipped, ...given] : given;
}

/**
 * A file read straight into shared memory, or undefined when it cannot be read. (Copying a Buffer into a
 * SharedArrayBuffer's view went byte by byte: 31 MB of sidecars took ~130 ms to copy, ~45 ms to read.)
 */
function readShared(file: string): Uint8Array | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const view = new Uint8Array(new SharedArrayBuffer(fstatSync(fd).size));
    for (let at = 0; at < view.length;) {
      const n = readSync(fd, view, at, view.length - at, at);
      if (n === 0) return undefined; // shorter than its size: changed while read
      at += n;
    }
    return view;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Every sidecar of a rule set's data files, read once into shared memory (for LoadOptions.sidecarBytes): the
 * worker threads of `check --jobs` then hold one copy of the code sets between them, not one each.
 */
export async function shareSidecars(dir?: string | readonly string[]): Promise<Record<string, Uint8Array>> {
  const shared: Record<string, Uint8Array> = {};
  for (const root of await rootsOf(dir)) {
    for (const file of await jsonFiles(path.join(path.resolve(root), 'data'))) {
      const sidecar = sidecarOf(file, readDataFile(file, true).json);
      if (!sidecar) continue;
      const view = readShared(sidecar);
      if (view) shared[sidecar] = view; // else loadRuleSet names the missing file
    }
  }
  return shared;
}

/** Builds a rule set from parsed JSON (no file access): { version?, rules: [...], data: [...], presets?: [...], categories?, sidecars? }. */
export function ruleSetFromJson(json: RuleSetJson): E.Either<readonly RuleSetProblem[], RuleSet> {
  const named = (kind: string, list: readonly unknown[] = []) => list.map((value, i) => ({ file: `${kind}[${i}]`, json: value }));
  // A code set whose rows are in a sidecar takes them from `sidecars` (file name → its text or bytes).
  const sidecar = (value: unknown) => {
    const rowsFile = (value as { rowsFile?: unknown } | null)?.rowsFile;
    const content = typeof rowsFile === 'string' ? json.sidecars?.[rowsFile] : undefined;
    if (content === undefined) return {};
    const raw = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    const packed = (value as { sidecarMembers?: unknown }).sidecarMembers !== undefined;
    const bytes = (rowsFile as string).endsWith('.gz') && !packed ? gunzipSync(raw) : raw;
    return { sidecar: () => bytes };
  };
  return buildRuleSet({
    version: json.version, rules: named('rules', json.rules), presets: named('presets', json.presets),
    data: (json.data ?? []).map((value, i) => ({ file: `data[${i}]`, json: value, ...sidecar(value) })),
    ...(json.categories ? { categories: json.categories } : {}),
  });
}

/** A rule set that did not load: every problem, each with its file and JSONPath. */
export class RuleSetLoadError extends Error {
  constructor(readonly problems: readonly RuleSetProblem[]) {
    super(`the rule set does not load (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `  ${p.file} ${p.path}: ${p.message}`).join('\n')}`);
    this.name = 'RuleSetLoadError';
  }
}

/** loadRuleSet for callers that prefer an exception: the rule set, or a RuleSetLoadError naming every problem. */
export async function loadRuleSetOrThrow(dir?: string | readonly string[], options: LoadOptions = {}): Promise<RuleSet> {
  const loaded = await loadRuleSet(dir, options);
  if (loaded._tag === 'Left') throw new RuleSetLoadError(loaded.left);
  return loaded.right;
}
