import { codeSetOn } from '../code-set';
import { type DataFile, type Effective, inEffectOn, type SourceCitation } from '../formats';
import { keyedRows } from '../keyed-rows';
import { setBounded } from '../multimap';
import { CHARACTER_ORDER, type TabularOrder } from '../tabular-order';
import type { ClaimContext } from './types';

// ICD-10-CM Excludes1 ("NOT CODED HERE"): the two codes are never reported together, except when the
// conditions are unrelated (Official Guidelines I.A.12.a). A note at a node applies to every code
// below it; a reference to a header covers its children (Tabular List conventions).

/** A reference of a note: a code prefix (from = to) or a range compared on the printed length. */
interface Ref { readonly from: string; readonly to: string }

export interface Excludes1Line {
  readonly at: string; readonly label: string; readonly title: string; readonly text: string;
  readonly refs: readonly Ref[]; readonly how: string;
  /** `at` parsed once when it is a block or chapter range ("M40-M54"). */
  readonly atRange?: Ref;
  /** The first letters of the codes its references can name ("M" for M43.1, "AB" for A00-B99): a quick "no". */
  readonly letters: string;
}

interface RangeLines { readonly range: Ref; readonly lines: readonly Excludes1Line[] }

/**
 * What linesFor remembers: by code, by ancestor node (its lines and all its ancestors'), and the block and
 * chapter hits by a code's first `rangeKeyLength` characters (all a range test reads of it).
 */
interface HitMemo {
  readonly byCode: Map<string, readonly NoteHit[]>;
  readonly byAncestor: Map<string, readonly NoteHit[]>;
  readonly byRangeKey: Map<string, readonly NoteHit[]>;
}
const newMemo = (): HitMemo => ({ byCode: new Map(), byAncestor: new Map(), byRangeKey: new Map() });

export interface Excludes1Edition {
  readonly id: string;
  readonly version: string;                  // "FY2026"
  readonly effective: Effective;
  /** The note lines at a node (a code or header), parsed the first time a claim's code reaches the node. */
  readonly linesAt: (node: string) => readonly Excludes1Line[] | undefined;
  readonly byRange: readonly RangeLines[];   // block and chapter notes
  /** The characters of a code a range test reads (the longest printed end, and a dot), its fallback's included. */
  readonly rangeKeyLength: number;
  /** Partial editions: what the file holds completely; elsewhere `fallback` applies. */
  readonly coverage?: { readonly labels: ReadonlySet<string>; readonly codes: readonly Ref[] };
  readonly fallback?: Excludes1Edition;
  /** Resolved note hits, remembered per rule set (they depend only on the edition): see linesFor. */
  readonly memo: HitMemo;
  /** The tabular order ranges are read in (D37-D48 does not hold D3A). */
  readonly order: TabularOrder;
}

const toRef = (token: string): Ref => {
  const [from, to] = token.split('-');
  return { from, to: to ?? from };
};

/** A code is covered by a reference when its first characters fall between the printed ends, in tabular order. */
const covers = (order: TabularOrder, ref: Ref, code: string): boolean => order.inRange(ref.from, ref.to, code);

type NoteRow = [string, string, string, string, string[], string];

function noteLine(row: NoteRow): Excludes1Line {
  const [at, label, title, text, refs, how] = row;
  const atRange = at.includes('-') ? toRef(at) : undefined;
  const parsed = refs.map(toRef);
  const letters = [...new Set(parsed.flatMap((r) => {
    const out: string[] = [];
    for (let c = r.from.charCodeAt(0); c <= r.to.charCodeAt(0); c++) out.push(String.fromCharCode(c));
    return out;
  }))].join('');
  return { at, label, title, text, refs: parsed, how, letters, ...(atRange ? { atRange } : {}) };
}

function indexEdition(file: DataFile, order: TabularOrder): Excludes1Edition {
  // A node's lines are parsed when a claim first reaches it (a one-claim check parses a handful of the
  // ~10,000 notes, instead of all of them for ~50 ms); a large file is searched in place (keyedRows).
  const rows = keyedRows(file);
  // Only nodes with lines are kept: the nodes of a batch's codes are tens of thousands, most without a note.
  const parsedAt = new Map<string, readonly Excludes1Line[]>();
  const linesAt = (node: string): readonly Excludes1Line[] | undefined => {
    let lines = parsedAt.get(node);
    if (lines === undefined) {
      const found = rows.at(node);
      if (found.length === 0) return undefined;
      lines = found.map((row) => noteLine(row as NoteRow));
      parsedAt.set(node, lines);
    }
    return lines;
  };
  const rangeNodes = file.rangeNodes ?? [...new Set(((file.rows ?? []) as NoteRow[]).map((row) => row[0]).filter((at) => at.includes('-')))];
  const coverage = file.coverage && {
    labels: new Set(file.coverage.filter((c) => /^(Block|Chapter) /.test(c))),
    codes: file.coverage.filter((c) => !/^(Block|Chapter) /.test(c)).map(toRef),
  };
  const rangeKeyLength = 1 + Math.max(0, ...rangeNodes.flatMap((at) => at.split('-').map((end) => end.length)));
  return {
    id: file.id, version: file.version, effective: file.effective, linesAt, memo: newMemo(), order, rangeKeyLength,
    byRange: rangeNodes.map((at) => ({ range: toRef(at), get lines() { return linesAt(at) ?? []; } })),
    ...(coverage ? { coverage } : {}),
  };
}

/** Indexes the Excludes1 data files (rules/data/icd10cm-excludes1-*.json) once, at load. */
export function indexExcludes1(data: ReadonlyMap<string, DataFile>, order: TabularOrder = CHARACTER_ORDER): { editions: readonly Excludes1Edition[]; problems: readonly string[] } {
  const files = [...data.values()].filter((d) => d.id.startsWith('icd10cm-excludes1-'));
  const editions = new Map(files.map((f) => [f.id, indexEdition(f, order)]));
  const problems: string[] = [];
  const linked = files.map((f) => {
    const edition = editions.get(f.id)!;
    if (!f.fallback) return edition;
    const fallback = editions.get(f.fallback);
    if (!fallback) problems.push(`${f.id}: fallback "${f.fallback}" is not loaded`);
    return fallback ? { ...edition, fallback, memo: newMemo(), rangeKeyLength: Math.max(edition.rangeKeyLength, fallback.rangeKeyLength) } : edition;
  });
  return { editions: linked.sort((a, b) => a.effective.from.localeCompare(b.effective.from)), problems };
}


/** A note line that applies to a code: from `edition`, standing in for the `judged` edition when `fallback`. */
export interface NoteHit { readonly line: Excludes1Line; readonly edition: Excludes1Edition; readonly fallback: boolean; readonly judged: string }

/**
 * The Excludes1 lines that apply to `code` in an edition (with the fallback outside its coverage): the
 * code's own, then each ancestor's up to the category, then the block and chapter notes. A batch meets
 * tens of thousands of codes once each: what they share (an ancestor's lines, the ranges of a category)
 * is resolved once, so a new code costs its own node's lookup.
 */
function linesFor(edition: Excludes1Edition, code: string): readonly NoteHit[] {
  const memo = edition.memo.byCode;
  let hits = memo.get(code);
  if (!hits) {
    hits = joined(nodeHits(edition, code), ancestorHits(edition, parentOf(code)), rangeHits(edition, code));
    setBounded(memo, code, hits, MAX_REMEMBERED);
  }
  return hits;
}

/** Entries a memo keeps (~100 bytes each): more than ICD-10-CM has codes, so only a stream of invalid codes fills it. */
const MAX_REMEMBERED = 120_000;

/** M43.03 → M43.0 → M43 → undefined (a category has no ancestor node). */
const parentOf = (node: string): string | undefined => {
  if (node.length <= 3) return undefined;
  const up = node.slice(0, -1);
  return up.endsWith('.') ? up.slice(0, -1) : up;
};

/** The lines of `node` and of every node above it, up to its category. */
function ancestorHits(edition: Excludes1Edition, node: string | undefined): readonly NoteHit[] {
  if (node === undefined) return NO_HITS;
  const memo = edition.memo.byAncestor;
  let hits = memo.get(node);
  if (!hits) {
    hits = joined(nodeHits(edition, node), ancestorHits(edition, parentOf(node)), NO_HITS);
    setBounded(memo, node, hits, MAX_REMEMBERED);
  }
  return hits;
}

/** A node's own lines: from the edition where it covers the node, else from its fallback. */
function nodeHits(edition: Excludes1Edition, node: string): readonly NoteHit[] {
  const coverage = edition.coverage;
  if (!coverage || coverage.codes.some((r) => covers(edition.order, r, node))) return hitsOf(edition.linesAt(node), edition, false, edition);
  return edition.fallback ? hitsOf(edition.fallback.linesAt(node), edition.fallback, true, edition) : NO_HITS;
}

/**
 * The block and chapter lines that hold `code`. A range test reads at most a code's first characters up
 * to the length of the ranges' longest printed end (and a dot): codes that share those share the answer.
 */
function rangeHits(edition: Excludes1Edition, code: string): readonly NoteHit[] {
  const key = code.slice(0, edition.rangeKeyLength);
  const memo = edition.memo.byRangeKey;
  let hits = memo.get(key);
  if (!hits) {
    const coverage = edition.coverage;
    // Block and chapter ranges start and end with a letter: only those whose letters span the code's can hold it.
    const ranges = (e: Excludes1Edition) => e.byRange.filter((r) => r.range.from[0] <= key[0] && key[0] <= r.range.to[0] && covers(e.order, r.range, key));
    const labelsCovered = (r: RangeLines) => coverage !== undefined && r.lines.every((l) => coverage.labels.has(l.label));
    const found: NoteHit[] = [];
    for (const r of ranges(edition)) if (!coverage || labelsCovered(r)) found.push(...hitsOf(r.lines, edition, false, edition));
    if (edition.fallback) for (const r of ranges(edition.fallback)) if (!labelsCovered(r)) found.push(...hitsOf(r.lines, edition.fallback, true, edition));
    hits = found.length === 0 ? NO_HITS : found;
    setBounded(memo, key, hits, MAX_REMEMBERED);
  }
  return hits;
}

/** Three lists end to end, without a copy when at most one has hits (most codes have none of their own). */
function joined(a: readonly NoteHit[], b: readonly NoteHit[], c: readonly NoteHit[]): readonly NoteHit[] {
  const nonEmpty = (a.length > 0 ? 1 : 0) + (b.length > 0 ? 1 : 0) + (c.length > 0 ? 1 : 0);
  if (nonEmpty <= 1) return a.length > 0 ? a : b.length > 0 ? b : c;
  return [...a, ...b, ...c];
}

// Codes' hits share one object per note line and judged edition, and codes with none share one empty list.
const NO_HITS: readonly NoteHit[] = [];
const HITS = new WeakMap<Excludes1Line, Map<Excludes1Edition, NoteHit>>();
function hitsOf(lines: readonly Excludes1Line[] | undefined, from: Excludes1Edition, fallback: boolean, judged: Excludes1Edition): readonly NoteHit[] {
  if (!lines || lines.length === 0) return NO_HITS;
  return lines.map((line) => {
    let byJudged = HITS.get(line);
    if (!byJudged) HITS.set(line, (byJudged = new Map()));
    let hit = byJudged.get(judged);
    if (!hit) byJudged.set(judged, (hit = { line, edition: from, fallback, judged: judged.version }));
    return hit;
  });
}

/** The edition in force on a date, or undefined (no Excludes1 data: the rule cannot judge). */
export function excludes1EditionOn(editions: readonly Excludes1Edition[] | undefined, date: string): Excludes1Edition | undefined {
  return inEffectOn(editions, date);
}

/** Whether a note line of `a` names `b`; `b` must not sit under the note's own node. */
function names(ctx: ClaimContext, edition: Excludes1Edition, { line, fallback }: NoteHit, a: string, b: string): boolean {
  if (!line.letters.includes(b[0])) return false;
  const order = edition.order;
  const own = line.atRange ? covers(order, line.atRange, b) : b.startsWith(line.at);
  if (own || !line.refs.some((r) => covers(order, r, b))) return false;
  // FY2027 line applied to an FY2026 date: only to codes present in both code sets (DESIGN §4.3).
  if (fallback) {
    const later = codeSetOn(ctx.ruleSet.codeSets, edition.fallback!.effective.from);
    const inBoth = (c: string) => ctx.codeSet?.get(c) !== undefined && later?.get(c) !== undefined;
    return inBoth(a) && inBoth(b);
  }
  return true;
}

export interface Excludes1Conflict { readonly holder: string; readonly hit: NoteHit }

const NO_CONFLICTS: readonly Excludes1Conflict[] = [];

// Most pairs of a claim's codes have no note between them: that answer allocates nothing.
function between(ctx: ClaimContext, edition: Excludes1Edition, a: string, hitsA: readonly NoteHit[], b: string, hitsB: readonly NoteHit[]): readonly Excludes1Conflict[] {
  if (a === b) return NO_CONFLICTS;
  let found: Excludes1Conflict[] | undefined;
  for (const hit of hitsA) if (names(ctx, edition, hit, a, b)) (found ??= []).push({ holder: a, hit });
  for (const hit of hitsB) if (names(ctx, edition, hit, b, a)) (found ??= []).push({ holder: b, hit });
  return found ?? NO_CONFLICTS;
}

/** Excludes1 lines between two codes in either direction, on the claim's date. */
export function excludes1Between(ctx: ClaimContext, a: string, b: string): readonly Excludes1Conflict[] {
  const edition = excludes1EditionOn(ctx.ruleSet.excludes1, ctx.date);
  return edition ? between(ctx, edition, a, linesFor(edition, a), b, linesFor(edition, b)) : NO_CONFLICTS;
}

const TABULAR = 'ICD-10-CM Tabular List of Diseases and Injuries';

/** "FY2027 tabular; FY2026 text not available" when a later edition's line stands in for the judged one. */
const standIn = (hit: NoteHit): string => `${hit.edition.version} tabular; ${hit.judged} text not available`;

/** The citation of one note line: fiscal year, node and text; says when FY2027 stands in for FY2026. */
export function noteSource(hit: NoteHit): SourceCitation {
  const version = hit.fallback ? standIn(hit) : hit.edition.version;
  return { title: TABULAR, version, section: `${hit.line.label} ${hit.line.title}: Excludes1 "${hit.line.text}"` };
}

/** "M43.0 'Spondylolysis' Excludes1: spondylolisthesis (M43.1) (FY2026 tabular)" for a message. */
export function describeNote(hit: NoteHit): string {
  return `${hit.line.label} '${hit.line.title}' Excludes1: "${hit.line.text}" (${hit.fallback ? standIn(hit) : `${hit.edition.version} tabular`})`;
}
