/**
 * Imports the ICD-10-CM code sets (one per fiscal year) and the retired-code history from the
 * official-derived files in shared/domain/icd10cm into rules/data/. Usage:
 *   npx ts-node --transpile-only scripts/import-icd10cm.ts [--source DIR]
 * Re-running reproduces the data files byte for byte.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { dataDir, readCsv, readTsv, sourceDir, writeDataFile } from './lib/data-io';

const FISCAL_YEARS = [2025, 2026, 2027];

// Carried from shared/domain/icd10cm/README.md, "What is NOT verified / known gaps".
const CAVEATS = [
  'Assembled from public copies of CMS/CDC files, not downloaded from cdc.gov/cms.gov; counts equal the official totals.',
  'Header (non-billable) codes are derived from the billable set (every proper prefix), not read from an order file; the derivation reproduced all FY2021 headers.',
  'Billable long titles are the CMS code-descriptions wording; many header titles are FY2021 order-file wording; 217 header titles are blank.',
  'No order numbers; short titles are not shipped.',
];

function importCodeSet(dir: string, fy: number): void {
  const file = path.join(dir, 'icd10cm', `codes-fy${fy}.tsv`);
  if (!fs.existsSync(file)) { console.log(`skip FY${fy}: ${file} not present`); return; }
  const rows = readTsv(file).map((r) => [r.code, Number(r.billable), r.long_title] as [string, number, string])
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const billable = rows.filter((r) => r[1] === 1).length;
  const header = {
    id: `icd10cm-fy${fy}`,
    kind: 'code-set',
    system: 'http://hl7.org/fhir/sid/icd-10-cm',
    title: `ICD-10-CM FY${fy}`,
    version: `FY${fy}`,
    effective: { from: `${fy - 1}-10-01`, to: `${fy}-09-30` },
    source: {
      title: `ICD-10-CM FY${fy} code set (CMS/CDC; billable codes from the CMS code descriptions, headers derived)`,
      file: `shared/domain/icd10cm/codes-fy${fy}.tsv`,
      note: fy === 2027
        ? 'FY2026 code set plus the official FY2027 change lists (third-party mechanical parse of the CMS FY2027 files, makevision/icd10cm-open-data, CC0).'
        : 'DiseaseNeuroGenomics/phecoder icd_info.parquet (CMS code descriptions 2021-2026); see shared/domain/icd10cm/README.md.',
    },
    caveats: fy === 2025 ? [...CAVEATS, 'FY2025 long titles of continuing codes are the FY2026 wording.'] : CAVEATS,
    counts: { entries: rows.length, billable, headers: rows.length - billable },
    columns: ['code', 'billable', 'title'],
    // The rows live in a sidecar (one `code<TAB>billable<TAB>title` line each, in code order): the scrubber
    // reads it the first time a claim of this fiscal year needs it and looks codes up without parsing it.
    rowsFile: `icd10cm-fy${fy}.tsv`,
  };
  if (rows.some((r) => /[\t\n]/.test(r[2]))) throw new Error(`FY${fy}: a title holds a tab or a line end`);
  fs.writeFileSync(path.join(dataDir(), header.rowsFile), rows.map((r) => r.join('\t')).join('\n') + '\n');
  console.log(writeDataFile(`icd10cm-fy${fy}`, header), header.counts);
}

function importRetired(dir: string): void {
  const file = path.join(dir, 'icd10cm', 'retired-codes-fy2016-fy2027.csv');
  if (!fs.existsSync(file)) return;
  const records = readCsv(file);
  const rows = records.map((r) => [r.codeDotted, r.status, Number(r.firstBillableFy), Number(r.lastBillableFy), r.longTitle]);
  const header = {
    id: 'icd10cm-retired-fy2016-fy2027',
    kind: 'table',
    system: 'http://hl7.org/fhir/sid/icd-10-cm',
    title: 'ICD-10-CM codes once billable (FY2016-FY2027) and not billable in FY2027',
    version: 'FY2016-FY2027',
    effective: { from: '2015-10-01', to: '2027-09-30' },
    source: {
      title: 'ICD-10-CM retired codes FY2016-FY2027 (third-party mechanical parse of CMS files, makevision/icd10cm-open-data, CC0)',
      file: 'shared/domain/icd10cm/retired-codes-fy2016-fy2027.csv',
    },
    caveats: ['Lifespans agree with the FY2025-FY2027 code sets for all listed codes; status is as of FY2027.'],
    columns: ['code', 'status', 'firstBillableFy', 'lastBillableFy', 'title'],
    rowsSortedBy: 'code', // a claim's code outside its code set is looked up in place
  };
  console.log(writeDataFile(header.id, header, rows), { rows: rows.length });
}

const dir = sourceDir();
for (const fy of FISCAL_YEARS) importCodeSet(dir, fy);
importRetired(dir);
