import type { DataFile } from '../rules/formats';
import { type CompiledTerms, compileTerms, type PhraseTrie, buildTrie, phraseKeys } from './terms';

// The chart-text lexicon, compiled once when a rule set is loaded (DESIGN §5): the words live in data files
// (rules/data/spine-region-lexicon.json, chart-condition-terms.json, chart-negation-triggers.json); this
// file holds only the machinery. Nothing here is built per claim.

/** ConText modifier categories (Harkema et al. 2009): negation, uncertainty, historical, experiencer (family), hypothetical; plus congenital. */
export type ContextCategory = 'neg' | 'unc' | 'hist' | 'fam' | 'hyp' | 'cong';
export type TriggerDirection = 'pre' | 'post' | 'bi';
export type TriggerType = `${TriggerDirection}-${ContextCategory}` | 'pseudo' | 'term' | `term-${ContextCategory}`;

const CATEGORIES: readonly ContextCategory[] = ['neg', 'unc', 'hist', 'fam', 'hyp', 'cong'];
const TRIGGER_TYPES: ReadonlySet<string> = new Set<string>([
  'pseudo', 'term',
  ...CATEGORIES.flatMap((c) => [`pre-${c}`, `post-${c}`, `bi-${c}`, `term-${c}`]),
]);

/**
 * A trigger's scope, in words, when its row gives none. NegEx (Chapman et al. 2001) looks 5 terms past a
 * trigger; ConText (Harkema et al. 2009) to the end of the sentence. Six words keeps "no evidence of pars
 * defect or listhesis" together without reaching across a long clinical sentence.
 */
export const DEFAULT_WINDOW = 6;

export interface Trigger {
  readonly text: string;
  readonly type: TriggerType;
  /** pre: the terms after it; post: before it; bi: both; term: ends the scope of its category (all when none). */
  readonly direction: TriggerDirection | 'pseudo' | 'term';
  readonly category?: ContextCategory;
  /** Words that may stand between it and the term. */
  readonly window: number;
  /**
   * Structured form ("Listhesis: none", "Myelopathy — absent"): a post trigger that applies only when it ends
   * its clause (punctuation or sentence end follows) and stands right after the term or after a colon, dash or "=".
   */
  readonly structured: boolean;
}

export interface RegionInfo { readonly region: string; readonly cervicalLevel: string; readonly specific: boolean }

export interface ChartLexicon {
  /** Region character → ICD-10-CM region title words ("cervicothoracic region"). */
  readonly regionNames: ReadonlyMap<string, string>;
  /** "C7-T1" → region 3; single vertebrae and roots ("C8") too. */
  readonly levels: ReadonlyMap<string, RegionInfo>;
  readonly vertebrae: ReadonlyMap<string, RegionInfo>;
  /** Region words ("cervicothoracic junction"), by their token keys joined with a space; `specific` false for general words. */
  readonly phrases: ReadonlyMap<string, RegionInfo>;
  readonly phraseTrie: PhraseTrie;
  /** Words after a level that make it an MRI sequence, not a level ("T2 signal", "T1-weighted"). */
  readonly ignoreAfter: ReadonlySet<string>;
  /** The spine condition words (chart-condition-terms): what readChart reports. */
  readonly conditionTerms: CompiledTerms;
  readonly triggers: ReadonlyMap<string, Trigger>;
  readonly triggerTrie: PhraseTrie;
  /** The largest trigger window: how far the reader looks around a term. */
  readonly maxWindow: number;
  /** Words whose following period does not end a sentence ("vs."): lexicon phrases that end with one. */
  readonly abbreviations: ReadonlySet<string>;
  readonly sources: readonly string[];
}

function rows(file: DataFile | undefined): readonly string[][] {
  return (file?.rows ?? []) as string[][];
}

/** Compiles the chart lexicon from its data files; undefined when none of them is loaded. */
export function compileChartLexicon(data: ReadonlyMap<string, DataFile>): { lexicon: ChartLexicon | undefined; problems: readonly string[] } {
  const regionFile = data.get('spine-region-lexicon');
  const termFile = data.get('chart-condition-terms');
  const triggerFile = data.get('chart-negation-triggers');
  if (!regionFile && !termFile && !triggerFile) return { lexicon: undefined, problems: [] };
  const problems: string[] = [];
  const regionNames = new Map<string, string>();
  const levels = new Map<string, RegionInfo>();
  const vertebrae = new Map<string, RegionInfo>();
  const phrases = new Map<string, RegionInfo>();
  const ignoreAfter = new Set<string>();
  for (const [kind, text, region, cervicalLevel] of rows(regionFile)) {
    const info = { region, cervicalLevel, specific: kind !== 'general' };
    if (kind === 'region') regionNames.set(text, region);
    else if (kind === 'level') levels.set(text.toUpperCase(), info);
    else if (kind === 'vertebra') vertebrae.set(text.toUpperCase(), info);
    else if (kind === 'phrase' || kind === 'general') phrases.set(phraseKeys(text).join(' '), info);
    else if (kind === 'ignore-after') for (const k of phraseKeys(text)) ignoreAfter.add(k);
    else problems.push(`spine-region-lexicon: unknown kind "${kind}"`);
  }
  for (const [, info] of [...levels, ...vertebrae, ...phrases]) {
    if (!regionNames.has(info.region)) problems.push(`spine-region-lexicon: region "${info.region}" has no "region" row`);
  }
  const phraseTrie = buildTrie([...phrases.keys()].map((k) => [k, k] as const)).trie;

  const conditionTerms = compileTerms('chart-condition-terms', rows(termFile), { congenital: true });
  problems.push(...conditionTerms.problems);

  const triggers = new Map<string, Trigger>();
  for (const [text, type, scope = ''] of rows(triggerFile)) {
    if (!TRIGGER_TYPES.has(type)) { problems.push(`chart-negation-triggers: unknown type "${type}" for "${text}"`); continue; }
    const structured = scope === 'structured';
    const window = scope === '' || structured ? DEFAULT_WINDOW : Number(scope);
    if (!Number.isInteger(window) || window < 0 || window > 20) { problems.push(`chart-negation-triggers: scope "${scope}" of "${text}" is not "", "structured" or a word count 0-20`); continue; }
    if (structured && !type.startsWith('post-')) problems.push(`chart-negation-triggers: "${text}": only post triggers can be structured`);
    const [direction, category] = (type === 'pseudo' || type === 'term' ? [type, undefined] : type.split('-')) as [Trigger['direction'], ContextCategory | undefined];
    const key = phraseKeys(text).join(' ');
    if (triggers.has(key)) { problems.push(`chart-negation-triggers: "${text}" is listed twice`); continue; }
    triggers.set(key, { text, type: type as TriggerType, direction, ...(category ? { category } : {}), window, structured });
  }
  const triggerTrie = buildTrie([...triggers.keys()].map((k) => [k, k] as const)).trie;
  const maxWindow = Math.max(DEFAULT_WINDOW, ...[...triggers.values()].map((t) => t.window));

  const abbreviations = new Set<string>();
  for (const phrase of [...rows(termFile).map((r) => r[0]), ...rows(triggerFile).map((r) => r[0])]) {
    const keys = typeof phrase === 'string' ? phraseKeys(phrase) : [];
    if (keys.length >= 2 && keys[keys.length - 1] === '.') abbreviations.add(keys[keys.length - 2]);
  }
  return {
    lexicon: {
      regionNames, levels, vertebrae, phrases, phraseTrie, ignoreAfter,
      conditionTerms: conditionTerms.terms, triggers, triggerTrie, maxWindow, abbreviations,
      sources: [regionFile, termFile, triggerFile].filter((f): f is DataFile => f !== undefined).map((f) => f.id),
    },
    problems,
  };
}
