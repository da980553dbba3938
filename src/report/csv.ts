import type { Finding, ScrubResult } from '../scrub/result';
import { type Formatter, type LineFormat, lineFormatter } from './line-format';
import { expectedDenied, plainWords, type ResultContext } from './context';
import { carcText, sourceText } from './finding-text';

/** One row per finding, plus one row per clean claim and per rejection problem: every record shows up. */
export const CSV_COLUMNS = [
  'claim_id', 'file', 'line', 'status', 'payer', 'service_date', 'procedure_codes', 'outcome', 'risk_score', 'charge', 'expected_denied', 'drg',
  'rule_id', 'severity', 'category', 'message', 'evidence_path', 'evidence_code',
  'fix_action', 'fix_code', 'fix_description', 'carc', 'rarc', 'sources',
  'preset', 'as_of', 'rule_set', 'code_set',
] as const;
type Column = typeof CSV_COLUMNS[number];
type Row = Partial<Record<Column, string | number>>;

/** RFC 4180: a field with a comma, quote, CR or LF is quoted, and its quotes doubled. */
export function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// A text cell that starts like a formula runs as one in Excel (CSV injection, OWASP): a claim id comes
// from the input, so such cells get a leading apostrophe, which Excel shows as plain text.
const FORMULA_START = /^[=+\-@\t\r]/;
const text = (value: string | undefined): string | undefined => (value !== undefined && FORMULA_START.test(value) ? `'${value}` : value);

const row = (r: Row): string => `${CSV_COLUMNS.map((c) => csvField(typeof r[c] === 'number' ? r[c] : text(r[c] as string | undefined))).join(',')}\r\n`;

const round = (n: number, digits: number): number => Math.round(n * 10 ** digits) / 10 ** digits;

function findingColumns(f: Finding): Row {
  const carc = carcText(f.denial);
  return {
    rule_id: f.ruleId, severity: f.severity, category: f.category, message: f.message,
    evidence_path: f.evidence.map((e) => e.path).join('; '),
    evidence_code: f.evidence.flatMap((e) => (e.code ? [e.code] : [])).join('; '),
    fix_action: f.fix?.action, fix_code: f.fix?.code, fix_description: f.fix?.description,
    carc, rarc: (f.denial.rarc ?? []).join(' '),
    sources: f.sources.map(sourceText).join('; '),
  };
}

/** CSV rows for one result (no header). */
export function csvRows(r: ScrubResult, context: ResultContext = {}): string {
  const claim: Row = {
    claim_id: r.claimId, file: r.source?.file, line: r.source?.line ?? r.source?.record, status: r.status,
    payer: context.payer, service_date: context.serviceDate, procedure_codes: context.procedureCodes?.join(' '),
  };
  if (r.status === 'rejected') {
    // One row per problem: the record was not scrubbed, so its problems stand where findings would.
    if (r.problems.length === 0) return row({ ...claim, severity: 'error', message: 'rejected' });
    return r.problems.map((p) => row({ ...claim, severity: 'error', message: plainWords(p.message), evidence_path: p.path })).join('');
  }
  const scrubbed: Row = {
    ...claim, outcome: r.outcome, risk_score: round(r.riskScore, 4),
    ...(context.charge !== undefined ? { charge: context.charge.toFixed(2), expected_denied: expectedDenied(r, context.charge).toFixed(2) } : {}),
    // How the claim was judged: a what-if (as_of set) says so on every row.
    preset: r.ruleSet.preset, as_of: r.ruleSet.asOf, rule_set: r.ruleSet.version, code_set: r.ruleSet.codeSet,
    ...(r.drg?.drg ? { drg: r.drg.drg } : {}),
  };
  if (r.findings.length === 0) return row(scrubbed);
  return r.findings.map((f) => row({ ...scrubbed, ...findingColumns(f) })).join('');
}

/** The CSV formatter: a UTF-8 byte-order mark (so Excel reads UTF-8), a header, then rows as they come. */
/** CSV as a line format: the header row (with a BOM, for Excel), then each result's rows. */
export const CSV_LINES: LineFormat = { header: `\uFEFF${CSV_COLUMNS.join(',')}\r\n`, text: csvRows };

export const csvFormatter = (): Formatter => lineFormatter(CSV_LINES);
