/**
 * Builds rules/data/mcd-article-a59668-v25-derived.json: Novitas billing article A59668 "Billing and
 * Coding: Cervical Fusion" v25 (LCD L39793 v47), with diagnosis groups DERIVED from the LCD's three
 * indications, because the article's own ICD-10-CM list could not be obtained
 * (shared/domain/lcd-a59668/README.md). Usage:
 *   npx ts-node --transpile-only scripts/derive-a59668.ts [--source DIR]
 * Re-running reproduces the file byte for byte. When the MCD export is available, import the real
 * article with scripts/import-mcd-article.ts instead; the loader then prefers it over this file.
 *
 * The derivation: each LCD indication → ICD-10-CM code families (below), expanded against the FY2026
 * code set (billable codes only, titles from the code set), optionally narrowed by the region in the
 * title (cervical, cervicothoracic, occipito-atlanto-axial) or by the 7th character.
 */
import * as path from 'node:path';
import { readTsv, sourceDir, writeDataFile } from './lib/data-io';

interface Family { readonly prefix: string; readonly title?: RegExp; readonly seventh?: string; readonly topic: string }
interface DerivedGroup { readonly group: string; readonly title: string; readonly indication: string; readonly families: readonly Family[] }

// ICD-10-CM regions of the cervical spine as the tabular names them (DESIGN §4.2: 1, 2, 3 of the region digit).
const CERVICAL = /\b(cervical|cervicothoracic|occipito-atlanto-axial)\b/i;

const GROUPS: readonly DerivedGroup[] = [
  {
    group: '1',
    title: 'LCD indication 1: symptomatic cervical nerve-root impingement (radiculopathy)',
    indication: 'L39793 indication 1: decompression of symptomatic cervical nerve root impingement (arm pain, nerve compression, imaging of central, lateral-recess or foraminal stenosis at the level).',
    families: [
      { prefix: 'M50.1', topic: 'cervical disc disorder with radiculopathy' },
      { prefix: 'M54.1', title: CERVICAL, topic: 'radiculopathy, cervical regions' },
      { prefix: 'M47.2', title: CERVICAL, topic: 'spondylosis with radiculopathy, cervical regions' },
      { prefix: 'M99.6', title: CERVICAL, topic: 'foraminal stenosis, cervical' },
      { prefix: 'M99.7', title: CERVICAL, topic: 'foraminal stenosis, cervical' },
    ],
  },
  {
    group: '2',
    title: 'LCD indication 2: symptomatic cervical canal stenosis (myelopathy)',
    indication: 'L39793 indication 2: decompression of symptomatic cervical canal stenosis (myelopathy or myeloradiculopathy). Asymptomatic myelopathy is not covered.',
    families: [
      { prefix: 'M50.0', topic: 'cervical disc disorder with myelopathy' },
      { prefix: 'M47.1', title: CERVICAL, topic: 'spondylosis with myelopathy, cervical regions' },
      { prefix: 'M48.0', title: CERVICAL, topic: 'spinal stenosis, cervical regions' },
      { prefix: 'M99.3', title: CERVICAL, topic: 'canal stenosis, cervical' },
      { prefix: 'M99.4', title: CERVICAL, topic: 'canal stenosis, cervical' },
      { prefix: 'M99.5', title: CERVICAL, topic: 'canal stenosis, cervical' },
      { prefix: 'G95.2', topic: 'cord compression' },
      { prefix: 'G99.2', topic: 'myelopathy in diseases classified elsewhere' },
    ],
  },
  {
    group: '3',
    title: 'LCD indication 3: trauma, tumour, infection, deformity or instability of the cervical spine',
    indication: 'L39793 indication 3: decompression or stabilization of the cervical spine for traumatic injury, spinal tumour, infection, or deformity (including instability: translation > 3.5 mm or angulation > 11 degrees).',
    families: [
      { prefix: 'S12.', title: /vertebra/i, seventh: 'ABK', topic: 'trauma: fracture of cervical vertebra (initial encounter, or nonunion)' },
      { prefix: 'S13.1', seventh: 'A', topic: 'trauma: subluxation or dislocation of cervical vertebrae (initial encounter)' },
      { prefix: 'S14.1', seventh: 'A', topic: 'trauma: cervical spinal cord injury (initial encounter)' },
      { prefix: 'M48.3', title: CERVICAL, topic: 'trauma: traumatic spondylopathy, cervical' },
      { prefix: 'M48.5', title: CERVICAL, seventh: 'A', topic: 'trauma: collapsed vertebra, cervical (initial encounter)' },
      { prefix: 'C41.2', topic: 'tumour: malignant neoplasm of vertebral column' },
      { prefix: 'C79.51', topic: 'tumour: secondary malignant neoplasm of bone' },
      { prefix: 'C72.0', topic: 'tumour: malignant neoplasm of spinal cord' },
      { prefix: 'D16.6', topic: 'tumour: benign neoplasm of vertebral column' },
      { prefix: 'D33.4', topic: 'tumour: benign neoplasm of spinal cord' },
      { prefix: 'D43.4', topic: 'tumour: neoplasm of uncertain behavior of spinal cord' },
      { prefix: 'D48.0', topic: 'tumour: neoplasm of uncertain behavior of bone' },
      { prefix: 'M46.2', title: CERVICAL, topic: 'infection: osteomyelitis of vertebra, cervical' },
      { prefix: 'M46.3', title: CERVICAL, topic: 'infection: intervertebral disc infection, cervical' },
      { prefix: 'M46.4', title: CERVICAL, topic: 'infection: discitis, cervical' },
      { prefix: 'M46.5', title: CERVICAL, topic: 'infection: other infective spondylopathy, cervical' },
      { prefix: 'A18.01', topic: 'infection: tuberculosis of spine' },
      { prefix: 'G06.1', topic: 'infection: intraspinal abscess and granuloma' },
      { prefix: 'M40.', title: CERVICAL, topic: 'deformity: kyphosis, cervical regions' },
      { prefix: 'M41.', title: CERVICAL, topic: 'deformity: scoliosis, cervical regions' },
      { prefix: 'M43.8X', title: CERVICAL, topic: 'deformity: other deforming dorsopathy, cervical' },
      { prefix: 'M96.3', topic: 'deformity: postlaminectomy kyphosis' },
      { prefix: 'M96.4', topic: 'deformity: postsurgical lordosis' },
      { prefix: 'M96.5', topic: 'deformity: postradiation scoliosis' },
      { prefix: 'M43.1', title: CERVICAL, topic: 'instability: spondylolisthesis, cervical regions' },
      { prefix: 'M43.3', topic: 'instability: recurrent atlantoaxial dislocation with myelopathy' },
      { prefix: 'M43.4', topic: 'instability: other recurrent atlantoaxial dislocation' },
      { prefix: 'M43.5X', title: CERVICAL, topic: 'instability: other recurrent vertebral dislocation, cervical' },
      { prefix: 'M53.2X', title: CERVICAL, topic: 'instability: spinal instabilities, cervical' },
      { prefix: 'M96.0', topic: 'instability: pseudarthrosis after fusion or arthrodesis' },
    ],
  },
];

const dir = sourceDir();
const codeSet = readTsv(path.join(dir, 'icd10cm', 'codes-fy2026.tsv')).filter((r) => r.billable === '1');
const documents = new Map(readTsv(path.join(dir, 'lcd-a59668', 'mcd-documents.tsv')).map((r) => [r.id, r]));
const article = documents.get('A59668');
const lcd = documents.get('L39793');
if (!article || !lcd) throw new Error('A59668 / L39793 not in lcd-a59668/mcd-documents.tsv');
const isoDate = (mdy: string) => { const [m, d, y] = mdy.split('/'); return `${y}-${m}-${d}`; };

// Procedure scope: hcpcs.tsv. Only the codes verified as cervical-fusion codes are in scope; the others
// are carried with the source's status and do not trigger the rule (source README: "do not use to deny").
const procedureRows = readTsv(path.join(dir, 'lcd-a59668', 'hcpcs.tsv')).map((r) => [
  'procedure', r.group === 'unknown' ? '' : r.group, r.code, r.description,
  `${/VERIFIED as cervical-fusion/.test(r.status) ? 'verified' : 'unverified'}: ${r.status}`,
]);

const diagnosisRows: string[][] = [];
const counts: Record<string, number> = {};
for (const g of GROUPS) {
  const seen = new Set<string>();
  for (const f of g.families) {
    const matched = codeSet.filter((r) => r.code.startsWith(f.prefix)
      && (f.title === undefined || f.title.test(r.long_title))
      && (f.seventh === undefined || f.seventh.includes(r.code.slice(-1)) && r.code.replace('.', '').length === 7));
    if (matched.length === 0) throw new Error(`family ${f.prefix} (${f.topic}) matches no billable FY2026 code`);
    for (const r of matched) {
      if (seen.has(r.code)) continue;
      seen.add(r.code);
      diagnosisRows.push(['diagnosis', g.group, r.code, r.long_title, `derived: ${f.topic}`]);
    }
  }
  counts[`group${g.group}`] = seen.size;
}
// Rows stay in group and family order, so a message's examples start with the indication's core codes.

const header = {
  id: 'mcd-article-a59668-v25-derived',
  kind: 'table',
  system: 'https://www.cms.gov/medicare-coverage-database',
  title: 'A59668 Billing and Coding: Cervical Fusion (Novitas) v25, diagnosis groups derived from LCD L39793',
  version: 'A59668 v25 (derived groups)',
  effective: { from: isoDate(article.effective_date) },
  source: {
    title: 'CMS Medicare Coverage Database: A59668 v25 and L39793 v47 identity (CMS Coverage API data); LCD indications from the multi-MAC LCD text as published by other MACs; ICD-10-CM FY2026 code set',
    file: 'shared/domain/lcd-a59668/mcd-documents.tsv, hcpcs.tsv, article.md; shared/domain/icd10cm/codes-fy2026.tsv',
    url: article.url,
    note: 'Identity, versions and dates VERIFIED (GitHub mackgraw/cms-lcd-lca-dataset 17705ddd). The article\'s own ICD-10-CM list was NOT obtainable: the diagnosis groups are derived by scripts/derive-a59668.ts from the LCD\'s three indications.',
  },
  caveats: [
    'DERIVED diagnosis groups: not the article\'s own list. Each group implements one LCD indication; codes are billable FY2026 codes of the families named in the row status.',
    'LCD criteria verified from other MACs\' pages for the same multi-MAC LCD, not from L39793 itself.',
    'Effective date 2024-08-11 is the effective date of version 25 (CMS data); the original effective date for Novitas is unverified (07/07/2024 is the date of other MACs).',
    'Procedure scope: 22551 and 22552 verified as cervical-fusion codes (OPD prior-authorization lists), not as A59668 group members; 22554, 22585, 22590, 22595, 22600, 22614 unverified and out of the rule\'s scope.',
    'Dual-diagnosis and documentation requirements of the LCD (conservative care, imaging) are not checked.',
  ],
  counts: { procedures: procedureRows.length, diagnoses: diagnosisRows.length, ...counts },
  article: {
    id: 'A59668', version: Number(article.version), title: article.title, payerTypes: ['medicare'], derived: true,
    contractor: article.contractor, url: article.url,
    lcd: { id: 'L39793', version: Number(lcd.version), title: lcd.title, url: lcd.url },
    groups: GROUPS.map((g) => ({ kind: 'diagnosis', group: g.group, title: g.title, indication: g.indication, derived: true })),
  },
  columns: ['kind', 'group', 'code', 'title', 'status'],
};
console.log(writeDataFile(header.id, header, [...procedureRows, ...diagnosisRows]), header.counts);
