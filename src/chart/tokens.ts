// Chart text as tokens and sentences, in one left-to-right pass (no regular expression over the text, no
// backtracking): the ConText reader (read-chart.ts) and the phrase tries (terms.ts) work on these tokens, so
// reading time is linear in the text by construction.

export interface Token {
  readonly start: number;
  readonly end: number;
  /** Words: lower case ("c7t1", "2.5"); punctuation: the character, every dash (U+2010-U+2015) as "-". */
  readonly norm: string;
  readonly word: boolean;
  /** Words: the first letter is upper case / every letter is upper case (for line-break decisions). */
  readonly capital: boolean;
  readonly allCaps: boolean;
  /** Line breaks in the whitespace before this token (0, 1, 2 = blank line), and the spaces/tabs after the last one (its indent). */
  readonly breaks: number;
  readonly indent: number;
}

export interface Span { readonly start: number; readonly end: number; readonly text: string }

const isAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 160 || c === 0x2028 || c === 0x2029;
const isDash = (c: number): boolean => c === 45 || (c >= 0x2010 && c <= 0x2015) || c === 0x2212;

/** Splits text into word and punctuation tokens. Words are [A-Za-z0-9] runs; a decimal point between digits stays in the word ("2.5"). */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = text.length;
  let breaks = 0;
  let indent = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      if (c === 10 || c === 0x2028 || c === 0x2029) { breaks++; indent = 0; } else if (c !== 13) indent++;
      i++;
      continue;
    }
    const start = i;
    if (isAlnum(c)) {
      let upper = 0;
      let lower = 0;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (isAlnum(d)) {
          if (d >= 65 && d <= 90) upper++; else if (d >= 97) lower++;
          i++;
        } else if (d === 46 && isDigit(text.charCodeAt(i - 1)) && i + 1 < n && isDigit(text.charCodeAt(i + 1))) i++;
        else break;
      }
      const first = text.charCodeAt(start);
      out.push({ start, end: i, norm: text.slice(start, i).toLowerCase(), word: true, capital: first >= 65 && first <= 90, allCaps: upper > 0 && lower === 0, breaks: Math.min(breaks, 2), indent });
    } else {
      // A surrogate pair is one token; anything else that is neither a word character nor space is punctuation.
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
      out.push({ start, end: i, norm: isDash(c) ? '-' : text.slice(start, i), word: false, capital: false, allCaps: false, breaks: Math.min(breaks, 2), indent });
    }
    breaks = 0;
    indent = 0;
  }
  return out;
}

/** Words after which a line break does not end the sentence (the sentence goes on on the next line). */
const CONTINUES = new Set(['and', 'or', 'with', 'without', 'of', 'at', 'to', 'the', 'a', 'an', 'in', 'on', 'for', 'from', 'by', 'no', 'not']);
const TERMINAL = new Set(['.', '!', '?', ';']);

const isListMarker = (tokens: readonly Token[], i: number): boolean => {
  const t = tokens[i];
  if (!t.word) return t.norm === '-' || t.norm === '*' || t.norm === '\u2022' || t.norm === '#';
  const next = tokens[i + 1];
  return /^\d{1,2}$|^[a-z]$/.test(t.norm) && next !== undefined && !next.word && (next.norm === '.' || next.norm === ')');
};

/**
 * Sentence number of every token, and the sentences. A sentence ends at . ! ? ; (not at a decimal point,
 * a list number "1.", a lexicon abbreviation such as "vs.", nor a period glued to the next word "e.g.")
 * and at a line break, except where the text goes on over the break: the next line starts in lower case,
 * the line ends with a comma, dash or a joining word ("with", "at", "no"), or the next line is indented
 * deeper than the line before (a numbered item wrapped over lines) and starts no new item. A blank line
 * always ends a sentence.
 */
export function segment(tokens: readonly Token[], abbreviations: ReadonlySet<string>): { sentenceOf: Int32Array; bounds: [number, number][] } {
  const sentenceOf = new Int32Array(tokens.length);
  const bounds: [number, number][] = [];
  let first = 0;
  let lineIndent = tokens.length > 0 ? tokens[0].indent : 0;
  const close = (endExclusive: number) => {
    if (endExclusive > first) bounds.push([first, endExclusive]);
    first = endExclusive;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (i > first && t.breaks > 0) {
      const prev = tokens[i - 1];
      const goesOn = t.breaks < 2 && !isListMarker(tokens, i) && (
        (t.word && !t.capital && !/^\d/.test(t.norm))
        || (!prev.word && (prev.norm === ',' || prev.norm === '-' || prev.norm === '(' || prev.norm === '/'))
        || (prev.word && CONTINUES.has(prev.norm))
        || (t.indent > lineIndent && t.word && !(prev.word === false && (TERMINAL.has(prev.norm) || prev.norm === ':'))));
      if (!goesOn) close(i);
    }
    if (t.breaks > 0 && i === first) lineIndent = t.indent;
    sentenceOf[i] = bounds.length;
    if (t.word) continue;
    let ends = t.norm === '!' || t.norm === '?' || t.norm === ';';
    if (t.norm === '.') {
      const prev = tokens[i - 1];
      const next = tokens[i + 1];
      const glued = next !== undefined && next.start === t.end && next.word;
      const listNumber = prev !== undefined && prev.word && i - 1 === first && /^\d{1,2}$|^[a-z]$/.test(prev.norm);
      const abbreviation = prev !== undefined && prev.word && prev.end === t.start && abbreviations.has(prev.norm);
      ends = !glued && !listNumber && !abbreviation;
    }
    if (ends) close(i + 1);
  }
  close(tokens.length);
  return { sentenceOf, bounds };
}

/** Sentence spans of a text (for tests and tools): the words of each sentence without its final punctuation. */
export function sentences(text: string, abbreviations: readonly string[] = []): Span[] {
  const tokens = tokenize(text);
  const abbrev = new Set(abbreviations.map((a) => a.toLowerCase().replace(/\.$/, '')));
  return segment(tokens, abbrev).bounds.flatMap(([a, b]) => {
    let last = b - 1;
    while (last >= a && !tokens[last].word && TERMINAL.has(tokens[last].norm)) last--;
    if (last < a) return [];
    const start = tokens[a].start;
    const end = tokens[last].end;
    return [{ start, end, text: text.slice(start, end) }];
  });
}
