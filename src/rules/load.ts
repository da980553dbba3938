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

/**
 * Loads a rule set from a folder: rules in <category>/<name>.json, data in data/, presets in presets/,
 * the version in ruleset.json. The only function of the library that reads files.
 */
export async function loadRuleSet(dir?: string): Promise<E.Either<readonly RuleSetProblem[], RuleSet>> {
  const root = path.resolve(dir ?? await shippedRulesDir());
  try {
    await fs.access(root);
  } catch {
    return E.left([{ file: root, path: '$', message: `no rule folder at ${root}` }]);
  }
  const all = await jsonFiles(root);
  const inFolder = (name: string) => (f: string) => path.relative(root, f).split(path.sep)[0] === name;
  const problems: RuleSetProblem[] = [];
  const manifest = path.join(root, 'ruleset.json');
  const rules = await readNamed(root, all.filter((f) => !inFolder('data')(f) && !inFolder('presets')(f) && f !== manifest), problems);
  const data = await readNamed(root, all.filter(inFolder('data')), problems);
  const presets = await readNamed(root, all.filter(inFolder('presets')), problems);
  const meta = await readNamed(root, all.filter((f) => f === manifest), problems);
  if (problems.length > 0) return E.left(problems);
  const manifest0 = meta[0]?.json as { version?: unknown; categories?: unknown } | undefined;
  const version = manifest0?.version;
  const categories = typeof manifest0?.categories === 'object' && manifest0.categories !== null ? manifest0.categories as Record<string, string> : undefined;
  return buildRuleSet({ version: typeof version === 'string' ? version : undefined, rules, data, presets, ...(categories ? { categories } : {}) });
}

/** Builds a rule set from parsed JSON (no file access): { version?, rules: [...], data: [...], presets?: [...] }. */
export function ruleSetFromJson(json: RuleSetJson): E.Either<readonly RuleSetProblem[], RuleSet> {
  const named = (kind: string, list: readonly unknown[] = []) => list.map((value, i) => ({ file: `${kind}[${i}]`, json: value }));
  return buildRuleSet({
    version: json.version, rules: named('rules', json.rules), data: named('data', json.data), presets: named('presets', json.presets),
    ...(json.categories ? { categories: json.categories } : {}),
  });
}
