import type { DataFile } from '../rules/formats';

// The chart-text lexicon, compiled once when a rule set is loaded: every regex is built here, never
// per claim (DESIGN §5). The words live in data files (rules/data/spine-region-lexicon.json,
// chart-condition-terms.json, chart-negation-triggers.json); this file holds only the machinery.

export type TriggerType = 'pre-neg' | 'post-neg' | 'bi-neg' | 'pre-unc' | 'post-unc' | 'bi-unc' | 'pseudo' | 'term';
const TRIGGER_TYPES: ReadonlySet<string> = new Set(['pre-neg', 'post-neg', 'bi-neg', 'pre-unc', 'post-unc', 'bi-unc', 'pseudo', 'term']);

export interface RegionInfo { readonly region: string; readonly cervicalLevel: string; readonly specific: boolean }

export interface ChartLexicon {
  /** Region character → ICD-10-CM region title words ("cervicothoracic region"). */
  readonly regionNames: ReadonlyMap<string, string>;
  /** "C7-T1" → region 3; single vertebrae and roots ("C8") too. */
  readonly levels: ReadonlyMap<string, RegionInfo>;
  readonly vertebrae: ReadonlyMap<string, RegionInfo>;
  /** Lower-cased phrase → region ("cervicothoracic junction"); `specific` false for general words. */
  readonly phrases: ReadonlyMap<string, RegionInfo>;
  readonly levelPattern: RegExp;
  readonly phrasePattern: RegExp | undefined;
  /** Lower-cased term → condition ("pars defect" → spondylolysis; "none" = not a mention). */
  readonly terms: ReadonlyMap<string, string>;
  readonly termPattern: RegExp | undefined;
  readonly triggers: ReadonlyMap<string, TriggerType>;
  readonly triggerPattern: RegExp | undefined;
  /** Lexicon words that end with a period ("vs."): that period does not end a sentence. */
  readonly abbreviations: readonly string[];
  readonly sources: readonly string[];
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** One alternation of phrases, longest first (so "pars defects" wins over "pars defect"), whole words only. */
function alternation(phrases: Iterable<string>): RegExp | undefined {
  const list = [...phrases].sort((a, b) => b.length - a.length || a.localeCompare(b));
  if (list.length === 0) return undefined;
  const body = list.map((p) => escape(p).replace(/\\?\s+|-/g, (m) => (m === '-' ? '[-\\u2010-\\u2014 ]?' : '\\s+'))).join('|');
  return new RegExp(`(?<![A-Za-z0-9])(?:${body})(?![A-Za-z0-9])`, 'gi');
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
  const ignoreAfter: string[] = [];
  for (const [kind, text, region, cervicalLevel] of rows(regionFile)) {
    const info = { region, cervicalLevel, specific: kind !== 'general' };
    if (kind === 'region') regionNames.set(text, region);
    else if (kind === 'level') levels.set(text.toUpperCase(), info);
    else if (kind === 'vertebra') vertebrae.set(text.toUpperCase(), info);
    else if (kind === 'phrase' || kind === 'general') phrases.set(text.toLowerCase(), info);
    else if (kind === 'ignore-after') ignoreAfter.push(text);
    else problems.push(`spine-region-lexicon: unknown kind "${kind}"`);
  }
  for (const [, info] of [...levels, ...vertebrae, ...phrases]) {
    if (!regionNames.has(info.region)) problems.push(`spine-region-lexicon: region "${info.region}" has no "region" row`);
  }
  const terms = new Map<string, string>(rows(termFile).map(([term, condition]) => [term.toLowerCase(), condition]));
  const triggers = new Map<string, TriggerType>();
  for (const [trigger, type] of rows(triggerFile)) {
    if (TRIGGER_TYPES.has(type)) triggers.set(trigger.toLowerCase(), type as TriggerType);
    else problems.push(`chart-negation-triggers: unknown type "${type}" for "${trigger}"`);
  }
  // Spine level syntax: C7-T1, C7–T1, C7/T1, "C7 on T1", "C7 to T1", L4-5; a level followed by an MRI
  // word ("T2 signal", "T1-weighted") is not a level.
  const ignore = ignoreAfter.length > 0 ? `(?!\\s*(?:${ignoreAfter.map(escape).join('|')}))` : '';
  const levelPattern = new RegExp(
    `(?<![A-Za-z0-9])([CTLS])(1[0-2]|[0-9])(?:\\s*(?:[-\\u2010-\\u2014/]|\\s(?:on|to|through)\\s)\\s*([CTLS])?(1[0-2]|[0-9]))?(?![A-Za-z0-9])${ignore}`,
    'gi',
  );
  return {
    lexicon: {
      regionNames, levels, vertebrae, phrases, levelPattern,
      phrasePattern: alternation(phrases.keys()),
      terms, termPattern: alternation(terms.keys()),
      triggers, triggerPattern: alternation(triggers.keys()),
      abbreviations: [...terms.keys(), ...triggers.keys()].filter((w) => w.endsWith('.')),
      sources: [regionFile, termFile, triggerFile].filter((f): f is DataFile => f !== undefined).map((f) => f.id),
    },
    problems,
  };
}
