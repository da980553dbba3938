/**
 * Imports the MS-DRG tables for DRG 551/552 (default v43, FY2026) from shared/domain/msdrg-<version> into
 * compact data files rules/data/msdrg-<version>-*.json. Usage:
 *   npx ts-node --transpile-only scripts/import-msdrg.ts [--source DIR]
 * Re-running reproduces the data files byte for byte. Codes are grouped (space-separated) by the
 * attributes that matter, so 54,000 procedure codes do not cost 54,000 JSON rows.
 *
 * The v44 (FY2027) tables are not in shared/domain: when CMS's v44 definitions are turned into the
 * same TSV layout (msdrg-v44/), run with `--version v44 --from 2026-10-01 --to 2027-09-30`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { argValue, readTsv, sourceDir, writeDataFile } from './lib/data-io';

const arg = (name: string, fallback: string): string => argValue(name) ?? fallback;

const VERSION = arg('--version', 'v43');
const FROM = arg('--from', '2025-10-01');
const TO = arg('--to', '2026-09-30');
const FY = `FY${TO.slice(0, 4)}`; // a grouper version's fiscal year ends on its `to` date
// What the v43 source files and their README establish (provenance, checks, the v43.1 update). Another
// version's import states only what its own folder's README says, never v43's facts.
const IS_V43 = VERSION === 'v43';
// v43.1 (April 2026) adds PCS codes; they apply to discharges from this date (msdrg-v43 README, "v43.1").
const MINOR_FROM = arg('--minor-from', IS_V43 ? '2026-04-01' : '');
const dir = path.join(sourceDir(), `msdrg-${VERSION}`);
const read = (name: string) => readTsv(path.join(dir, name));

const SOURCE_NOTE = !IS_V43 ? `CMS MS-DRG ${VERSION} grouper data; see shared/domain/msdrg-${VERSION}/README.md.` : 'CMS MS-DRG v43 Java grouper data (msdrg-binary-access-1.5.0.jar / msdrg-core-43.1.0.0.jar, GitHub Bedrock-Billing/mz-drg 4b594171) and Definitions Manual v43.0 text (GitHub yubin-park/drgpy 65e4a1a7); see shared/domain/msdrg-v43/README.md.';
const CAVEATS_COMMON = [
  'Scope: what decides DRG 551/552 (MDC 08 "Medical Back Problems"); not a general grouper.',
  IS_V43 ? 'Checked by the source against the CMS v43 grouper on 50,885 sample claims (table-driven prediction = grouper).'
    : `Not checked here against the CMS ${VERSION} grouper: compare with an oracle sample before relying on it.`,
];
const ifV43 = (caveat: string): string[] => (IS_V43 ? [caveat] : []);

function header(what: string, title: string, file: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: `msdrg-${VERSION}-${what}`,
    kind: 'table',
    title: `MS-DRG ${VERSION} ${title}`,
    version: `MS-DRG ${VERSION}`,
    effective: { from: FROM, to: TO },
    source: { title: `CMS ICD-10 MS-DRG ${VERSION} grouper tables (${FY})`, file: `shared/domain/msdrg-${VERSION}/${file}`, note: SOURCE_NOTE },
    ...extra,
  };
}

/** Groups codes by a key of attributes: one row per key, codes sorted and space-separated. */
function grouped(items: readonly { key: readonly (string | number)[]; code: string }[]): (string | number)[][] {
  const groups = new Map<string, { key: readonly (string | number)[]; codes: string[] }>();
  for (const { key, code } of items) {
    const k = JSON.stringify(key);
    const g = groups.get(k) ?? { key, codes: [] };
    g.codes.push(code);
    groups.set(k, g);
  }
  return [...groups.values()]
    .map((g) => [...g.key, [...g.codes].sort().join(' ')])
    .sort((a, b) => JSON.stringify(a.slice(0, -1)).localeCompare(JSON.stringify(b.slice(0, -1))));
}

function write(name: string, head: Record<string, unknown>, rows: readonly unknown[]): void {
  console.log(writeDataFile(name, head, rows), { rows: rows.length });
}

// 1. Principal diagnoses of DRG 551/552 (MDC 08 "PDX:dxc0808"), with the manual's titles.
const pdxRows = read('drg-551-552-pdx.tsv').map((r) => [r.code, r.title]).sort((a, b) => a[0].localeCompare(b[0]));
const pdxSet = new Set(pdxRows.map((r) => r[0]));
write(`msdrg-${VERSION}-pdx-551-552`, header('pdx-551-552', 'DRG 551/552 principal diagnoses', 'drg-551-552-pdx.tsv', {
  caveats: ifV43('Manual transcription and grouper category dxc0808 agree code for code (source README).'),
  counts: { codes: pdxRows.length },
  columns: ['code', 'title'],
}), pdxRows);

// 2. CC/MCC levels with their Appendix C Part 1 collection and the Part 2 "MCC only if alive" flag.
const severity = read('cc-mcc.tsv');
const part2 = new Set(read('appendix-c-part2-mcc-if-alive.tsv').map((r) => r.code));
const flagged = new Set(severity.filter((r) => r.mcc_only_if_alive === 'Y').map((r) => r.code));
if (part2.size !== flagged.size || [...part2].some((c) => !flagged.has(c))) throw new Error('Appendix C Part 2 file and cc-mcc.tsv flags disagree');
const severityRows = grouped(severity.map((r) => ({ key: [r.level, r.pdx_collection, r.mcc_only_if_alive === 'Y' ? 'Y' : ''] as const, code: r.code })));
write(`msdrg-${VERSION}-cc-mcc`, header('cc-mcc', 'CC/MCC levels, PDX-exclusion collections (Appendix C Part 1) and MCC-if-alive (Part 2)', 'cc-mcc.tsv', {
  caveats: [...CAVEATS_COMMON, 'Collection "none" = "No Excl" in Appendix C. Part 2 flag checked against appendix-c-part2-mcc-if-alive.tsv by the importer.'],
  counts: { codes: severity.length, cc: severity.filter((r) => r.level === 'CC').length, mcc: severity.filter((r) => r.level === 'MCC').length, mccIfAlive: part2.size },
  columns: ['level', 'pdx_collection', 'mcc_only_if_alive', 'codes'],
}), severityRows);

// 3. PDX-exclusion collections, restricted to their members on the 551/552 PDX list: only those can
// cancel a CC/MCC on a 551/552 claim (180,403 pairs → a few thousand).
const exclusions = read('pdx-exclusions.tsv').filter((r) => pdxSet.has(r.pdx_code));
const exclusionRows = grouped(exclusions.map((r) => ({ key: [r.pdx_collection] as const, code: r.pdx_code })));
write(`msdrg-${VERSION}-pdx-exclusions`, header('pdx-exclusions', 'PDX-exclusion collections (Appendix C Part 1), members on the 551/552 PDX list', 'pdx-exclusions.tsv', {
  caveats: [...CAVEATS_COMMON, 'Only collection members that are DRG 551/552 principal diagnoses are kept; for any other PDX use the full source table.'],
  counts: { collections: exclusionRows.length, pairs: exclusions.length },
  columns: ['pdx_collection', 'pdx_codes'],
}), exclusionRows);

// 4. Procedures that take a 551/552 claim out of 551/552 on their own (every O.R. code and the pre-MDC
// non-O.R. codes: family other than 551). Other PCS codes do nothing in MDC 08.
const procedures = [
  ...read('procedures-or.tsv').map((r): Record<string, string> => ({ ...r, from: FROM })),
  ...(MINOR_FROM && fs.existsSync(path.join(dir, 'procedures-or-v431-added.tsv')) ? read('procedures-or-v431-added.tsv').map((r): Record<string, string> => ({ ...r, from: MINOR_FROM })) : []),
];
const leaving = procedures.filter((r) => r.family !== '551');
const procedureRows = grouped(leaving.map((r) => ({ key: [r.mdc_alone, Number(r.family), r.or_list, r.from] as const, code: r.code })));
write(`msdrg-${VERSION}-procedures`, header('procedures', 'procedures that move a DRG 551/552 claim out of 551/552', 'procedures-or.tsv', {
  caveats: [
    ...CAVEATS_COMMON,
    'family = base DRG of a 551/552 claim with this code as its only procedure; with several procedures the grouper\'s formulas (drg-formulas.tsv) decide the exact DRG.',
    ...ifV43('Rows from procedures-or-v431-added.tsv apply from 2026-04-01 (v43.1); v43.1 deletions (30233AZ, 30243AZ) are not removed.'),
  ],
  counts: { codes: leaving.length, or: leaving.filter((r) => r.or === 'Y').length, preMdcNonOr: leaving.filter((r) => r.or === 'N').length },
  columns: ['mdc_alone', 'family', 'or_list', 'from', 'codes'],
}), procedureRows);

// 5. Procedure clusters that change whether the claim stays in 551/552: a cluster that keeps it medical
// although a component is O.R. (biliary stent exchange), or one whose components can all be harmless
// alone but together are O.R.
const leaves = new Set(leaving.map((r) => r.code));
const clusters = read('procedure-clusters-mdc08.tsv').filter((r) => {
  const choices = r.choices.split(' + ').map((c) => c.split('|'));
  return r.family === '551' ? choices.some((c) => c.some((code) => leaves.has(code))) : choices.every((c) => c.some((code) => !leaves.has(code)));
});
const clusterRows = clusters.map((r) => [r.cluster, Number(r.family), r.suppression_mdcs, r.choices]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
write(`msdrg-${VERSION}-clusters`, header('clusters', 'procedure clusters that decide whether a claim stays in 551/552', 'procedure-clusters-mdc08.tsv', {
  caveats: [...CAVEATS_COMMON, IS_V43 ? 'Only clusters that change stay/leave are kept; the 68 clusters new in v43.1 are not in the source.' : 'Only clusters that change stay/leave are kept.'],
  counts: { clusters: clusterRows.length },
  columns: ['cluster', 'family', 'suppression_mdcs', 'choices'],
}), clusterRows);

// 6. Multiple significant trauma (pre-MDC rank 21 "PDX:strauma & MULTST" → MDC 24).
const trauma = read('significant-trauma.tsv');
const traumaRows = grouped([
  ...trauma.filter((r) => r.strauma === 'Y' && r.pdx_551_552 === 'Y').map((r) => ({ key: ['strauma-pdx', ''] as const, code: r.code })),
  ...trauma.filter((r) => r.body_site !== '').map((r) => ({ key: ['body-site', r.body_site] as const, code: r.code })),
]);
write(`msdrg-${VERSION}-trauma`, header('trauma', 'significant-trauma principal diagnoses (551/552 list) and body sites', 'significant-trauma.tsv', {
  caveats: [...CAVEATS_COMMON, 'strauma-pdx: only the significant-trauma codes on the 551/552 PDX list.'],
  counts: { straumaPdx: trauma.filter((r) => r.strauma === 'Y' && r.pdx_551_552 === 'Y').length, withBodySite: trauma.filter((r) => r.body_site !== '').length },
  columns: ['attribute', 'value', 'codes'],
}), traumaRows);

// 7. Hospital-acquired conditions and the procedures some of them need.
const hac = read('hac.tsv');
const hacRows = grouped(hac.map((r) => ({ key: [r.hac, r.role, r.level, r.needs_procedure, r.hac_title] as const, code: r.code })));
const hacProcedures = [
  ...read('hac-procedures.tsv').flatMap((r) => r.hac.split(';').map((h) => ({ key: [h, FROM] as const, code: r.code }))),
  ...procedures.filter((r) => r.from === MINOR_FROM && r.hac_proc).flatMap((r) => r.hac_proc.split(';').map((h) => ({ key: [h, MINOR_FROM] as const, code: r.code }))),
];
write(`msdrg-${VERSION}-hac`, header('hac', 'hospital-acquired-condition diagnoses', 'hac.tsv', {
  caveats: [...CAVEATS_COMMON, 'Applies to hospitals that are not POA-exempt. hac = category numbers, ";"-separated (K68.11 is in 11, 12 and 13).'],
  counts: { diagnoses: hac.length },
  columns: ['hac', 'role', 'level', 'needs_procedure', 'title', 'codes'],
}), hacRows);
write(`msdrg-${VERSION}-hac-procedures`, header('hac-procedures', 'procedures that HACs 08, 10-14 require', 'hac-procedures.tsv', {
  caveats: [...CAVEATS_COMMON, ...ifV43('Rows dated 2026-04-01 are the v43.1 HAC-13 additions (procedures-or-v431-added.tsv).')],
  counts: { pairs: hacProcedures.length },
  columns: ['hac', 'from', 'codes'],
}), grouped(hacProcedures));

// 8. DRG titles (grouper formulas of pre-MDC, MDC 08, MDC 24 and 981-989) and the 551/552 weights.
const weights = new Map(read(`drg-weights-${FY.toLowerCase()}.tsv`).map((r) => [Number(r.drg), r]));
const titles = new Map<number, (string | number | null)[]>();
for (const r of read('drg-formulas.tsv')) {
  const drg = Number(r.drg);
  if (drg === 0 || titles.has(drg)) continue;
  const w = weights.get(drg);
  titles.set(drg, [drg, r.mdc === '00' ? 'pre' : r.mdc, w ? w.title : r.drg_title, w ? Number(w.relative_weight) : null, w ? Number(w.gmlos) : null]);
}
const drgRows = [...titles.values()].sort((a, b) => Number(a[0]) - Number(b[0]));
write(`msdrg-${VERSION}-drgs`, header('drgs', `DRG titles (pre-MDC, MDC 08, MDC 24, 981-989) and ${FY} weights of 551/552`, 'drg-formulas.tsv', {
  caveats: IS_V43
    ? ['Titles are the grouper\'s DRG titles. Weight and GMLOS of 551/552 from one transcription (VistA DRG Grouper patch ICD*18.0*125, FY2026), not checked against Table 5; other weights not loaded.']
    : [`Titles are the grouper's DRG titles; weights and GMLOS from drg-weights-${FY.toLowerCase()}.tsv (see its README).`],
  counts: { drgs: drgRows.length },
  columns: ['drg', 'mdc', 'title', 'weight', 'gmlos'],
}), drgRows);
