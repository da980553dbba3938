import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as E from 'fp-ts/Either';
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

async function readNamed(root: string, files: readonly string[], problems: RuleSetProblem[]): Promise<NamedJson[]> {
  // One file at a time: the code sets are ~9 MB each, and parsing them together triples the memory peak.
  const read: NamedJson[] = [];
  for (const file of files) {
    const name = path.relative(root, file);
    try {
      read.push({ file: name, json: JSON.parse(await fs.readFile(file, 'utf8')) as unknown });
    } catch (error) {
      problems.push({ file: name, path: '$', message: error instanceof Error ? error.message : String(error) });
    }
  }
  return read;
}

interface FolderFiles { readonly rules: NamedJson[]; readonly data: NamedJson[]; readonly presets: NamedJson[]; readonly manifest?: { version?: unknown; categories?: unknown; extends?: unknown } }

async function readFolder(root: string, problems: RuleSetProblem[], label: (file: string) => string): Promise<FolderFiles | undefined> {
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
  const data = await named(all.filter(inFolder('data')));
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
export async function loadRuleSet(dir?: string | readonly string[]): Promise<E.Either<readonly RuleSetProblem[], RuleSet>> {
  const given = dir === undefined ? [await shippedRulesDir()] : typeof dir === 'string' ? [dir] : dir;
  // A folder whose ruleset.json says "extends": "claimscrub" adds to the shipped rules instead of replacing them.
  const shipped = path.resolve(await shippedRulesDir());
  const extendsShipped = await Promise.all(given.map(async (d) => {
    const manifest = await fs.readFile(path.join(d, 'ruleset.json'), 'utf8').then((t) => JSON.parse(t) as { extends?: unknown }, () => undefined);
    return manifest?.extends === 'claimscrub';
  }));
  const roots = extendsShipped.some(Boolean) && !given.some((d) => path.resolve(d) === shipped) ? [shipped, ...given] : given;
  const problems: RuleSetProblem[] = [];
  const folders: FolderFiles[] = [];
  for (const [i, root] of roots.map((r) => path.resolve(r)).entries()) {
    // With several folders, each file is named by its folder too, so a problem says which folder's file it is.
    const label = roots.length > 1 && i > 0 ? (file: string) => path.join(path.basename(root), file) : (file: string) => file;
    const folder = await readFolder(root, problems, label);
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

/** Builds a rule set from parsed JSON (no file access): { version?, rules: [...], data: [...], presets?: [...] }. */
export function ruleSetFromJson(json: RuleSetJson): E.Either<readonly RuleSetProblem[], RuleSet> {
  const named = (kind: string, list: readonly unknown[] = []) => list.map((value, i) => ({ file: `${kind}[${i}]`, json: value }));
  return buildRuleSet({
    version: json.version, rules: named('rules', json.rules), data: named('data', json.data), presets: named('presets', json.presets),
    ...(json.categories ? { categories: json.categories } : {}),
  });
}
