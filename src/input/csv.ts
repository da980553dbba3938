import type { DecodeProblem } from '../claim/decode';
import { csvFields, csvRecordsOf, linesOf, NUL_MESSAGE, textOf } from './text';
import { type Chunks, decodeItem, DEFAULT_MAX_RECORD_LENGTH, type InputItem, numeric, problem, type ReadOptions, rejectedItem } from './types';

// The CSV layout of DESIGN §2.1: one row per service line, rows of a claim contiguous, claim-level
// columns read from the claim's first row. `icd_procedure_codes` (;-separated ICD-10-PCS) is our
// optional addition for institutional claims.
const CLAIM_COLUMNS = [
  'claim_type', 'service_date', 'admission_date', 'discharge_date', 'discharge_status', 'patient_birth_date',
  'patient_sex', 'payer_id', 'payer_type', 'diagnosis_codes', 'documentation', 'icd_procedure_codes',
] as const;
// Line columns: procedure_code, modifiers (;), units, charge, line_service_date, diagnosis_pointers (;).
export const REQUIRED = ['claim_id', 'claim_type', 'diagnosis_codes'];

/** Text that starts like JSON ([ or {): a file that is not CSV at all. */
export const looksLikeJson = (text: string): boolean => /^\s*[[{]/.test(text);

/** The column names of a header record, trimmed and lower-cased. */
export const csvHeader = (text: string): string[] => csvFields(text).map((h) => h.trim().toLowerCase());

// Where a claim-level column lands in the claim, for problems about rows that contradict the first row.
const CLAIM_PATHS: Record<(typeof CLAIM_COLUMNS)[number], string> = {
  claim_type: '$.type', service_date: '$.serviceDate', admission_date: '$.admissionDate', discharge_date: '$.dischargeDate',
  discharge_status: '$.dischargeStatus', patient_birth_date: '$.patient.birthDate', patient_sex: '$.patient.sex',
  payer_id: '$.payer.id', payer_type: '$.payer.type', diagnosis_codes: '$.diagnoses', documentation: '$.documentation',
  icd_procedure_codes: '$.procedures',
};

type Row = Readonly<Record<string, string>>;
interface Group { id: string; firstLine: number; record: number; rows: Row[]; problems: DecodeProblem[] }

// What Excel writes back when a user opens and saves the CSV (en-US): dates as 1/15/2026, amounts as
// "1,200.00" or $1,200.00. Read as the ISO date and the number they mean; anything else is left for the
// decoder to judge (2-digit years are ambiguous and stay a problem).
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const US_AMOUNT = /^\$?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/;
/** An Excel date (M/D/YYYY) as YYYY-MM-DD when it is a real date; other text unchanged. */
export function excelDate(cell: string | undefined): string | undefined {
  const m = cell === undefined ? null : US_DATE.exec(cell);
  if (!m) return cell;
  const [month, day, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return cell;
  return `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
/** An Excel amount ("1,200.00", "$95") as a number; other text through `numeric`. */
export function excelAmount(cell: string): number | string {
  const m = US_AMOUNT.exec(cell);
  return m ? Number(m[1].replace(/,/g, '') + (m[2] ?? '')) : numeric(cell);
}

const list = (cell: string | undefined): string[] => (cell ?? '').split(';').map((s) => s.trim()).filter(Boolean);

function claimOf(group: Group): Record<string, unknown> {
  const first = group.rows[0];
  const put = (target: Record<string, unknown>, key: string, cell: string | undefined) => { if (cell) target[key] = cell; };
  const claim: Record<string, unknown> = { id: group.id };
  put(claim, 'type', first.claim_type);
  put(claim, 'serviceDate', excelDate(first.service_date));
  put(claim, 'admissionDate', excelDate(first.admission_date));
  put(claim, 'dischargeDate', excelDate(first.discharge_date));
  put(claim, 'dischargeStatus', first.discharge_status);
  if (first.patient_birth_date || first.patient_sex) {
    claim.patient = {};
    put(claim.patient as Record<string, unknown>, 'birthDate', excelDate(first.patient_birth_date));
    put(claim.patient as Record<string, unknown>, 'sex', first.patient_sex);
  }
  if (first.payer_id || first.payer_type) {
    claim.payer = { id: first.payer_id ?? '' };
    put(claim.payer as Record<string, unknown>, 'type', first.payer_type);
  }
  claim.diagnoses = list(first.diagnosis_codes);
  if (first.icd_procedure_codes) claim.procedures = list(first.icd_procedure_codes).map((code) => ({ code }));
  put(claim, 'documentation', first.documentation);
  const lines = group.rows.filter((r) => r.procedure_code).map((r) => {
    const line: Record<string, unknown> = { procedureCode: r.procedure_code };
    if (r.modifiers) line.modifiers = list(r.modifiers);
    if (r.units) line.units = numeric(r.units);
    if (r.charge) line.charge = excelAmount(r.charge);
    put(line, 'serviceDate', excelDate(r.line_service_date));
    if (r.diagnosis_pointers) line.diagnosisPointers = list(r.diagnosis_pointers).map(numeric);
    return line;
  });
  if (lines.length > 0) claim.lines = lines;
  return claim;
}

function finish(group: Group, file: string | undefined): InputItem {
  const source = { file, line: group.firstLine, record: group.record };
  if (group.problems.length > 0) return rejectedItem(source, group.problems, group.id);
  return decodeItem(claimOf(group), source);
}

/** CSV, streamed: rows grouped into claims by contiguous claim_id; each claim is one record. Damage (a NUL,
 *  a stray quote, an over-long row) stays in its row's claim: the next row is read. */
export async function* readCsv(chunks: Chunks, options: ReadOptions = {}): AsyncGenerator<InputItem> {
  const file = options.file;
  const name = file ?? 'input';
  const maxLength = options.maxRecordLength ?? DEFAULT_MAX_RECORD_LENGTH;
  let header: string[] | undefined;
  let group: Group | undefined;
  let records = 0;
  for await (const rec of csvRecordsOf(linesOf(textOf(chunks, true), maxLength), maxLength)) {
    const lineNo = rec.number;
    if (rec.text === null) {
      // An over-long row: one rejection, and reading goes on with the next line.
      if (group) { yield finish(group, file); group = undefined; }
      records++;
      yield rejectedItem({ file, line: lineNo, record: records }, [problem('$', null, `a row of at most ${maxLength} characters`,
        `line ${lineNo} is ${rec.length} characters long, over the limit of ${maxLength}; it was not read`)]);
      continue;
    }
    if (rec.text.trim() === '') continue;
    if (!header) {
      if (looksLikeJson(rec.text)) {
        yield rejectedItem({ file, line: 1 }, [problem('$', null, 'CSV with a header row', `${name} looks like JSON, not CSV: use .json/.ndjson or --input-format`)]);
        return;
      }
      if (rec.text.includes('\u0000')) {
        yield rejectedItem({ file }, [problem('$', null, 'CSV text', `${name}: the header line ${NUL_MESSAGE}; no row could be read`)]);
        return;
      }
      header = csvHeader(rec.text);
      const missing = REQUIRED.filter((c) => !header!.includes(c));
      if (missing.length > 0) {
        yield rejectedItem({ file, line: 1 }, [problem('$', header.slice(0, 6).join(','), `a CSV header with ${REQUIRED.join(', ')}`,
          `${name}: the CSV header lacks ${missing.join(', ')}; no row could be read`)]);
        return;
      }
      // Columns the layout does not name are ignored: exports often carry extra fields.
      continue;
    }
    const record = csvFields(rec.text);
    const row: Record<string, string> = Object.create(null) as Record<string, string>;
    header.forEach((h, i) => { row[h] = record[i] ?? ''; });
    const rowProblems: DecodeProblem[] = [];
    if (rec.text.includes('\u0000')) rowProblems.push(problem('$', null, 'UTF-8 text', `line ${lineNo} ${NUL_MESSAGE}`));
    if (rec.strayQuote) rowProblems.push(problem('$', null, 'balanced quotes', `line ${lineNo} opens a quote that does not close within ${maxLength} characters: the row was read up to the end of its line`));
    if (record.length !== header.length) {
      rowProblems.push(problem('$', record.length, `${header.length} columns`, `line ${lineNo} has ${record.length} columns where the header has ${header.length}`));
    }
    const id = row.claim_id;
    if (!group || id !== group.id) {
      if (group) yield finish(group, file);
      records++;
      group = { id, firstLine: lineNo, record: records, rows: [row], problems: rowProblems };
      if (!id) group.problems.push(problem('$.id', '', 'non-empty string', `line ${lineNo} has no claim_id`));
      continue;
    }
    group.problems.push(...rowProblems);
    const first = group.rows[0];
    for (const column of CLAIM_COLUMNS) {
      if (row[column] && row[column] !== first[column] && excelDate(row[column]) !== excelDate(first[column])) {
        group.problems.push(problem(CLAIM_PATHS[column], row[column], `${JSON.stringify(first[column] ?? '')} as on line ${group.firstLine}`,
          `line ${lineNo} says ${column} ${JSON.stringify(row[column])} but the claim's first row (line ${group.firstLine}) says ${JSON.stringify(first[column] ?? '')}`));
      }
    }
    group.rows.push(row);
  }
  if (group) yield finish(group, file);
  if (!header) yield rejectedItem({ file }, [problem('$', '', 'a CSV header and rows', `${name} is empty`)]);
  else if (records === 0) yield rejectedItem({ file, line: 1 }, [problem('$', '', 'at least one row', `${name} has a header but no rows`)]);
}
