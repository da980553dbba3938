import type { ChartLexicon, ContextCategory, RegionInfo, Trigger, TriggerType } from './lexicon';
import { type CompiledTerms, matchPhrases, type PhraseMatch, type WorkCounter } from './terms';
import { segment, type Span, type Token, tokenize } from './tokens';
import { firstNotBelow } from '../rules/search';

export { sentences, type Span } from './tokens';
export type { CompiledTerms, WorkCounter } from './terms';

// Reads chart text into mentions of concepts with their spine region and ConText status (Harkema et al.,
// "ConText: an algorithm for determining negation, experiencer, and temporal status from clinical reports",
// J Biomed Inform 2009; trigger lists after Chapman's NegEx). Linear in the text by construction: the text
// is tokenized once; each phrase list is matched by a trie walk of bounded depth from each token; each term
// looks at most `maxWindow` words (and a bounded number of tokens) to each side for triggers; each
// sentence's regions are summarised once and shared by its terms. No step depends on the sentence length.

/** affirmed: the patient has it now. The others are not documented as a current condition of the patient. */
export type MentionStatus = 'affirmed' | 'negated' | 'uncertain' | 'historical' | 'family' | 'hypothetical';
export const MENTION_STATUSES: readonly MentionStatus[] = ['affirmed', 'negated', 'uncertain', 'historical', 'family', 'hypothetical'];

export interface RegionMention extends Span, RegionInfo {}
export interface TriggerMention extends Span { readonly type: TriggerType }

export interface ConditionMention extends Span {
  /** The concept of the term list ("spondylolysis"); a congenital mention of a condition list is "congenital-<concept>". */
  readonly condition: string;
  readonly status: MentionStatus;
  /** The trigger that decided the status (family, negation, hypothetical, historical or uncertainty, in that order). */
  readonly trigger?: TriggerMention;
  /** Set when a congenital trigger applies to a condition ("congenital spondylolysis"): ICD-10-CM codes these in Q76.-, not M43.-. */
  readonly congenital?: true;
  /** JSONPath of the documentation text the span is in ("$.documentation", "$.documentation[1].text"). */
  readonly path: string;
  readonly sentence: Span;
  /** Region words of the sentence (distinct, at most 16): the specific ones (levels, junctions) when any, else general words. */
  readonly regions: readonly RegionMention[];
  /** The region character: one region, "9" (multiple sites) for several, undefined for none. */
  readonly region?: string;
  /** The M50- level suffix ("22" for C5-C6) when the regions name exactly one cervical level. */
  readonly cervicalLevel?: string;
  /** The exact chart words from the term to its regions, and their span: what a finding quotes. */
  readonly quote: Span;
}

export interface ChartReading {
  readonly documented: boolean;
  readonly mentions: readonly ConditionMention[];
}

export type Documentation = string | readonly { readonly text: string; readonly section?: string }[] | undefined;

/** Status order: the first category that applies decides (a family member's condition is not the patient's, negated or not). */
const PRECEDENCE: readonly [ContextCategory, MentionStatus][] = [['fam', 'family'], ['neg', 'negated'], ['hyp', 'hypothetical'], ['hist', 'historical'], ['unc', 'uncertain']];
const MAX_REGIONS = 16;
const MAX_QUOTE = 200;

interface TriggerHit { readonly first: number; readonly last: number; readonly trigger: Trigger }
interface RegionHit extends RegionMention { readonly sentence: number }
interface SentenceRegions {
  readonly chosen: readonly RegionMention[];
  /** Starts/ends of every chosen-kind hit of the sentence, in text order (for the nearest one). */
  readonly hits: readonly RegionHit[];
  readonly region?: string;
  readonly cervicalLevel?: string;
  readonly minStart: number;
  readonly maxEnd: number;
}

/** One documentation text, tokenized; its ConText analysis (sentences, triggers, regions) is built on first use. */
export interface ChartSection {
  readonly path: string;
  readonly text: string;
  readonly tokens: readonly Token[];
  analysis?: SectionAnalysis;
}
interface SectionAnalysis {
  readonly sentenceOf: Int32Array;
  readonly bounds: readonly [number, number][];
  readonly triggerEndsAt: (TriggerHit | undefined)[];
  readonly triggerStartsAt: (TriggerHit | undefined)[];
  readonly regionsBySentence: Map<number, RegionHit[]>;
  readonly summaries: Map<number, SentenceRegions>;
  readonly sentenceSpans: Map<number, Span>;
}

/** A claim's chart text, tokenized once and shared by every term list read from it (memoize it per claim). */
export interface ChartText {
  readonly documented: boolean;
  readonly sections: readonly ChartSection[];
}

/** Whether documentation carries any text (837 claims never do); cheap: no reading. */
export function hasChartText(documentation: Documentation): boolean {
  return typeof documentation === 'string' ? documentation.trim().length > 0 : (documentation ?? []).some((s) => s.text.trim().length > 0);
}

/** Tokenizes the claim's documentation (a string or sections). Linear; nothing else is computed until a term list is read. */
export function analyzeChart(documentation: Documentation, work?: WorkCounter): ChartText {
  if (documentation === undefined) return { documented: false, sections: [] };
  const texts = typeof documentation === 'string'
    ? [{ path: '$.documentation', text: documentation }]
    : documentation.map((d, i) => ({ path: `$.documentation[${i}].text`, text: d.text }));
  const sections = texts.map(({ path, text }) => {
    if (work) work.steps += text.length;
    return { path, text, tokens: tokenize(text) };
  });
  return { documented: hasChartText(documentation), sections };
}

const VERTEBRA = /^([ctls])(1[0-2]|[0-9])$/;
const PAIR = /^([ctls])(1[0-2]|[0-9])([ctls])(1[0-2]|[0-9])$/;
const NUMBER = /^(1[0-2]|[0-9])$/;
const JOINING_WORDS = new Set(['to', 'on', 'through']);

function regionOfLevel(lexicon: ChartLexicon, first: string, second: string | undefined): RegionInfo | undefined {
  if (second === undefined) return lexicon.vertebrae.get(first);
  const level = lexicon.levels.get(`${first}-${second}`);
  if (level) return level;
  // Not an adjacent pair (C5-C7): the region of both ends, or multiple sites when they differ.
  const a = lexicon.vertebrae.get(first);
  const b = lexicon.vertebrae.get(second);
  if (!a || !b) return a ?? b;
  return a.region === b.region ? { region: a.region, cervicalLevel: '', specific: true } : { region: '9', cervicalLevel: '', specific: true };
}

/**
 * Spine levels in the tokens: C7-T1, C7–T1, C7/T1, C7 T1, C7T1, "C7 on T1", "C7 to T1", L4-5, single
 * vertebrae and roots (C8). A level followed by an MRI word ("T2 signal", "T1-weighted") is not a level.
 * Each token is looked at a bounded number of times.
 */
function levelHits(lexicon: ChartLexicon, section: ChartSection, sentenceOf: Int32Array, work?: WorkCounter): RegionHit[] {
  const { tokens, text } = section;
  const out: RegionHit[] = [];
  const nextWord = (k: number): Token | undefined => {
    while (k < tokens.length && tokens[k].norm === '-') k++;
    return tokens[k]?.word ? tokens[k] : undefined;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t.word || t.norm.length > 6) continue;
    let first: string | undefined;
    let second: string | undefined;
    let last = i;
    const pair = PAIR.exec(t.norm);
    const single = pair ? null : VERTEBRA.exec(t.norm);
    if (pair) {
      first = `${pair[1]}${pair[2]}`.toUpperCase();
      second = `${pair[3]}${pair[4]}`.toUpperCase();
    } else if (single) {
      first = `${single[1]}${single[2]}`.toUpperCase();
      let k = i + 1;
      const sep = tokens[k];
      let joined = false;
      if (sep && !sep.word && (sep.norm === '-' || sep.norm === '/')) { k++; joined = true; } else if (sep?.word && JOINING_WORDS.has(sep.norm)) { k++; joined = true; }
      const after = tokens[k];
      if (after?.word && sentenceOf[k] === sentenceOf[i]) {
        const v = VERTEBRA.exec(after.norm);
        const n = v ? null : joined ? NUMBER.exec(after.norm) : null;
        if (v) { second = `${v[1]}${v[2]}`.toUpperCase(); last = k; } else if (n) { second = `${single[1]}${n[1]}`.toUpperCase(); last = k; }
      }
    } else continue;
    const following = nextWord(last + 1);
    if (work) work.steps += last - i + 2;
    if (following && lexicon.ignoreAfter.has(following.norm)) { i = last; continue; }
    const info = regionOfLevel(lexicon, first, second);
    const sentence = sentenceOf[i];
    i = last;
    if (!info) continue;
    const start = t.start;
    const end = tokens[last].end;
    out.push({ start, end, text: text.slice(start, end), ...info, sentence });
  }
  return out;
}

function analyze(lexicon: ChartLexicon, section: ChartSection, work?: WorkCounter): SectionAnalysis {
  if (section.analysis) return section.analysis;
  const { tokens, text } = section;
  const { sentenceOf, bounds } = segment(tokens, lexicon.abbreviations);
  if (work) work.steps += tokens.length;
  const triggerEndsAt: (TriggerHit | undefined)[] = new Array(tokens.length);
  const triggerStartsAt: (TriggerHit | undefined)[] = new Array(tokens.length);
  for (const m of matchPhrases(lexicon.triggerTrie, tokens, work)) {
    const trigger = lexicon.triggers.get(m.value);
    if (!trigger || sentenceOf[m.first] !== sentenceOf[m.last]) continue;
    const hit = { first: m.first, last: m.last, trigger };
    triggerEndsAt[m.last] = hit;
    triggerStartsAt[m.first] = hit;
  }
  const levels = levelHits(lexicon, section, sentenceOf, work);
  const phrases: RegionHit[] = [];
  for (const m of matchPhrases(lexicon.phraseTrie, tokens, work)) {
    const info = lexicon.phrases.get(m.value);
    if (!info) continue;
    const start = tokens[m.first].start;
    const end = tokens[m.last].end;
    phrases.push({ start, end, text: text.slice(start, end), ...info, sentence: sentenceOf[m.first] });
  }
  // Merge the two lists (each in text order) and bucket them by sentence.
  const regionsBySentence = new Map<number, RegionHit[]>();
  for (let a = 0, b = 0; a < levels.length || b < phrases.length;) {
    const hit = b >= phrases.length || (a < levels.length && levels[a].start <= phrases[b].start) ? levels[a++] : phrases[b++];
    const list = regionsBySentence.get(hit.sentence);
    if (list) list.push(hit); else regionsBySentence.set(hit.sentence, [hit]);
  }
  section.analysis = { sentenceOf, bounds, triggerEndsAt, triggerStartsAt, regionsBySentence, summaries: new Map(), sentenceSpans: new Map() };
  return section.analysis;
}

function summarise(a: SectionAnalysis, s: number): SentenceRegions | undefined {
  const known = a.summaries.get(s);
  if (known) return known;
  const all = a.regionsBySentence.get(s);
  if (!all) return undefined;
  const anySpecific = all.some((r) => r.specific);
  const hits = anySpecific ? all.filter((r) => r.specific) : all;
  const chosen: RegionMention[] = [];
  const seen = new Set<string>();
  const digits = new Set<string>();
  const levels = new Set<string>();
  for (const r of hits) {
    digits.add(r.region);
    if (r.cervicalLevel) levels.add(r.cervicalLevel);
    const key = `${r.text.toUpperCase()}|${r.region}`;
    if (chosen.length < MAX_REGIONS && !seen.has(key)) {
      seen.add(key);
      chosen.push({ start: r.start, end: r.end, text: r.text, region: r.region, cervicalLevel: r.cervicalLevel, specific: r.specific });
    }
  }
  const summary: SentenceRegions = {
    chosen, hits,
    ...(digits.size > 0 ? { region: digits.size === 1 ? [...digits][0] : '9' } : {}),
    ...(levels.size === 1 ? { cervicalLevel: [...levels][0] } : {}),
    minStart: hits[0].start, maxEnd: hits[hits.length - 1].end,
  };
  a.summaries.set(s, summary);
  return summary;
}

/** The region hit nearest to a span (binary search over the sentence's hits, in text order). */
function nearest(hits: readonly RegionHit[], start: number): RegionHit {
  const lo = firstNotBelow(0, hits.length - 1, (i) => hits[i].start < start);
  const after = hits[lo];
  const before = hits[lo - 1];
  return before && (after.start < start || start - before.end < after.start - start) ? before : after;
}

const STRUCTURE_MARKS = new Set([':', '-', '=']);

/** The ConText categories that apply to a term (tokens first..last) and the trigger of each: bounded scans to both sides. */
function contextOf(lexicon: ChartLexicon, section: ChartSection, a: SectionAnalysis, first: number, last: number, work?: WorkCounter): Map<ContextCategory, TriggerHit> {
  const found = new Map<ContextCategory, TriggerHit>();
  const { tokens } = section;
  const { sentenceOf } = a;
  const s = sentenceOf[first];
  const maxTokens = lexicon.maxWindow * 4 + 8;
  let steps = 0;
  // Backward: pre and bi triggers.
  {
    const closed = new Set<ContextCategory>();
    let words = 0;
    for (let j = first - 1, seen = 0; j >= 0 && sentenceOf[j] === s && seen < maxTokens && words <= lexicon.maxWindow; j--, seen++) {
      steps++;
      const hit = a.triggerEndsAt[j];
      if (hit) {
        const { trigger } = hit;
        if (trigger.direction === 'term') {
          if (!trigger.category) break;
          closed.add(trigger.category);
        } else if ((trigger.direction === 'pre' || trigger.direction === 'bi') && trigger.category
          && !closed.has(trigger.category) && !found.has(trigger.category) && words <= trigger.window) {
          found.set(trigger.category, hit);
        }
        words += hit.last - hit.first + 1;
        j = hit.first;
        continue;
      }
      if (tokens[j].word) words++;
    }
  }
  // Forward: post and bi triggers.
  {
    const closed = new Set<ContextCategory>();
    let words = 0;
    let marked = false;
    for (let j = last + 1, seen = 0; j < tokens.length && sentenceOf[j] === s && seen < maxTokens && words <= lexicon.maxWindow; j++, seen++) {
      steps++;
      const hit = a.triggerStartsAt[j];
      if (hit) {
        const { trigger } = hit;
        if (trigger.direction === 'term') {
          if (!trigger.category) break;
          closed.add(trigger.category);
        } else if ((trigger.direction === 'post' || trigger.direction === 'bi') && trigger.category
          && !closed.has(trigger.category) && !found.has(trigger.category) && words <= trigger.window) {
          const next = tokens[hit.last + 1];
          const endsClause = next === undefined || sentenceOf[hit.last + 1] !== s || !next.word;
          if (!trigger.structured || ((words === 0 || marked) && endsClause)) found.set(trigger.category, hit);
        }
        words += hit.last - hit.first + 1;
        j = hit.last;
        continue;
      }
      if (tokens[j].word) words++; else if (STRUCTURE_MARKS.has(tokens[j].norm)) marked = true;
    }
  }
  if (work) work.steps += steps;
  return found;
}

function sentenceSpan(section: ChartSection, a: SectionAnalysis, s: number): Span {
  const known = a.sentenceSpans.get(s);
  if (known) return known;
  const [b, e] = a.bounds[s];
  const start = section.tokens[b].start;
  const end = section.tokens[e - 1].end;
  const span = { start, end, text: section.text.slice(start, end) };
  a.sentenceSpans.set(s, span);
  return span;
}

function mentionsIn(lexicon: ChartLexicon, section: ChartSection, terms: CompiledTerms, work?: WorkCounter): ConditionMention[] {
  const matches: PhraseMatch[] = matchPhrases(terms.trie, section.tokens, work);
  if (matches.length === 0) return [];
  const a = analyze(lexicon, section, work);
  const { tokens, text, path } = section;
  const out: ConditionMention[] = [];
  for (const m of matches) {
    if (m.value === 'none') continue;
    const start = tokens[m.first].start;
    const end = tokens[m.last].end;
    const s = a.sentenceOf[m.first];
    const context = contextOf(lexicon, section, a, m.first, m.last, work);
    let status: MentionStatus = 'affirmed';
    let decided: TriggerHit | undefined;
    for (const [category, st] of PRECEDENCE) {
      const hit = context.get(category);
      if (hit) { status = st; decided = hit; break; }
    }
    const congenital = terms.congenital && context.has('cong');
    const regions = summarise(a, s);
    let from = start;
    let to = end;
    if (regions) {
      from = Math.min(start, regions.minStart);
      to = Math.max(end, regions.maxEnd);
      if (to - from > MAX_QUOTE) {
        const r = nearest(regions.hits, start);
        from = Math.min(start, r.start);
        to = Math.max(end, r.end);
      }
    }
    const cong = congenital ? context.get('cong') : undefined;
    if (cong) {
      const c0 = tokens[cong.first].start;
      const c1 = tokens[cong.last].end;
      if (Math.max(to, c1) - Math.min(from, c0) <= MAX_QUOTE) { from = Math.min(from, c0); to = Math.max(to, c1); }
    }
    const trigger = decided && {
      start: tokens[decided.first].start, end: tokens[decided.last].end,
      text: text.slice(tokens[decided.first].start, tokens[decided.last].end), type: decided.trigger.type,
    };
    out.push({
      start, end, text: text.slice(start, end),
      condition: congenital ? `congenital-${m.value}` : m.value,
      status,
      ...(trigger ? { trigger } : {}),
      ...(congenital ? { congenital: true as const } : {}),
      path, sentence: sentenceSpan(section, a, s),
      regions: regions?.chosen ?? [],
      ...(regions?.region !== undefined ? { region: regions.region } : {}),
      ...(regions?.cervicalLevel !== undefined ? { cervicalLevel: regions.cervicalLevel } : {}),
      quote: { start: from, end: to, text: text.slice(from, to) },
    });
  }
  return out;
}

/**
 * Reads any compiled term list (compileTerms in terms.ts: rows [term, concept]) from an analysed chart text,
 * with the lexicon's ConText triggers, sentences and spine regions: one mention per term found, in text order.
 * The ChartText is shared: reading several term lists from one claim tokenizes and analyses the text once.
 */
export function readTerms(lexicon: ChartLexicon, chart: ChartText, terms: CompiledTerms, work?: WorkCounter): ConditionMention[] {
  const out: ConditionMention[] = [];
  for (const section of chart.sections) for (const m of mentionsIn(lexicon, section, terms, work)) out.push(m);
  return out;
}

/** Reads the claim's documentation (a string or sections) into mentions of the lexicon's spine condition words. */
export function readChart(lexicon: ChartLexicon, documentation: Documentation, work?: WorkCounter): ChartReading {
  const chart = analyzeChart(documentation, work);
  return { documented: chart.documented, mentions: readTerms(lexicon, chart, lexicon.conditionTerms, work) };
}
