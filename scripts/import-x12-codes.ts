/**
 * Imports the X12 CARC/RARC lists and the payer denial mappings (shared/domain/x12-codes) into
 * rules/data/. Rules cite a mapping by its id; the catalog test checks their CARC/RARC against it.
 *   npx ts-node --transpile-only scripts/import-x12-codes.ts [--source DIR]
 */
import * as path from 'node:path';
import { readTsv, sourceDir, writeDataFile } from './lib/data-io';

const dir = path.join(sourceDir(), 'x12-codes');
const listSource = {
  title: 'X12 code lists (x12.org, retrieved 2026-08-17 via a machine-ingested copy; dates from a 2016 WPC snapshot)',
  file: 'shared/domain/x12-codes/',
};

for (const kind of ['carc', 'rarc'] as const) {
  const rows = readTsv(path.join(dir, `${kind}.tsv`)).map((r) => [r.code, r['status_x12_2026-08-17'], r['description_x12_2026-08-17']]);
  writeDataFile(`x12-${kind}`, {
    id: `x12-${kind}`, kind: 'table',
    title: kind === 'carc' ? 'Claim Adjustment Reason Codes' : 'Remittance Advice Remark Codes',
    version: '2026-08-17', effective: { from: '1995-01-01' },
    source: { ...listSource, file: `shared/domain/x12-codes/${kind}.tsv` },
    columns: ['code', 'status', 'description'],
    rowsSortedBy: 'code', // a rule's citation looks its codes up in place (scrubber start-up)
  }, rows);
}

const seen = new Map<string, number>();
const mappings = readTsv(path.join(dir, 'denial-mappings.tsv')).map((r) => {
  const scenario = r.scenario.split(' (')[0];
  const rarcs = r.rarc.match(/\b(?:M|MA|N)\d+\b/g) ?? [];
  const codes = [r.group_code.split(' ')[0].replace('/', '|'), r.carc].filter(Boolean).join('-');
  const key = [scenario, [codes, rarcs[0]].filter(Boolean).join('+')].filter(Boolean).join('/');
  const n = (seen.get(key) ?? 0) + 1;
  seen.set(key, n);
  const id = n === 1 ? key : `${key}#${n}`; // the same codes from a second payer source
  return [id, r.scenario, r.group_code, r.carc, rarcs.join(';'), r.payer_or_source, r.source_url, r.source_date, r.status];
});
const ids = new Set(mappings.map((m) => m[0]));
if (ids.size !== mappings.length) throw new Error('denial mapping ids are not unique');
writeDataFile('x12-denial-mappings', {
  id: 'x12-denial-mappings', kind: 'table',
  title: 'Payer usage of CARC/RARC for the scrubber\'s edits, with sources and verification status',
  version: '2026-08', effective: { from: '2009-01-01' },
  source: { title: 'claimscrub research notes on payer denial pages (see url and status per row)', file: 'shared/domain/x12-codes/denial-mappings.tsv' },
  columns: ['id', 'scenario', 'group', 'carc', 'rarc', 'source', 'url', 'sourceDate', 'status'],
}, mappings);
console.log([...ids].join('\n'));
