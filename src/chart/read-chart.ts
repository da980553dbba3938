import type { ChartLexicon, RegionInfo, TriggerType } from './lexicon';

// Reads chart text into condition mentions with their spine region and NegEx-style status. Linear in
// the text: each precompiled pattern runs once over each section; matches are bucketed by sentence.

export type MentionStatus = 'affirmed' | 'negated' | 'uncertain';

export interface Span { readonly start: number; readonly end: number; readonly text: string }
export interface RegionMention extends Span, RegionInfo {}
export interface TriggerMention extends Span { readonly type: TriggerType }

export interface ConditionMention extends Span {
  readonly condition: string;
  readonly status: MentionStatus;
  /** The trigger that negates it or makes it uncertain. */
  readonly trigger?: TriggerMention;
  /** JSONPath of the documentation text the span is in ("$.documentation", "$.documentation[1].text"). */
  readonly path: string;
  readonly sentence: Span;
  /** Region words of the sentence: the specific ones (levels, junctions) when any, else general words. */
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

/**
 * Sentence spans: split at . ! ? ; and line ends, but not at a decimal point ("2.5 mm") nor at the
 * period of a lexicon word that ends with one (`abbreviations`, lower case, e.g. "vs.").
 */
export function sentences(text: string, abbreviations: readonly string[] = []): Span[] {
  const out: Span[] = [];
  let start = 0;
  const abbreviated = (i: number) => abbreviations.some((a) => i + 1 >= a.length
    && text.slice(i + 1 - a.length, i + 1).toLowerCase() === a && !/[A-Za-z0-9]/.test(text[i - a.length] ?? ''));
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    const end = i === text.length
      || ch === '!' || ch === '?' || ch === ';' || ch === '\n'
      || (ch === '.' && !(/\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '')) && !abbreviated(i));
    if (!end) continue;
    if (text.slice(start, i).trim().length > 0) out.push({ start, end: i, text: text.slice(start, i) });
    start = i + 1;
  }
  return out;
}

/** Every match of a precompiled global pattern (exec loop: no iterator, no per-call regex). */
function matches(pattern: RegExp | undefined, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  if (!pattern) return out;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) out.push(m);
  return out;
}

/** A lexicon key for matched words: lower case, one space, plain hyphen (only rebuilt when needed). */
const keyOf = (words: string): string => {
  const lower = words.toLowerCase();
  return /[\s\u2010-\u2014]/.test(lower) ? lower.replace(/[\u2010-\u2014]/g, '-').replace(/\s+/g, ' ') : lower;
};

function regionOf(lexicon: ChartLexicon, m: RegExpExecArray): RegionInfo | undefined {
  const [, l1, n1, l2raw, n2] = m;
  const first = `${l1}${n1}`.toUpperCase();
  if (n2 === undefined) return lexicon.vertebrae.get(first);
  const second = `${l2raw ?? l1}${n2}`.toUpperCase();
  const level = lexicon.levels.get(`${first}-${second}`);
  if (level) return level;
  // Not an adjacent pair (C5-C7): the region of both ends, or multiple sites when they differ.
  const a = lexicon.vertebrae.get(first);
  const b = lexicon.vertebrae.get(second);
  if (!a || !b) return a ?? b;
  return a.region === b.region ? { region: a.region, cervicalLevel: '', specific: true } : { region: '9', cervicalLevel: '', specific: true };
}

const PRE = new Set<TriggerType>(['pre-neg', 'bi-neg', 'pre-unc', 'bi-unc']);
const POST = new Set<TriggerType>(['post-neg', 'bi-neg', 'post-unc', 'bi-unc']);
const isNegation = (t: TriggerType) => t.endsWith('-neg');

function readSection(lexicon: ChartLexicon, text: string, path: string): ConditionMention[] {
  // Fast path: no condition word, nothing to read (most chart text of a non-spine claim).
  const termMatches = matches(lexicon.termPattern, text);
  if (termMatches.length === 0) return [];
  const spans = sentences(text, lexicon.abbreviations);
  const bucket = <T extends { start: number }>(items: readonly T[]): T[][] => {
    const out: T[][] = spans.map(() => []);
    let s = 0;
    for (const item of items) {
      while (s < spans.length && spans[s].end <= item.start) s++;
      if (s < spans.length && spans[s].start <= item.start) out[s].push(item);
    }
    return out;
  };
  const span = (m: RegExpExecArray): Span => ({ start: m.index, end: m.index + m[0].length, text: m[0] });
  const terms = bucket(termMatches.map((m) => ({ ...span(m), condition: lexicon.terms.get(keyOf(m[0])) ?? 'none' })));
  const regions = bucket([
    ...matches(lexicon.levelPattern, text).flatMap((m) => { const r = regionOf(lexicon, m); return r ? [{ ...span(m), ...r }] : []; }),
    ...matches(lexicon.phrasePattern, text).flatMap((m) => { const r = lexicon.phrases.get(keyOf(m[0])); return r ? [{ ...span(m), ...r }] : []; }),
  ].sort((a, b) => a.start - b.start));
  const triggers = bucket(matches(lexicon.triggerPattern, text).flatMap((m) => {
    const type = lexicon.triggers.get(keyOf(m[0]));
    return type && type !== 'pseudo' ? [{ ...span(m), type }] : [];
  }));

  const out: ConditionMention[] = [];
  spans.forEach((sentence, s) => {
    if (terms[s].length === 0) return;
    const specific = regions[s].filter((r) => r.specific);
    const chosen = specific.length > 0 ? specific : regions[s];
    const digits = [...new Set(chosen.map((r) => r.region))];
    const levels = [...new Set(chosen.map((r) => r.cervicalLevel).filter(Boolean))];
    const stops = triggers[s].filter((t) => t.type === 'term');
    const open = (from: number, to: number) => !stops.some((t) => t.start >= from && t.end <= to);
    for (const term of terms[s]) {
      if (term.condition === 'none') continue;
      let negation: TriggerMention | undefined;
      let uncertainty: TriggerMention | undefined;
      for (const t of triggers[s]) {
        if (t.type === 'term') continue;
        const applies = (t.end <= term.start && PRE.has(t.type) && open(t.end, term.start))
          || (t.start >= term.end && POST.has(t.type) && open(term.end, t.start));
        if (!applies) continue;
        if (isNegation(t.type)) negation ??= t; else uncertainty ??= t;
      }
      const from = Math.min(term.start, ...chosen.map((r) => r.start));
      const to = Math.max(term.end, ...chosen.map((r) => r.end));
      const trigger = negation ?? uncertainty;
      out.push({
        start: term.start, end: term.end, text: term.text, condition: term.condition,
        status: negation ? 'negated' : uncertainty ? 'uncertain' : 'affirmed',
        ...(trigger ? { trigger } : {}),
        path, sentence, regions: chosen,
        ...(digits.length > 0 ? { region: digits.length === 1 ? digits[0] : '9' } : {}),
        ...(levels.length === 1 ? { cervicalLevel: levels[0] } : {}),
        quote: { start: from, end: to, text: text.slice(from, to) },
      });
    }
  });
  return out;
}

/** Whether documentation carries any text (837 claims never do); cheap: no reading. */
export function hasChartText(documentation: Documentation): boolean {
  return typeof documentation === 'string' ? documentation.trim().length > 0 : (documentation ?? []).some((s) => s.text.trim().length > 0);
}

/** Reads the claim's documentation (a string or sections) into condition mentions. */
export function readChart(lexicon: ChartLexicon, documentation: Documentation): ChartReading {
  if (documentation === undefined) return { documented: false, mentions: [] };
  const sections = typeof documentation === 'string'
    ? [{ path: '$.documentation', text: documentation }]
    : documentation.map((d, i) => ({ path: `$.documentation[${i}].text`, text: d.text }));
  return {
    documented: hasChartText(documentation),
    mentions: sections.flatMap((s) => readSection(lexicon, s.text, s.path)),
  };
}
