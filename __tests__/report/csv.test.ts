import { parse } from 'csv-parse/sync';
import { CSV_COLUMNS, csvField, csvFormatter, csvRows } from '../../src/report/csv';
import { emptySummary } from '../../src/report/summary';
import { finding, rejected, scrubbed } from './fixtures';
import { runCli } from '../helpers/cli';

const rowsOf = (text: string): Record<string, string>[] => parse(text, { bom: true, columns: true, relaxColumnCount: false }) as Record<string, string>[];

describe('csvField (RFC 4180)', () => {
  it('quotes a field with a comma, quote, CR or LF, doubling its quotes; leaves others bare', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "M54.50"')).toBe('"say ""M54.50"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField(undefined)).toBe('');
    expect(csvField(0.85)).toBe('0.85');
  });
});

describe('the CSV formatter', () => {
  it('writes a BOM and a CRLF header, then one row per finding, per clean claim and per rejection problem', () => {
    const f = csvFormatter();
    const text = f.result(scrubbed('A', 0.99, [finding(), finding({ ruleId: 'x/y', severity: 'warning', message: 'a "quoted", multi\nline message', fix: undefined, denial: { risk: 0.1 } })]), { charge: 1604.91 })
      + f.result(scrubbed('B', 0, []), { charge: 145 })
      + f.result(rejected(3, '$.lines[0].units', 'positive number', 'C'))
      + f.end(emptySummary());
    expect(text.startsWith(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
    const rows = rowsOf(text);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatchObject({
      claim_id: 'A', file: 'batch.ndjson', line: '1', status: 'scrubbed', outcome: 'likely-denial', risk_score: '0.99', charge: '1604.91',
      rule_id: 'validity/header-code', severity: 'error', category: 'validity', evidence_path: '$.diagnoses[0]', evidence_code: 'M54.5',
      fix_action: 'replace', fix_code: 'M54.50', carc: 'CO-16', rarc: 'M81', sources: 'ICD-10-CM Official Guidelines, FY2026, I.B.3',
    });
    expect(rows[1]).toMatchObject({ rule_id: 'x/y', message: 'a "quoted", multi\nline message', fix_action: '', carc: '' });
    expect(rows[2]).toMatchObject({ claim_id: 'B', outcome: 'clean', risk_score: '0', charge: '145.00', rule_id: '', message: '' });
    expect(rows[3]).toMatchObject({ claim_id: 'C', status: 'rejected', outcome: '', severity: 'error', evidence_path: '$.lines[0].units', message: '$.lines[0].units is 0: expected positive number' });
  });

  it('an empty batch is the header alone', () => {
    expect(csvFormatter().end(emptySummary())).toBe(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`);
  });

  it('a cell that Excel would run as a formula is written as text', () => {
    const [row] = rowsOf(`${CSV_COLUMNS.join(',')}\r\n${csvRows(scrubbed('=HYPERLINK("http://x")', 0, []))}`);
    expect(row.claim_id).toBe('\'=HYPERLINK("http://x")');
  });
});

describe('claimscrub check --format csv', () => {
  it('accounts for every record of the samples: each result has at least one row', async () => {
    const { code, stdout } = await runCli(['check', 'samples/seed.ndjson', 'samples/seed.csv', '--format', 'csv']);
    expect(code).toBe(1);
    const rows = rowsOf(stdout);
    const records = new Set(rows.map((r) => `${r.file}:${r.line}`));
    expect(records.size).toBe(10); // 6 NDJSON lines + 4 CSV claims
    expect(rows.filter((r) => r.status === 'rejected').map((r) => `${r.file}:${r.line}`)).toEqual(expect.arrayContaining(['samples/seed.ndjson:5', 'samples/seed.ndjson:6']));
    expect(rows.find((r) => r.claim_id === 'CLM-1002')).toMatchObject({ outcome: 'clean', charge: '145.00', rule_id: '' });
  });
});
