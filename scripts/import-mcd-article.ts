/**
 * Imports one billing article from the CMS Medicare Coverage Database download
 * (current_article_csv.zip, unzipped) into rules/data/mcd-article-a<id>-v<version>.json, the format the
 * rule medical-necessity/lcd-diagnosis-support reads. Usage:
 *   npx ts-node --transpile-only scripts/import-mcd-article.ts --dir DIR --article 59668 [--version 25]
 *     [--effective 2024-08-11] [--lcd L39793 --lcd-version 47] [--contractor NAME] [--payer medicare]
 *
 * Files read (MCD export columns):
 *   article_x_hcpc_code.csv           article_id, article_version, hcpc_code_id, hcpc_code_group, …  (required)
 *   article_x_icd10_covered.csv       article_id, article_version, icd10_code_id, icd10_covered_group, description, …  (required)
 *   article_x_icd10_covered_group.csv article_id, article_version, icd10_covered_group, paragraph  (optional)
 *   article_x_icd10_noncovered.csv    article_id, article_version, icd10_code_id, icd10_noncovered_group, description  (optional)
 *   article.csv                       article_id, article_version, title, article_eff_date, article_end_date  (optional)
 *   article_related_documents.csv     article_id, article_version, r_lcd_id, r_lcd_version  (optional)
 * CPT descriptors (hcpc long/short_description) are AMA content and are NOT copied. Re-running
 * reproduces the file byte for byte.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { argValue, writeDataFile } from './lib/data-io';

export interface McdImportOptions {
  readonly article: string;          // "59668" or "A59668"
  readonly version?: number;         // default: the highest version in the export
  readonly effective?: string;       // YYYY-MM-DD; default: article.csv article_eff_date
  readonly lcd?: string;             // "L39793"; default: article_related_documents.csv
  readonly lcdVersion?: number;
  readonly contractor?: string;
  readonly payerTypes?: readonly string[];
}

type Row = Record<string, string>;

function readCsv(dir: string, name: string, required: boolean): Row[] {
  const file = path.join(dir, name);
  if (!fs.existsSync(file)) {
    if (required) throw new Error(`${file} not found (unzip current_article_csv.zip into ${dir})`);
    return [];
  }
  // The MCD export is Windows-1252 in places; latin1 keeps every byte, and codes are ASCII.
  return parse(fs.readFileSync(file, 'latin1'), { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as Row[];
}

/** MM/DD/YYYY or YYYY-MM-DD[ time] → YYYY-MM-DD. */
function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(value);
  if (us) return `${us[3]}-${us[1].padStart(2, '0')}-${us[2].padStart(2, '0')}`;
  return /^\d{4}-\d{2}-\d{2}/.exec(value)?.[0];
}

const plain = (html: string): string => html.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
const dotted = (code: string): string => { const c = code.replace('.', '').toUpperCase(); return c.length > 3 ? `${c.slice(0, 3)}.${c.slice(3)}` : c; };
const byGroupThenCode = (a: readonly string[], b: readonly string[]) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1], 'en', { numeric: true }) || a[2].localeCompare(b[2]);

/** Builds the data file of one article from an MCD export folder (pure apart from reading the CSVs). */
export function importMcdArticle(dir: string, options: McdImportOptions): { header: Record<string, unknown>; rows: string[][] } {
  const articleId = options.article.replace(/^A/i, '');
  const mine = (rows: Row[]) => rows.filter((r) => r.article_id === articleId);
  const hcpc = mine(readCsv(dir, 'article_x_hcpc_code.csv', true));
  const covered = mine(readCsv(dir, 'article_x_icd10_covered.csv', true));
  const versions = [...hcpc, ...covered].map((r) => Number(r.article_version));
  if (versions.length === 0) throw new Error(`article ${articleId} is not in the export at ${dir}`);
  const version = options.version ?? Math.max(...versions);
  const atVersion = (rows: Row[]) => rows.filter((r) => Number(r.article_version) === version);
  const info = atVersion(mine(readCsv(dir, 'article.csv', false)))[0];
  const related = atVersion(mine(readCsv(dir, 'article_related_documents.csv', false))).find((r) => r.r_lcd_id);
  const effective = options.effective ?? isoDate(info?.article_eff_date);
  if (!effective) throw new Error('no effective date: pass --effective YYYY-MM-DD or provide article.csv');
  const end = isoDate(info?.article_end_date);
  const lcdId = options.lcd ?? (related ? `L${related.r_lcd_id}` : undefined);
  const lcdVersion = options.lcdVersion ?? (related?.r_lcd_version ? Number(related.r_lcd_version) : undefined);

  const rows: string[][] = [
    ...atVersion(hcpc).map((r) => ['procedure', r.hcpc_code_group ?? '', r.hcpc_code_id.toUpperCase(), '', 'official']),
    ...atVersion(covered).map((r) => ['diagnosis', r.icd10_covered_group ?? '', dotted(r.icd10_code_id), r.description ?? '', 'official']),
    ...atVersion(mine(readCsv(dir, 'article_x_icd10_noncovered.csv', false))).map((r) => ['diagnosis-noncovered', r.icd10_noncovered_group ?? '', dotted(r.icd10_code_id), r.description ?? '', 'official']),
  ].sort(byGroupThenCode);
  const unique = rows.filter((r, i) => i === 0 || r.join('\t') !== rows[i - 1].join('\t'));
  const paragraphs = atVersion(mine(readCsv(dir, 'article_x_icd10_covered_group.csv', false)))
    .sort((a, b) => Number(a.icd10_covered_group) - Number(b.icd10_covered_group));
  const diagnosisGroups = [...new Set(unique.filter((r) => r[0] === 'diagnosis').map((r) => r[1]))];
  const title = info?.title ?? `Article A${articleId}`;
  const url = `https://www.cms.gov/medicare-coverage-database/view/article.aspx?articleid=${articleId}&ver=${version}`;
  const header = {
    id: `mcd-article-a${articleId}-v${version}`,
    kind: 'table',
    system: 'https://www.cms.gov/medicare-coverage-database',
    title: `A${articleId} ${title} v${version}`,
    version: `A${articleId} v${version}`,
    effective: { from: effective, ...(end ? { to: end } : {}) },
    source: { title: 'CMS Medicare Coverage Database download (current_article_csv.zip)', file: path.basename(dir), url },
    caveats: ['Every covered group is treated as sufficient on its own; dual-diagnosis instructions in group paragraphs are carried, not enforced.'],
    counts: { procedures: unique.filter((r) => r[0] === 'procedure').length, diagnoses: unique.filter((r) => r[0] === 'diagnosis').length, noncovered: unique.filter((r) => r[0] === 'diagnosis-noncovered').length },
    article: {
      id: `A${articleId}`, version, title, payerTypes: options.payerTypes ?? ['medicare'], derived: false,
      ...(options.contractor ? { contractor: options.contractor } : {}), url,
      ...(lcdId ? { lcd: { id: lcdId, ...(lcdVersion !== undefined ? { version: lcdVersion } : {}), url: `https://www.cms.gov/medicare-coverage-database/view/lcd.aspx?lcdid=${lcdId.replace(/^L/, '')}${lcdVersion !== undefined ? `&ver=${lcdVersion}` : ''}` } } : {}),
      groups: diagnosisGroups.map((group) => {
        const paragraph = plain(paragraphs.find((p) => p.icd10_covered_group === group)?.paragraph ?? '');
        return { kind: 'diagnosis', group, title: paragraph ? paragraph.split(/(?<=\.)\s/)[0].slice(0, 160) : `Group ${group}`, ...(paragraph ? { paragraph } : {}), derived: false };
      }),
    },
    columns: ['kind', 'group', 'code', 'title', 'status'],
  };
  return { header, rows: unique };
}

if (require.main === module) {
  const dir = argValue('--dir');
  const article = argValue('--article');
  if (!dir || !article) {
    console.error('usage: import-mcd-article.ts --dir DIR --article 59668 [--version N] [--effective YYYY-MM-DD] [--lcd L39793 --lcd-version 47] [--contractor NAME] [--payer medicare]');
    process.exit(2);
  }
  const num = (s: string | undefined) => (s === undefined ? undefined : Number(s));
  const { header, rows } = importMcdArticle(path.resolve(dir), {
    article, version: num(argValue('--version')), effective: argValue('--effective'), lcd: argValue('--lcd'), lcdVersion: num(argValue('--lcd-version')),
    contractor: argValue('--contractor'), payerTypes: argValue('--payer') ? [argValue('--payer')!] : undefined,
  });
  console.log(writeDataFile(String(header.id), header, rows), header.counts);
}
