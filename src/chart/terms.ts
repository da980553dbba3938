import { type Token, tokenize } from './tokens';

// Phrase lists (condition words, ConText triggers, region words) compiled into a trie over tokens. Matching
// is leftmost-longest and non-overlapping, as NegEx reads its trigger list: at each token the trie is walked
// at most `maxTokens` steps, so a pass over a text costs O(tokens × longest phrase) whatever the text says.

export interface TrieNode { readonly next: Map<string, TrieNode>; value?: string }
export interface PhraseTrie { readonly root: TrieNode; readonly maxTokens: number; readonly size: number }
/** A phrase found in the tokens: its first and last token (inclusive) and the value its row gives. */
export interface PhraseMatch { readonly first: number; readonly last: number; readonly value: string }
/** Optional work counter: one step per trie step or token visited (tests bound it by the text length). */
export interface WorkCounter { steps: number }

/** The token keys of a phrase: words in lower case and punctuation, dashes dropped ("pars-defect" = "pars defect"). */
export function phraseKeys(phrase: string): string[] {
  return tokenize(phrase).filter((t) => t.norm !== '-').map((t) => t.norm);
}

/** Builds a trie; a phrase given twice keeps its first value (the caller reports the duplicate). */
export function buildTrie(entries: Iterable<readonly [string, string]>): { trie: PhraseTrie; duplicates: string[] } {
  const root: TrieNode = { next: new Map() };
  let maxTokens = 0;
  let size = 0;
  const duplicates: string[] = [];
  for (const [phrase, value] of entries) {
    const keys = phraseKeys(phrase);
    if (keys.length === 0) continue;
    let node = root;
    for (const k of keys) {
      let child = node.next.get(k);
      if (!child) { child = { next: new Map() }; node.next.set(k, child); }
      node = child;
    }
    if (node.value !== undefined) { duplicates.push(phrase); continue; }
    node.value = value;
    size++;
    maxTokens = Math.max(maxTokens, keys.length);
  }
  return { trie: { root, maxTokens, size }, duplicates };
}

/**
 * Every phrase of the trie in the tokens, leftmost-longest, not overlapping. Inside a phrase a dash in the
 * text is skipped when the phrase has none there ("pars-defect", "atlanto–axial"). A match never starts on
 * a dash, and ends only on a phrase's last key.
 */
export function matchPhrases(trie: PhraseTrie, tokens: readonly Token[], work?: WorkCounter): PhraseMatch[] {
  const out: PhraseMatch[] = [];
  if (trie.size === 0) return out;
  const limit = trie.maxTokens * 2;
  let i = 0;
  let steps = 0;
  while (i < tokens.length) {
    let node: TrieNode | undefined = trie.root;
    let best: PhraseMatch | undefined;
    for (let j = i, walked = 0; j < tokens.length && walked < limit; j++, walked++) {
      steps++;
      const key = tokens[j].norm;
      const child: TrieNode | undefined = node.next.get(key);
      if (!child) {
        if (key === '-' && node !== trie.root) continue;
        break;
      }
      node = child;
      if (node.value !== undefined) best = { first: i, last: j, value: node.value };
    }
    if (best) { out.push(best); i = best.last + 1; } else i++;
  }
  if (work) work.steps += steps + tokens.length;
  return out;
}

/** A term list for the chart reader: rows [term, concept] compiled once, at load (see readTerms in read-chart.ts). */
export interface CompiledTerms {
  /** The data file id (or any name) the terms come from. */
  readonly id: string;
  readonly trie: PhraseTrie;
  readonly concepts: ReadonlySet<string>;
  /** Conditions: a congenital trigger makes a mention "congenital-<concept>" (the spine condition words); other lists keep their concepts. */
  readonly congenital: boolean;
}

/** Compiles rows [term, concept] (extra columns ignored); concept "none" marks a longer phrase that must not count ("slipped disc"). */
export function compileTerms(id: string, rows: readonly (readonly unknown[])[], options: { congenital?: boolean } = {}): { terms: CompiledTerms; problems: string[] } {
  const problems: string[] = [];
  const entries: [string, string][] = [];
  rows.forEach((row, i) => {
    const [term, concept] = row;
    if (typeof term !== 'string' || typeof concept !== 'string' || term.trim() === '' || concept === '') {
      problems.push(`${id}: row ${i} must be [term, concept] with both non-empty`);
      return;
    }
    if (phraseKeys(term).length === 0) { problems.push(`${id}: row ${i} term "${term}" has no word`); return; }
    entries.push([term, concept]);
  });
  const { trie, duplicates } = buildTrie(entries);
  for (const d of duplicates) problems.push(`${id}: term "${d}" is listed twice`);
  return { terms: { id, trie, concepts: new Set(entries.map(([, c]) => c).filter((c) => c !== 'none')), congenital: options.congenital === true }, problems };
}
