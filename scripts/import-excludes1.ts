/**
 * Imports the ICD-10-CM Excludes1 notes into rules/data/:
 *   icd10cm-excludes1-fy2027.json  every FY2027 Excludes1 line (all chapters, incl. Block/Chapter notes)
 *   icd10cm-excludes1-fy2026.json  the FY2026 lines that are available verbatim (M40-M54, Q76, ...),
 *                                  with the blocks they cover; other FY2026 locations fall back to FY2027.
 * Usage: npx ts-node --transpile-only scripts/import-excludes1.ts [--source DIR]
 * Re-running reproduces the data files byte for byte.
 *
 * Each row: [at, label, title, text, refs, how]. `at` is the node the note sits on (a dotted code, or a
 * range "M50-M54" for a block or chapter note); a note applies to every code below its node, and a
 * reference to a header covers its children (shared/domain/icd10cm/README.md). `refs` are code prefixes
 * ("M43.1") or ranges ("Q76.3-Q76.4"). `how` says how the references were obtained (see HOW below).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readCsv, readTsv, sourceDir, writeDataFile } from './lib/data-io';

/** How a line's references were obtained; every line is kept, none dropped. */
const HOW = {
  parsed: 'references as parsed by the source file',
  repaired: 'references read from the note text where the source left them out or printed them oddly (e.g. "D29.2.-", "M47.2.-", codes outside parentheses, "S06.1- to S06.6-")',
  expanded: 'qualified reference (e.g. "E08-E13 with .44", "M51.- with fifth character 4", "I69. with final characters -23") expanded to the codes of the FY2027 code set it names',
  'lead-in': 'heading of an indented list ("meningitis (in):"); its items are the following lines, which carry their own references',
  'no-code': 'instruction without a code ("code to Fracture, vertebra, by region", "see Alphabetical Index", "omit code"): nothing to pair',
  unhandled: 'qualified reference that cannot be expanded from the code list (e.g. "with open fracture 7th character", "with ketoacidosis"): listed, not checked',
} as const;
type How = keyof typeof HOW;

// Chapter ranges of the ICD-10-CM Tabular List chapter titles; only chapters that carry Excludes1 notes.
const CHAPTER_RANGES: Readonly<Record<string, string>> = { 'Chapter 4': 'E00-E89', 'Chapter 15': 'O00-O9A' };

const CODE = String.raw`[A-Z][0-9A-Z]{2}(?:\.[0-9A-Z]{0,4})?`;
// A code, optionally "X-Y", "X.-Y", "X- to Y-" (a range), with the printed trailing dash.
const TOKEN = new RegExp(String.raw`\b(${CODE})(?:(?:\.?-+\s*(?:to\s+)?|\s+to\s+)(${CODE}))?(?:\.?-)?`, 'g');

interface Row { readonly at: string; readonly label: string; readonly title: string; readonly text: string; readonly refs: string[]; readonly how: How }

const strip = (code: string): string => code.replace(/\.?-+$/, '').replace(/\.$/, '');

/** A printed token ("M43.1", "A05.-", "Q76.3-Q76.4", "A04.0-A04.4-") as a prefix or a range. */
function normalizeToken(token: string): string | undefined {
  const m = /^([A-Z][0-9A-Z]{2}(?:\.[0-9A-Z]{0,4})?)(?:\.?-+)?(?:-+\s*([A-Z][0-9A-Z]{2}(?:\.[0-9A-Z]{0,4})?)(?:\.?-+)?)?$/.exec(token.trim());
  if (!m) return undefined;
  const from = strip(m[1]);
  return m[2] ? `${from}-${strip(m[2])}` : from;
}

/** Every code token in a piece of text (parenthesised or not), with "X to Y" ranges. */
function scanTokens(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const from = strip(m[1]);
    found.push(m[2] ? `${from}-${strip(m[2])}` : from);
  }
  return found;
}

const inRange = (code: string, ref: string): boolean => {
  const [from, to] = ref.includes('-') ? ref.split('-') : [ref, ref];
  return code.slice(0, from.length) >= from && code.slice(0, to.length) <= to;
};
const undotted = (code: string): string => code.replace('.', '');
const ORDINALS: Readonly<Record<string, number>> = { '5th': 5, fifth: 5, '6th': 6, sixth: 6, '7th': 7, seventh: 7 };

/**
 * Qualified references: "(E08-E13 with .44)", "(E08-E13 with .51-.52)", "(B27.- with fifth character 2)",
 * "(F11-F19 with fifth to sixth characters 51)", "(I69. with final characters -23)". Returns the codes
 * of the FY2027 code set they name (billable codes, or headers for ".62-"), or undefined when the
 * qualifier is prose the code list cannot resolve.
 */
// Spine region words of ICD-10-CM titles ("…, thoracic region"): a qualified reference whose note names one
// keeps only the codes of that region (S23.0's "thoracic … (M51.- with fifth character 4)" is not M51.A4, whose
// fifth character 4 means lumbosacral).
const REGION_WORDS = ['occipito-atlanto-axial', 'cervicothoracic', 'cervical', 'thoracolumbar', 'thoracic', 'lumbosacral', 'lumbar', 'sacrococcygeal', 'sacral'];
const regionOf = (text: string): string | undefined => REGION_WORDS.find((w) => new RegExp(`\\b${w}\\b`, 'i').test(text));

function expandQualified(text: string, codes: readonly { code: string; billable: boolean; title: string }[], exists: ReadonlySet<string>): string[] | undefined {
  const m = /([A-Z][0-9A-Z]{2}(?:\.[0-9A-Z]{0,4})?\.?-?(?:\s*-\s*[A-Z][0-9A-Z]{2}(?:\.[0-9A-Z]{0,4})?)?)\s*with\s+(.+?)\)?$/.exec(text);
  if (!m) return undefined;
  const base = normalizeToken(m[1].replace(/\s+/g, ''));
  if (!base) return undefined;
  const qualifier = m[2].trim();
  const under = codes.filter((c) => inRange(c.code, base));
  let suffixes: RegExpExecArray | null;
  if ((suffixes = /^(\.[0-9A-Z]+)(-?)(?:-(\.[0-9A-Z]+))?$/.exec(qualifier))) {
    // "with .44": category + suffix, for each category of the range that has it.
    const categories = [...new Set(under.map((c) => c.code.slice(0, 3)))];
    const wanted = [suffixes[1], ...(suffixes[3] ? [suffixes[3]] : [])];
    const out = categories.flatMap((cat) => wanted.map((s) => `${cat}${s}`)).filter((c) => exists.has(c));
    return out.length > 0 ? out : undefined;
  }
  const position = /^(5th|fifth|6th|sixth|7th|seventh)[- ](?:to (?:sixth|6th) )?characters?\s+\.?([0-9A-Z]+)$/i.exec(qualifier);
  if (position) {
    const at = ORDINALS[position[1].toLowerCase()];
    const chars = position[2];
    const region = regionOf(text.slice(0, text.lastIndexOf('(')));
    const out = under.filter((c) => c.billable && undotted(c.code).slice(at - 1, at - 1 + chars.length) === chars)
      .filter((c) => !region || regionOf(c.title) === undefined || regionOf(c.title) === region).map((c) => c.code);
    return out.length > 0 ? out : undefined;
  }
  const final = /^final characters -([0-9A-Z]+)$/.exec(qualifier);
  if (final) {
    // "I69. with final characters -23": I69.x23, one character between the base and the final ones.
    const length = base.length + 2 + final[1].length;
    const out = under.filter((c) => c.billable && c.code.length === length && c.code.endsWith(final[1])).map((c) => c.code);
    return out.length > 0 ? out : undefined;
  }
  return undefined;
}

function locationOf(code: string): { at: string; label: string } {
  if (code.startsWith('Block ')) return { at: code.slice(6), label: code };
  if (code.startsWith('Chapter ')) {
    const range = CHAPTER_RANGES[code];
    if (!range) throw new Error(`no range for ${code}: add it to CHAPTER_RANGES`);
    return { at: range, label: `${code} (${range})` };
  }
  return { at: code, label: code };
}

/** The FY2027 rows, and how many source lines came with no parsed reference (the source README's "207"). */
function importFy2027(dir: string, fy2027: readonly { code: string; billable: boolean; title: string }[]): { rows: Row[]; unparsed: number } {
  const file = path.join(dir, 'icd10cm', 'excludes1-fy2027.csv');
  const records = readCsv(file);
  const exists = new Set(fy2027.map((c) => c.code));
  const rows: Row[] = records.map((r, i) => {
    const { at, label } = locationOf(r.code);
    const text = r.noteText;
    const source = r.referencedCodes.split('; ').filter(Boolean).map((t) => {
      const n = normalizeToken(t);
      if (!n) throw new Error(`line ${i + 2}: cannot read token "${t}"`);
      return n;
    });
    let how: How = 'parsed';
    let refs = [...source];
    if (/\bwith\s+(?:\.|\d|fifth|5th|6th|sixth|7th|seventh|final|open fracture|ketoacidosis)/i.test(text) && source.length === 0) {
      const expanded = expandQualified(text, fy2027, exists);
      if (expanded) { refs = expanded; how = 'expanded'; } else { how = 'unhandled'; }
    } else {
      // The source parser skips "D29.2.-", "M47.2.-", "(Z89.52-", codes outside parentheses and "X to Y";
      // a scanned token counts only when its codes exist in FY2027 (so "vitamin B12" is not a code).
      // With parsed references, only parentheses are read again ("any type in A15 (J65)" names J65 only).
      const known = (t: string) => t.split('-').every((c) => exists.has(c));
      const covered = (t: string) => t.split('-').every((c) => refs.some((s) => inRange(c, s)));
      const scanned = source.length > 0 ? [...text.matchAll(/\(([^)]*)\)?/g)].flatMap((m) => scanTokens(m[1])) : scanTokens(text);
      const missed = scanned.filter((t) => known(t) && !covered(t));
      if (missed.length > 0) { refs = [...refs, ...missed]; how = 'repaired'; }
      if (refs.length === 0) how = /:\s*$/.test(text) ? 'lead-in' : /\bcategories\b.*\bwith\b/.test(text) ? 'unhandled' : 'no-code';
    }
    return { at, label, title: r.codeTitle, text, refs: [...new Set(refs)], how };
  });
  return { rows, unparsed: records.filter((r) => r.referencedCodes === '').length };
}

function importFy2026(dir: string, fy2027Rows: readonly Row[]): { rows: Row[]; coverage: string[] } {
  const file = path.join(dir, 'icd10cm', 'tabular-notes-fy2026.json');
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    entries: { code: string; desc: string; kind: string; notes: Record<string, { text: string }[] | undefined> }[];
  };
  const rows: Row[] = [];
  for (const e of json.entries) {
    const lines = e.notes.excludes1 ?? [];
    if (lines.length === 0) continue;
    const code = e.code.startsWith('section:') ? `Block ${e.code.slice(8)}` : e.code.startsWith('chapter:') ? `Chapter ${e.code.slice(8)}` : e.code;
    const { at, label } = locationOf(code);
    const same = fy2027Rows.filter((r) => r.label === label);
    lines.forEach((line, i) => {
      // Shared/domain README: the FY2026 lines equal FY2027 line for line; the references are taken
      // from the FY2027 parse of the same line, and the importer stops if the texts ever differ.
      const twin = same[i];
      if (!twin || twin.text !== line.text) throw new Error(`FY2026 ${label} line ${i + 1} "${line.text}" differs from FY2027 "${twin?.text}"`);
      rows.push({ ...twin, at, label, title: e.desc, text: line.text });
    });
    if (same.length !== lines.length) throw new Error(`FY2026 ${label}: ${lines.length} lines, FY2027 ${same.length}`);
  }
  // The nodes the FY2026 excerpt holds completely (shared/domain/icd10cm/README.md): a location inside
  // them with no FY2026 line has no Excludes1 note in FY2026; anything else falls back to FY2027.
  const coverage = ['Chapter 13 (M00-M99)', 'Chapter 17 (Q00-Q99)', 'Block M40-M54', 'Block M40-M43', 'Block M45-M49', 'Block M50-M54', 'Block Q65-Q79', 'M40-M54', 'Q76', 'H54.51'];
  return { rows, coverage };
}

const dir = sourceDir();
const fy2027Codes = readTsv(path.join(dir, 'icd10cm', 'codes-fy2027.tsv')).map((r) => ({ code: r.code, billable: r.billable === '1', title: r.long_title }));
const { rows: rows2027, unparsed } = importFy2027(dir, fy2027Codes);
const countHow = (rows: readonly Row[]) => Object.fromEntries(Object.keys(HOW).map((h) => [h, rows.filter((r) => r.how === h).length]));
const toRow = (r: Row) => [r.at, r.label, r.title, r.text, r.refs, r.how];
const columns = ['at', 'label', 'title', 'text', 'refs', 'how'];
// Rows sorted by node (the loader searches the file in place); the block and chapter nodes, in tabular order, listed apart.
const rangeNodes = (rows: readonly Row[]) => [...new Set(rows.map((r) => r.at).filter((at) => at.includes('-')))];
const CAVEATS_2027 = [
  'Third-party mechanical parse of the CMS FY2027 tabular (makevision/icd10cm-open-data, CC0), copied verbatim into shared/domain; not downloaded from cms.gov.',
  `Of the ${unparsed} lines whose source has no parsed reference: lead-in headings, instructions without a code, repaired tokens and expanded qualifiers are handled; the lines marked "unhandled" are listed here and not checked (see "how").`,
  'Indented list items ("meningitis (in):" then "gonococcal (A54.81)") are separate lines; the item text does not repeat its heading.',
];
const head2027 = {
  id: 'icd10cm-excludes1-fy2027',
  kind: 'table',
  system: 'http://hl7.org/fhir/sid/icd-10-cm',
  title: 'ICD-10-CM FY2027 Tabular List: Excludes1 notes (all chapters)',
  version: 'FY2027',
  effective: { from: '2026-10-01', to: '2027-09-30' },
  source: {
    title: 'ICD-10-CM Tabular List of Diseases and Injuries FY2027, Excludes1 lines (makevision/icd10cm-open-data fy2027-excludes1.csv @ a8c1cae8)',
    file: 'shared/domain/icd10cm/excludes1-fy2027.csv',
    version: 'FY2027',
  },
  caveats: CAVEATS_2027,
  counts: { lines: rows2027.length, locations: new Set(rows2027.map((r) => r.label)).size, ...countHow(rows2027) },
  how: HOW,
  columns,
  rowsSortedBy: 'at',
  rangeNodes: rangeNodes(rows2027),
};
console.log(writeDataFile(head2027.id, head2027, rows2027.map(toRow)), head2027.counts);

const { rows: rows2026, coverage } = importFy2026(dir, rows2027);
const head2026 = {
  id: 'icd10cm-excludes1-fy2026',
  kind: 'table',
  system: 'http://hl7.org/fhir/sid/icd-10-cm',
  title: 'ICD-10-CM FY2026 Tabular List: Excludes1 notes, PARTIAL (M40-M54, Q76; chapter 13 and 17 headers; H54.51)',
  version: 'FY2026',
  effective: { from: '2025-10-01', to: '2026-09-30' },
  source: {
    title: 'ICD-10-CM Tabular List of Diseases and Injuries FY2026 (CDC tabular XML version 2026, excerpts)',
    file: 'shared/domain/icd10cm/tabular-notes-fy2026.json',
    version: 'FY2026',
  },
  caveats: [
    'Verbatim only for the nodes listed in "coverage"; each line equals the FY2027 line at the same node (checked by the importer).',
    'Outside "coverage" the FY2026 text is not available: the scrubber applies the FY2027 line to codes present in both code sets and says so in the finding ("FY2027 tabular; FY2026 text not available").',
    'The FY2021 full notes in shared/domain are outdated and are not used.',
  ],
  counts: { lines: rows2026.length, locations: new Set(rows2026.map((r) => r.label)).size },
  coverage,
  fallback: 'icd10cm-excludes1-fy2027',
  how: HOW,
  columns,
  rowsSortedBy: 'at',
  rangeNodes: rangeNodes(rows2026),
};
console.log(writeDataFile(head2026.id, head2026, rows2026.map(toRow)), head2026.counts);

// FY2025: no tabular text of that year is available here. The edition holds no line of its own and stands
// the FY2027 lines in for every node, applied only to codes present in both code sets and said so in each
// finding ("FY2027 tabular; FY2025 text not available"), so a textbook pair such as E09.9 + E11.9 is not passed silently.
const head2025 = {
  id: 'icd10cm-excludes1-fy2025',
  kind: 'table',
  system: 'http://hl7.org/fhir/sid/icd-10-cm',
  title: 'ICD-10-CM FY2025 Tabular List: Excludes1 notes, NOT AVAILABLE (FY2027 lines stand in)',
  version: 'FY2025',
  effective: { from: '2024-10-01', to: '2025-09-30' },
  source: {
    title: 'ICD-10-CM Tabular List of Diseases and Injuries FY2025 (text not available here; FY2027 lines stand in)',
    version: 'FY2025',
  },
  caveats: [
    'No FY2025 tabular text is available here: the scrubber applies the FY2027 Excludes1 lines to codes present in both the FY2025 and FY2027 code sets and says so in the finding ("FY2027 tabular; FY2025 text not available").',
    'A note added or removed between FY2025 and FY2027 is judged as in FY2027.',
  ],
  counts: { lines: 0, locations: 0 },
  coverage: [],
  fallback: 'icd10cm-excludes1-fy2027',
  how: HOW,
  columns,
};
console.log(writeDataFile(head2025.id, head2025, []), head2025.counts);
