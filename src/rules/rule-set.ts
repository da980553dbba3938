import * as t from 'io-ts';
import * as E from 'fp-ts/Either';
import { toProblems } from '../claim/decode';
import { type CodeSet, indexCodeSet, type RandomAccess } from './code-set';
import { attachRowBytes, keyedRows } from './keyed-rows';
import { type CoverageArticle, indexCoverageArticles } from './coverage-articles';
import { drgTableProblems, type DrgTables, indexDrgTables } from './drg-tables';
import { factNameClashes } from './facts';
import { checkRule } from './check-rule';
import { indexValueSet, type ValueSet } from './value-sets';
import { indexTabularOrder } from './tabular-order';
import { type Excludes1Edition, indexExcludes1 } from './facts/excludes1';
import { indexSpineTables, type SpineTables } from './facts/specificity';
import { type ChartLexicon, compileChartLexicon } from '../chart/lexicon';
import { DataFile, Preset, RuleFile } from './formats';
import { attachTableSidecar } from './pair-table';

export interface RetiredCode { readonly status: string; readonly firstBillableFy: number; readonly lastBillableFy: number; readonly title: string }
export interface DenialMapping {
  readonly id: string; readonly scenario: string; readonly group: string; readonly carc: string; readonly rarc: readonly string[];
  readonly source: string; readonly url: string; readonly sourceDate: string; readonly status: string;
}

/** A loaded, decoded and indexed rule set. Immutable; many can live in one process. */
export interface RuleSet {
  readonly version: string;
  readonly rules: readonly RuleFile[];
  readonly data: ReadonlyMap<string, DataFile>;
  readonly codeSets: readonly CodeSet[];                 // ICD-10-CM by fiscal year, in date order
  /** The retired-code history of a code (icd10cm-retired-fy2016-fy<NNNN>), looked up where the file lies. */
  readonly retiredCodes: { get(code: string): RetiredCode | undefined };
  readonly denialMappings: ReadonlyMap<string, DenialMapping>;
  /** Value sets by data id (data files of kind value-set), for the selectors' inValueSet / notInValueSet. */
  readonly valueSets: ReadonlyMap<string, ValueSet>;
  /** Finding categories (id → title) from ruleset.json; a rule's category must be one of them. */
  readonly categories: ReadonlyMap<string, string>;
  readonly presets: ReadonlyMap<string, Preset>;
  /** MS-DRG tables for DRG 551/552 by grouper version, in date order (rules/data/msdrg-<version>-*.json). */
  readonly drgGroupers?: readonly DrgTables[];
  /** Medicare coverage (billing) articles with their procedure scope and covered diagnosis groups. */
  readonly coverageArticles?: readonly CoverageArticle[];
  /** ICD-10-CM Excludes1 notes by fiscal year, in date order (rules/data/icd10cm-excludes1-*.json). */
  readonly excludes1?: readonly Excludes1Edition[];
  /** Chart-text lexicon (spine levels, condition words, negation triggers), compiled once. */
  readonly chartLexicon?: ChartLexicon;
  /** Spine code families and companion-code lists (rules/data/spine-*.json). */
  readonly spine?: SpineTables;
}

/** A problem that stops a rule set from loading: which file, where in it (JSONPath), what. */
export interface RuleSetProblem { readonly file: string; readonly path: string; readonly message: string }

export interface NamedJson {
  readonly file: string;
  readonly json: unknown;
  /** For a data file with `rowsFile`: reads the sidecar (called the first time the rows are needed). */
  readonly sidecar?: () => Buffer;
  /** For a sidecar that is a plain file on disk: positional reads, so a few lookups need not read it whole. */
  readonly openSidecar?: () => RandomAccess;
  /** For a large data file read header-only: reads its rows (called the first time `rows` is read). */
  readonly rows?: () => unknown;
  /** For a large data file read header-only: its bytes, which a file declaring `rowsSortedBy` is searched in. */
  readonly bytes?: () => Buffer;
}

/** Parsed rule, data and preset files, each with the name to use in problems. */
export interface RuleSetSources {
  readonly version?: string;
  readonly rules: readonly NamedJson[];
  readonly data: readonly NamedJson[];
  readonly presets?: readonly NamedJson[];
  /** Categories (id → title); when given, a rule with another category does not load. */
  readonly categories?: Readonly<Record<string, string>>;
}

/** A value computed the first time it is asked for. */
function once<T>(compute: () => T): () => T {
  let value: { readonly v: T } | undefined;
  return () => (value ??= { v: compute() }).v;
}

function decodeAll<A>(codec: t.Decoder<unknown, A>, files: readonly NamedJson[], problems: RuleSetProblem[]): { file: string; value: A }[] {
  const decoded: { file: string; value: A }[] = [];
  for (const { file, json } of files) {
    const result = codec.decode(json);
    if (E.isRight(result)) decoded.push({ file, value: result.right });
    else problems.push(...toProblems(result.left).map((p) => ({ file, path: p.path, message: p.message })));
  }
  return decoded;
}

/** Builds a rule set from parsed files; every problem of every file is gathered before failing. */
export function buildRuleSet(sources: RuleSetSources): E.Either<readonly RuleSetProblem[], RuleSet> {
  const problems: RuleSetProblem[] = [];
  const rules = decodeAll(RuleFile, sources.rules, problems);
  const dataFiles = decodeAll(DataFile, sources.data, problems);
  const presets = decodeAll(Preset, sources.presets ?? [], problems);

  const named = new Map(sources.data.map((d) => [d.file, d]));
  const data = new Map<string, DataFile>();
  const sidecarOf = new Map<string, (() => Buffer) | undefined>();
  const openSidecarOf = new Map<string, (() => RandomAccess) | undefined>();
  for (const { file, value } of dataFiles) {
    sidecarOf.set(value.id, named.get(file)?.sidecar);
    openSidecarOf.set(value.id, named.get(file)?.openSidecar);
    const load = named.get(file)?.rows;
    if (load) {
      // Read, checked and kept on first use; a file whose rows turn out malformed fails then, naming itself.
      const rows = once(() => {
        const loaded = load();
        if (!Array.isArray(loaded) || !loaded.every(Array.isArray)) throw new Error(`${file}: $.rows is not an array of arrays`);
        return loaded as readonly (readonly unknown[])[];
      });
      Object.defineProperty(value, 'rows', { get: rows, enumerable: true, configurable: true });
    }
    const bytes = named.get(file)?.bytes;
    if (value.rowsSortedBy !== undefined && value.rowsSortedBy !== value.columns?.[0]) {
      problems.push({ file, path: '$.rowsSortedBy', message: `rows can be sorted by the first column only ("${value.columns?.[0] ?? 'none'}"), not "${value.rowsSortedBy}"` });
    } else if (value.rowsSortedBy !== undefined && bytes) attachRowBytes(value, once(bytes));
    if (data.has(value.id)) problems.push({ file, path: '$.id', message: `data id "${value.id}" is used by another data file` });
    data.set(value.id, value);
  }
  const codeSets: CodeSet[] = [];
  for (const file of [...data.values()].filter((d) => d.kind === 'code-set').sort((a, b) => a.effective.from.localeCompare(b.effective.from))) {
    if (file.rowsFile && !sidecarOf.get(file.id)) problems.push({ file: file.id, path: '$.rowsFile', message: `rows file "${file.rowsFile}" is not readable here (load the folder with loadRuleSet, or give the rows inline)` });
    codeSets.push(indexCodeSet(file, sidecarOf.get(file.id), openSidecarOf.get(file.id)));
    data.set(file.id, { ...file, rows: [] }); // lookups go through the code set, not the data file's rows
  }
  for (const file of [...data.values()].filter((d) => d.kind === 'table' && d.rowsFile)) {
    const load = sidecarOf.get(file.id);
    if (load) attachTableSidecar(file, load);
    else problems.push({ file: file.id, path: '$.rowsFile', message: `rows file "${file.rowsFile}" is not readable here (load the folder with loadRuleSet, or give it in sidecars)` });
  }
  const tabularOrder = indexTabularOrder(data.get('icd10cm-tabular-order'));
  const valueSets = new Map<string, ValueSet>();
  for (const file of [...data.values()].filter((d) => d.kind === 'value-set')) {
    const { valueSet, problems: found } = indexValueSet(file, tabularOrder);
    valueSets.set(file.id, valueSet);
    for (const message of found) problems.push({ file: 'data', path: '$.rows', message });
  }
  for (const name of factNameClashes()) problems.push({ file: 'src', path: '$', message: `two facts are named "${name}"` });
  const categories = new Map(Object.entries(sources.categories ?? {}));
  // The newest retired-code history (icd10cm-retired-fy2016-fy<NNNN>): next year's import replaces the id.
  const retired = [...data.values()].filter((d) => d.id.startsWith('icd10cm-retired-'))
    .sort((a, b) => a.effective.from.localeCompare(b.effective.from) || (a.effective.to ?? '').localeCompare(b.effective.to ?? '')).pop();
  const retiredCodes = {
    get(code: string): RetiredCode | undefined {
      const row = retired ? keyedRows(retired).at(code)[0] as [string, string, number, number, string] | undefined : undefined;
      return row && { status: row[1], firstBillableFy: row[2], lastBillableFy: row[3], title: row[4] };
    },
  };
  const denialMappings = new Map<string, DenialMapping>();
  for (const [id, scenario, group, carc, rarc, source, url, sourceDate, status] of (data.get('x12-denial-mappings')?.rows ?? []) as string[][]) {
    denialMappings.set(id, { id, scenario, group, carc, rarc: rarc ? rarc.split(';') : [], source, url, sourceDate, status });
  }

  // The MS-DRG and Excludes1 indexes are built the first time a claim needs them (an inpatient claim, a
  // claim with two diagnoses): a one-claim check pays only for what it uses. Their problems are checked now.
  for (const message of drgTableProblems(data)) problems.push({ file: 'data', path: '$', message });
  for (const file of [...data.values()].filter((d) => d.id.startsWith('icd10cm-excludes1-') && d.fallback && !data.has(d.fallback))) {
    problems.push({ file: 'data', path: '$.fallback', message: `${file.id}: fallback "${file.fallback}" is not loaded` });
  }
  const drgGroupers = once(() => indexDrgTables(data).tables);
  const excludes1 = once(() => indexExcludes1(data, tabularOrder).editions);
  const chart = compileChartLexicon(data);
  const spine = indexSpineTables(data);
  for (const message of [...chart.problems, ...spine.problems]) problems.push({ file: 'data', path: '$.rows', message });

  const ruleIds = new Set<string>();
  for (const { file, value: rule } of rules) {
    if (ruleIds.has(rule.id)) problems.push({ file, path: '$.id', message: `rule id "${rule.id}" is used by another rule` });
    ruleIds.add(rule.id);
    if (rule.meta.effective.to && rule.meta.effective.to < rule.meta.effective.from) {
      problems.push({ file, path: '$.meta.effective', message: 'effective.to is before effective.from' });
    }
    if (categories.size > 0 && !categories.has(rule.meta.category)) {
      problems.push({ file, path: '$.meta.category', message: `category "${rule.meta.category}" is not declared in ruleset.json (declared: ${[...categories.keys()].join(', ')})` });
    }
    for (const p of checkRule(rule, data)) problems.push({ file, ...p });
    for (const [i, id] of (rule.meta.denial.mappings ?? []).entries()) {
      if (!denialMappings.has(id)) problems.push({ file, path: `$.meta.denial.mappings[${i}]`, message: `no denial mapping "${id}" in x12-denial-mappings` });
    }
  }
  for (const { file, value: preset } of presets) {
    for (const id of Object.keys(preset.rules)) {
      if (!ruleIds.has(id)) problems.push({ file, path: `$.rules[${JSON.stringify(id)}]`, message: `preset names unknown rule "${id}"` });
    }
  }
  if (problems.length > 0) return E.left(problems);
  return E.right({
    version: sources.version ?? 'unversioned',
    rules: rules.map((r) => r.value),
    data, codeSets, retiredCodes, denialMappings, valueSets, categories, coverageArticles: indexCoverageArticles(data),
    get drgGroupers() { return drgGroupers(); },
    get excludes1() { return excludes1(); },
    ...(chart.lexicon ? { chartLexicon: chart.lexicon } : {}), ...(spine.tables ? { spine: spine.tables } : {}),
    presets: new Map(presets.map((p) => [p.value.id, p.value])),
  });
}
