/**
 * Imports the ICD-10-CM Tabular List order: the order of the categories, and of the children of every
 * node whose tabular order is not the plain character order (0-9 then A-Z), from the FY2021 tabular XML
 * (shared/domain/icd10cm/tabular-notes-fy2021-full.json: every node, in the XML's order). Usage:
 *   npm run import:icd10cm-order -- [--source DIR]
 * Re-running reproduces rules/data/icd10cm-tabular-order.json byte for byte.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { sourceDir, writeDataFile } from './lib/data-io';

interface Entry { readonly code: string; readonly parent: string | null; readonly kind: string }

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const file = path.join(sourceDir(), 'icd10cm', 'tabular-notes-fy2021-full.json');
const entries = (JSON.parse(fs.readFileSync(file, 'utf8')) as { entries: Entry[] }).entries
  .filter((e) => e.kind === 'category' || e.kind === 'node');

const categories = entries.filter((e) => e.kind === 'category').map((e) => e.code);
const children = new Map<string, string[]>();
for (const e of entries) {
  if (e.kind !== 'node' || !e.parent) continue;
  const list = children.get(e.parent) ?? [];
  list.push(e.code.slice(-1));
  children.set(e.parent, list);
}
const rank = (c: string) => ALPHABET.indexOf(c);
// Only the nodes whose children the tabular orders otherwise than 0-9, A-Z (e.g. Y93: 0-7, A-K, then 8, 9).
const exceptions = [...children].filter(([, list]) => list.some((c, i) => i > 0 && rank(c) < rank(list[i - 1])));

const rows: [string, string][] = [['', categories.join(';')], ...exceptions.map(([parent, list]) => [parent, list.join(';')] as [string, string])];
const header = {
  id: 'icd10cm-tabular-order',
  kind: 'table',
  system: 'http://hl7.org/fhir/sid/icd-10-cm',
  title: 'ICD-10-CM Tabular List order: categories, and children ordered otherwise than 0-9 then A-Z',
  version: 'FY2021',
  effective: { from: '2015-10-01' },
  source: {
    title: 'ICD-10-CM Tabular List FY2021 (CDC icd10cm_tabular_2021.xml, order of its nodes)',
    file: 'shared/domain/icd10cm/tabular-notes-fy2021-full.json',
    note: 'No order file of FY2025-FY2027 is available here; the FY2021 tabular is the newest complete one.',
  },
  caveats: [
    'FY2021 order. Categories added since (I1A, I5A, J4A, J4B, K6A, QA0, QA1, ...) are placed by character order among the listed ones, which puts each letter category after the last numeric category below it (I1A after I16, I5A after I52, J4A after J47).',
    'Children are listed only where the tabular order differs from 0-9 then A-Z (e.g. Y93.A-Y93.K before Y93.8 and Y93.9); elsewhere character order is the tabular order.',
  ],
  counts: { categories: categories.length, exceptions: exceptions.length },
  columns: ['parent', 'order'],
};
console.log(writeDataFile(header.id, header, rows), header.counts);
