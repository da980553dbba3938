/**
 * Imports the Medicare NCCI tables (procedure-to-procedure edits, medically unlikely edits, add-on code edits)
 * into rules/data/ncci-*.json. Usage:
 *   npx ts-node --transpile-only scripts/import-ncci.ts [--source DIR]      (npm run import:ncci -- --source DIR)
 * DIR (default ../shared/domain/ncci) holds, for each table, either the TSV copy of shared/domain/ncci
 * (see its README) or the CMS quarterly download, unzipped:
 *   PTP practitioner      ptp-practitioner-<yyyy>q<n>.tsv[.gz]  or CMS ccipra-v<NNN>r<N>-f<1-4>.txt (all parts)
 *   PTP outpatient        ptp-outpatient-<yyyy>q<n>.tsv[.gz]    or CMS ccioph-v<NNN>r<N>-f<1-4>.txt
 *   MUE (3 settings)      mue-{practitioner,outpatient,dme}-<yyyy>q<n>.tsv
 *                         or CMS MCR_MUE_{PractitionerServices,OutpatientHospitalServices,DMESupplierServices}_Eff_<mm-dd-yyyy>.csv
 *   Add-on codes          aoc-<yyyy>q<n>.tsv                     or CMS AOC_V<yyyy>Q<n>-F-MCR.txt (tab-separated, header line)
 * When a folder holds several quarters of one table, the newest is imported. Each table becomes one data file
 * whose id has no quarter (ncci-ptp-practitioner, …), so the rules keep naming it; `version` says the quarter.
 * Re-running reproduces every file byte for byte (gzip level 9 of Node's zlib: no name, no time stamp).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { argValue, dataDir, writeDataFile } from './lib/data-io';

const SOURCE = path.resolve(argValue('--source') ?? path.join(__dirname, '..', '..', 'shared', 'domain', 'ncci'));
const POLICY_MANUAL = 'NCCI Policy Manual for Medicare Services, Chapter I (General Correct Coding Policies), sections E (Modifiers and Modifier Indicators) and V (Medically Unlikely Edits)';

/** A calendar quarter: "2024Q3", its first and last day. */
interface Quarter { readonly name: string; readonly from: string; readonly to: string }
function quarterOf(year: number, q: number): Quarter {
  const startMonth = (q - 1) * 3 + 1;
  const end = new Date(Date.UTC(year, startMonth + 2, 0)).getUTCDate();
  const mm = (m: number) => String(m).padStart(2, '0');
  return { name: `${year}Q${q}`, from: `${year}-${mm(startMonth)}-01`, to: `${year}-${mm(startMonth + 2)}-${end}` };
}
const quarterOfDate = (iso: string) => quarterOf(Number(iso.slice(0, 4)), Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1);

/** yyyymmdd or mm/dd/yyyy → yyyy-mm-dd; '' and '*' (CMS "no data") → ''. */
function isoDate(value: string): string {
  const v = value.trim();
  if (v === '' || v === '*') return '';
  if (/^\d{8}$/.test(v)) return `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}`;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  if (us) return `${us[3]}-${us[1].padStart(2, '0')}-${us[2].padStart(2, '0')}`;
  throw new Error(`not a date: "${value}"`);
}

const readText = (file: string) => (file.endsWith('.gz') ? zlib.gunzipSync(fs.readFileSync(file)) : fs.readFileSync(file)).toString('utf8').replace(/^\uFEFF/, '');
const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const CODE = /^[0-9A-Z]{4,5}$/;

/** Files of the folder whose names match, newest quarter last. */
function files(pattern: RegExp): string[] {
  if (!fs.existsSync(SOURCE)) return [];
  return fs.readdirSync(SOURCE).filter((f) => pattern.test(f)).sort();
}

// Carried from shared/domain/ncci/README.md ("Not verified / stale").
const SECOND_HAND = 'A mechanical copy of the CMS table as stored in a public GitHub repository, not compared with the CMS original (shared/domain/ncci/README.md).';
const NEAREST = 'An edition of a quarterly table (validThrough): a date of service before its effective date is judged by it as the nearest edition loaded (rows keep their own dates) and every finding says so; the edition in force on that date may differ.';
const CPT_NOTE = 'Codes only, no descriptors: CPT codes are AMA copyright; CMS distributes NCCI files under the AMA CPT end-user licence.';

// --- PTP ---------------------------------------------------------------------------------------------------

interface PtpRow { left: string; right: string; from: string; to: string; modifierIndicator: string; rationale: string }
interface PtpTable { quarter: Quarter; rows: PtpRow[]; files: string[]; layout: 'shared-tsv' | 'cms-txt'; read: number }

/** The shared copy: column1 column2 deletion_date modifier_indicator rationale (README "Columns"). */
function readSharedPtp(file: string): PtpRow[] {
  const [header, ...lines] = readText(file).split('\n').filter((l) => l.length > 0);
  if (header !== 'column1\tcolumn2\tdeletion_date\tmodifier_indicator\trationale') throw new Error(`${file}: unexpected header ${header}`);
  return lines.map((line) => {
    const [left, right, deletion, modifierIndicator, rationale] = line.split('\t');
    return { left, right, from: '', to: isoDate(deletion), modifierIndicator, rationale };
  });
}

/**
 * A CMS PTP text file (ccipra/ccioph-vNNNrN-fN.txt): title and copyright lines, then tab-separated rows
 * Column 1 · Column 2 · * = in existence prior to 1996 · Effective Date · Deletion Date (* = no data) ·
 * Modifier (0/1/9) · PTP Edit Rationale. Only lines whose first two cells are codes are rows.
 */
function readCmsPtp(file: string): PtpRow[] {
  const rows: PtpRow[] = [];
  for (const line of readText(file).split(/\r?\n/)) {
    const cells = line.split('\t').map((c) => c.trim());
    if (cells.length < 7 || !CODE.test(cells[0]) || !CODE.test(cells[1])) continue;
    rows.push({ left: cells[0], right: cells[1], from: isoDate(cells[3]), to: isoDate(cells[4]), modifierIndicator: cells[5], rationale: cells[6] });
  }
  if (rows.length === 0) throw new Error(`${file}: no PTP rows (expected tab-separated CMS PTP text)`);
  return rows;
}

function findPtp(setting: 'practitioner' | 'outpatient'): PtpTable | undefined {
  const shared = files(new RegExp(`^ptp-${setting}-(\\d{4})q([1-4])\\.tsv(\\.gz)?$`));
  const cmsPrefix = setting === 'practitioner' ? 'ccipra' : 'ccioph';
  const cms = files(new RegExp(`^${cmsPrefix}-v(\\d{3})r(\\d+)-f\\d\\.txt$`, 'i'));
  if (cms.length > 0) {
    // CMS version vNNN: NCCI version NN.N; its quarter is given with --ptp-quarter (the file names do not carry it).
    const newest = cms.map((f) => /-v(\d{3})r(\d+)-/i.exec(f)![0]).sort().at(-1)!;
    const parts = cms.filter((f) => f.includes(newest));
    const given = argValue('--ptp-quarter');
    if (!given || !/^\d{4}Q[1-4]$/.test(given)) throw new Error(`CMS PTP files ${parts.join(', ')}: say their quarter with --ptp-quarter 2026Q3`);
    return { quarter: quarterOf(Number(given.slice(0, 4)), Number(given[5])), rows: parts.flatMap((f) => readCmsPtp(path.join(SOURCE, f))), files: parts, layout: 'cms-txt', read: 0 };
  }
  const file = shared.at(-1);
  if (!file) return undefined;
  const [, year, q] = /(\d{4})q([1-4])/.exec(file)!;
  return { quarter: quarterOf(Number(year), Number(q)), rows: readSharedPtp(path.join(SOURCE, file)), files: [file], layout: 'shared-tsv', read: 0 };
}

function importPtp(setting: 'practitioner' | 'outpatient'): void {
  const table = findPtp(setting);
  if (!table) { console.log(`skip PTP ${setting}: no file in ${SOURCE}`); return; }
  const { quarter } = table;
  const read = table.rows.length;
  // The edits in force on the quarter's first day (not deleted before it; modifier indicator 9 rows are
  // deleted rows that never applied). Older rows need per-row effective dates the shared copy lacks.
  const rows = table.rows.filter((r) => (r.to === '' || r.to >= quarter.from) && r.modifierIndicator !== '9');
  for (const r of rows) if (!['0', '1'].includes(r.modifierIndicator)) throw new Error(`PTP ${r.left}/${r.right}: modifier indicator "${r.modifierIndicator}"`);
  rows.sort((a, b) => byteOrder(`${a.left}\t${a.right}`, `${b.left}\t${b.right}`) || byteOrder(a.from, b.from));
  for (let i = 1; i < rows.length; i++) {
    if (rows[i].left === rows[i - 1].left && rows[i].right === rows[i - 1].right) throw new Error(`PTP ${setting}: two rows in force for ${rows[i].left}/${rows[i].right}`);
  }
  const rationales = [...new Set(rows.map((r) => r.rationale))].sort(byteOrder);
  const rationaleIndex = new Map(rationales.map((r, i) => [r, String(i)]));
  const id = `ncci-ptp-${setting}`;
  const sidecar = `${id}.tsv.gz`;
  // One gzip member per run of rows whose column 1 code starts with the same 3 characters (754 members for
  // the practitioner table): a lookup unpacks only the member of its code. `zcat` still reads the whole file.
  const members: [string, number, number][] = [];
  const parts: Buffer[] = [];
  let offset = 0;
  for (let i = 0; i < rows.length;) {
    const prefix = rows[i].left.slice(0, 3);
    let j = i;
    while (j < rows.length && rows[j].left.slice(0, 3) === prefix) j++;
    const text = rows.slice(i, j).map((r) => [r.left, r.right, r.from, r.to, r.modifierIndicator, rationaleIndex.get(r.rationale)].join('\t')).join('\n') + '\n';
    const packed = zlib.gzipSync(Buffer.from(text, 'latin1'), { level: 9 });
    members.push([prefix, offset, packed.length]);
    parts.push(packed);
    offset += packed.length;
    i = j;
  }
  fs.writeFileSync(path.join(dataDir(), sidecar), Buffer.concat(parts));
  const title = setting === 'practitioner' ? 'Practitioner' : 'Outpatient Hospital';
  const count = (mi: string) => rows.filter((r) => r.modifierIndicator === mi).length;
  const header = {
    id,
    kind: 'table',
    title: `Medicare NCCI procedure-to-procedure (PTP) edits, ${title} Services, ${quarter.name}`,
    version: quarter.name,
    effective: { from: quarter.from },
    validThrough: quarter.to,
    source: {
      title: `CMS Medicare NCCI PTP Edits, ${title} Services, effective ${quarter.from}`,
      file: table.files.map((f) => (table.layout === 'shared-tsv' ? `shared/domain/ncci/${f}` : f)).join(', '),
      url: 'https://www.cms.gov/medicare/coding-billing/national-correct-coding-initiative-ncci-edits/medicare-ncci-procedure-procedure-ptp-edits',
      note: table.layout === 'shared-tsv'
        ? 'northstar (andrewallenbruce/northstar, Apache-2.0) pin of the CMS PTP XLSX parts, decoded to TSV; see shared/domain/ncci/README.md.'
        : 'CMS quarterly PTP text files.',
    },
    caveats: [
      ...(table.layout === 'shared-tsv' ? [
        SECOND_HAND,
        `STALE: the newest PTP table obtainable here is ${quarter.name}; CMS replaces PTP edits every quarter. Edits added, deleted or re-indicated after ${quarter.to} are missing, so every finding on a later date of service says the table may be stale.`,
        'The copy lost the per-row effective date and the "in existence prior to 1996" flag: the rows are the edits in force on the quarter\'s first day; an earlier date of service is judged by them as the nearest edition, which misses edits deleted before the quarter and may apply edits added in it.',
      ] : []),
      'Rows deleted before the quarter and modifier-indicator 9 rows (deleted edits that never applied) are left out.',
      NEAREST,
      CPT_NOTE,
    ],
    counts: { sourceRows: read, rows: rows.length, modifierIndicator0: count('0'), modifierIndicator1: count('1') },
    columns: ['left', 'right', 'from', 'to', 'modifierIndicator', 'rationale'],
    how: {
      left: 'Column 1 (comprehensive) code',
      right: 'Column 2 (component) code: not separately payable with the column 1 code by the same provider on the same date of service',
      modifierIndicator: '0 = no modifier bypasses the edit; 1 = an NCCI-associated modifier bypasses it when the documentation supports it',
    },
    // The sidecar's rationale cells are indexes into this list (12 distinct texts over millions of rows).
    dictionaries: { rationale: rationales },
    rowsFile: sidecar,
    sidecarMembers: { prefixLength: 3, members },
  };
  console.log(writeDataFile(id, header), header.counts, `${sidecar}: ${fs.statSync(path.join(dataDir(), sidecar)).size} bytes`);
}

// --- MUE ---------------------------------------------------------------------------------------------------

const MUE_SETTINGS = {
  practitioner: { cms: 'PractitionerServices', title: 'Practitioner Services' },
  outpatient: { cms: 'OutpatientHospitalServices', title: 'Outpatient Hospital Services' },
  dme: { cms: 'DMESupplierServices', title: 'DME Supplier Services' },
} as const;
type MueSetting = keyof typeof MUE_SETTINGS;
interface MueRow { code: string; mue: number; mai: number; rationale: string }

/** The shared copy: code mue_units mai rationale effective_date. */
function readSharedMue(file: string): { rows: MueRow[]; effective: string } {
  const [header, ...lines] = readText(file).split('\n').filter((l) => l.length > 0);
  if (header !== 'code\tmue_units\tmai\trationale\teffective_date') throw new Error(`${file}: unexpected header ${header}`);
  const effective = new Set<string>();
  const rows = lines.map((line) => {
    const [code, units, mai, rationale, eff] = line.split('\t');
    effective.add(isoDate(eff));
    return { code, mue: Number(units), mai: Number(mai), rationale };
  });
  if (effective.size !== 1) throw new Error(`${file}: ${effective.size} effective dates`);
  return { rows, effective: [...effective][0] };
}

/**
 * A CMS MUE CSV (MCR_MUE_<Setting>_Eff_<mm-dd-yyyy>.csv): copyright lines, then the header
 * "HCPCS/CPT Code","<Setting> MUE Values","MUE Adjudication Indicator","MUE Rationale"; the indicator reads
 * "2 Date of Service Edit: Policy" (its first digit is the MAI).
 */
function readCmsMue(file: string): MueRow[] {
  const records = parse(readText(file), { relax_column_count: true, skip_empty_lines: true }) as string[][];
  const at = records.findIndex((r) => r.some((c) => /MUE Adjudication Indicator/i.test(c)));
  if (at < 0) throw new Error(`${file}: no "MUE Adjudication Indicator" header`);
  const head = records[at];
  const col = (re: RegExp) => head.findIndex((c) => re.test(c));
  const [code, units, mai, rationale] = [col(/HCPCS|CPT/i), col(/MUE Values/i), col(/Adjudication Indicator/i), col(/Rationale/i)];
  return records.slice(at + 1).filter((r) => CODE.test((r[code] ?? '').trim())).map((r) => ({
    code: r[code].trim(), mue: Number(r[units]), mai: Number(/^\s*(\d)/.exec(r[mai])?.[1]), rationale: (r[rationale] ?? '').trim(),
  }));
}

function importMue(setting: MueSetting): void {
  const { cms, title } = MUE_SETTINGS[setting];
  const official = files(new RegExp(`^MCR_MUE_${cms}_Eff_(\\d{2})-(\\d{2})-(\\d{4})\\.csv$`, 'i'))
    .sort((a, b) => byteOrder(a.replace(/.*Eff_(\d{2})-(\d{2})-(\d{4}).*/, '$3$1$2'), b.replace(/.*Eff_(\d{2})-(\d{2})-(\d{4}).*/, '$3$1$2')));
  const shared = files(new RegExp(`^mue-${setting}-(\\d{4})q([1-4])\\.tsv$`));
  let rows: MueRow[];
  let effective: string;
  let file: string;
  let layout: 'shared-tsv' | 'cms-csv';
  if (official.length > 0) {
    file = official.at(-1)!;
    const [, mm, dd, yyyy] = /Eff_(\d{2})-(\d{2})-(\d{4})/.exec(file)!;
    effective = `${yyyy}-${mm}-${dd}`;
    rows = readCmsMue(path.join(SOURCE, file));
    layout = 'cms-csv';
  } else if (shared.length > 0) {
    file = shared.at(-1)!;
    ({ rows, effective } = readSharedMue(path.join(SOURCE, file)));
    layout = 'shared-tsv';
  } else { console.log(`skip MUE ${setting}: no file in ${SOURCE}`); return; }
  for (const r of rows) if (!Number.isInteger(r.mue) || ![1, 2, 3].includes(r.mai)) throw new Error(`MUE ${setting} ${r.code}: units ${r.mue}, MAI ${r.mai}`);
  rows.sort((a, b) => byteOrder(a.code, b.code));
  for (let i = 1; i < rows.length; i++) if (rows[i].code === rows[i - 1].code) throw new Error(`MUE ${setting}: ${rows[i].code} twice`);
  const quarter = quarterOfDate(effective);
  const id = `ncci-mue-${setting}`;
  const stale = setting !== 'practitioner';
  const header = {
    id,
    kind: 'value-set',
    system: 'https://www.cms.gov/hcpcs',
    title: `Medicare NCCI medically unlikely edits (MUE), ${title}, ${quarter.name}`,
    version: quarter.name,
    effective: { from: effective },
    validThrough: quarter.to,
    source: {
      title: `CMS Medicare NCCI MUE table, ${title}, effective ${effective}`,
      file: layout === 'shared-tsv' ? `shared/domain/ncci/${file}` : file,
      url: 'https://www.cms.gov/medicare/coding-billing/national-correct-coding-initiative-ncci-edits/medicare-ncci-medically-unlikely-edits-mues',
      note: layout === 'cms-csv' ? 'CMS quarterly MUE CSV.'
        : setting === 'practitioner'
          ? `new-podiatry-coder (oihuegbu/new-podiatry-coder) JSON copy of MCR_MUE_PractitionerServices_Eff_04-01-2026.csv; see shared/domain/ncci/README.md.`
          : `northstar (andrewallenbruce/northstar, Apache-2.0) pin of MCR_MUE_${cms}_Eff_07-01-2024; see shared/domain/ncci/README.md.`,
    },
    caveats: [
      ...(layout === 'shared-tsv' ? [SECOND_HAND] : []),
      ...(layout === 'shared-tsv' && setting === 'practitioner' ? ['The effective date 2026-04-01 corrects the source JSON\'s 2026-03-31 (a one-day shift) by inference from its CMS file name; not checked against CMS.'] : []),
      ...(layout === 'shared-tsv' && stale ? [`STALE: ${quarter.name} is the newest ${title} MUE table obtainable here; later dates of service are judged by it and the findings say it may be stale.`] : []),
      'Units 0 = the table allows no units of the code in this setting. MAI 1 = per line; MAI 2 = per date of service, policy (not appealable); MAI 3 = per date of service, clinical (appealable with documentation).',
      'CMS publishes many MUE values; some it does not (confidential MUEs are absent from public tables), so a code missing here is not judged.',
      NEAREST,
      CPT_NOTE,
    ],
    counts: { rows: rows.length, mai1: rows.filter((r) => r.mai === 1).length, mai2: rows.filter((r) => r.mai === 2).length, mai3: rows.filter((r) => r.mai === 3).length },
    columns: ['code', 'mue', 'mai', 'mueRationale'],
    rowsSortedBy: 'code',
  };
  console.log(writeDataFile(id, header, rows.map((r) => [r.code, r.mue, r.mai, r.rationale])), header.counts);
}

// --- Add-on codes ------------------------------------------------------------------------------------------

interface AocRow { addon: string; primary: string; type: number; from: string; to: string; note: string }

/** The shared copy: addon_code primary_code aoc_type effective_date deletion_date cms_note. */
function readSharedAoc(file: string): AocRow[] {
  const [header, ...lines] = readText(file).split('\n').filter((l) => l.length > 0);
  if (header !== 'addon_code\tprimary_code\taoc_type\teffective_date\tdeletion_date\tcms_note') throw new Error(`${file}: unexpected header ${header}`);
  return lines.map((line) => {
    const [addon, primary, type, from, to, note] = line.split('\t');
    return { addon, primary, type: Number(type), from: isoDate(from), to: isoDate(to), note };
  });
}

/**
 * A CMS AOC file (AOC_V<yyyy>Q<n>-F-MCR.txt, tab-separated with one header line): columns found by name,
 * "Add-on Code", "Primary Code", "AOC Edit Type", "AOC Edit Effective Date", "AOC Edit Deletion Date" and
 * "Special Instruction Notes" (code effective/deletion date columns, when present, are not used).
 */
function readCmsAoc(file: string): AocRow[] {
  const [header, ...lines] = readText(file).split(/\r?\n/).filter((l) => l.trim().length > 0);
  const head = header.split('\t').map((c) => c.trim());
  const col = (re: RegExp, not?: RegExp) => {
    const i = head.findIndex((c) => re.test(c) && !(not && not.test(c)));
    if (i < 0) throw new Error(`${file}: no column ${re} in ${head.join(' | ')}`);
    return i;
  };
  const [addon, primary, type, from, to] = [col(/add-?on code/i, /date/i), col(/primary code/i, /date/i), col(/edit type/i), col(/edit effective/i), col(/edit deletion/i)];
  const note = head.findIndex((c) => /note/i.test(c));
  return lines.map((l) => l.split('\t').map((c) => c.trim())).filter((c) => CODE.test(c[addon] ?? '')).map((c) => ({
    addon: c[addon], primary: c[primary], type: Number(c[type]), from: isoDate(c[from]), to: isoDate(c[to] ?? ''), note: note >= 0 ? c[note] ?? '' : '',
  }));
}

function importAoc(): void {
  const official = files(/^AOC_V(\d{4})Q([1-4])-F-MCR\.txt$/i);
  const shared = files(/^aoc-(\d{4})q([1-4])\.tsv$/);
  const file = official.at(-1) ?? shared.at(-1);
  if (!file) { console.log(`skip AOC: no file in ${SOURCE}`); return; }
  const layout = official.length > 0 ? 'cms-txt' : 'shared-tsv';
  const [, year, q] = /(\d{4})q([1-4])/i.exec(file)!;
  const quarter = quarterOf(Number(year), Number(q));
  const rows = (layout === 'cms-txt' ? readCmsAoc(path.join(SOURCE, file)) : readSharedAoc(path.join(SOURCE, file)))
    .filter((r) => r.to === '' || r.to >= quarter.from)
    .sort((a, b) => byteOrder(a.addon, b.addon) || byteOrder(a.primary, b.primary) || byteOrder(a.from, b.from));
  for (const r of rows) if (![1, 2, 3].includes(r.type)) throw new Error(`AOC ${r.addon}/${r.primary}: type ${r.type}`);
  // One row per add-on code: its type (the same on every row of a code), first effective date and primary count.
  const addons = new Map<string, { type: number; from: string; primaries: number }>();
  for (const r of rows) {
    const a = addons.get(r.addon);
    if (!a) { addons.set(r.addon, { type: r.type, from: r.from, primaries: r.primary === 'CCCCC' ? 0 : 1 }); continue; }
    if (a.type !== r.type) throw new Error(`AOC ${r.addon}: types ${a.type} and ${r.type}`);
    if (r.from < a.from) a.from = r.from;
    if (r.primary !== 'CCCCC') a.primaries++;
  }
  const common = {
    version: quarter.name,
    effective: { from: quarter.from },
    validThrough: quarter.to,
    source: {
      title: `CMS Medicare NCCI Add-on Code Edits, ${quarter.name}${layout === 'shared-tsv' ? ' (AOC_V' + quarter.name + '-F-MCR)' : ''}`,
      file: layout === 'shared-tsv' ? `shared/domain/ncci/${file}` : file,
      url: 'https://www.cms.gov/medicare/coding-billing/national-correct-coding-initiative-ncci-edits/medicare-ncci-add-code-edits',
      note: layout === 'shared-tsv' ? 'new-podiatry-coder (oihuegbu/new-podiatry-coder) JSON copy of AOC_V2026Q3-F-MCR.txt; see shared/domain/ncci/README.md.' : 'CMS quarterly AOC file.',
    },
    caveats: [
      ...(layout === 'shared-tsv' ? [SECOND_HAND, 'The copy has no deletion dates (it appears to list active edits only); a row applies from its edit effective date.'] : []),
      'Type 1: payable only with one of the listed primary codes (same practitioner, beneficiary, date). Type 2: CMS lists no primaries (CCCCC); contractors may define them. Type 3: the list is not exhaustive; contractors may accept other primaries.',
      NEAREST,
      CPT_NOTE,
    ],
  };
  const pairsHeader = {
    id: 'ncci-aoc',
    kind: 'table',
    title: `Medicare NCCI add-on code edits: add-on code and its eligible primary codes, ${quarter.name}`,
    ...common,
    counts: { rows: rows.length, addons: addons.size, type1: rows.filter((r) => r.type === 1).length, type2: rows.filter((r) => r.type === 2).length, type3: rows.filter((r) => r.type === 3).length },
    columns: ['left', 'right', 'from', 'to', 'aocType', 'note'],
    how: { left: 'the add-on code', right: 'an eligible primary code (CCCCC = contractor-defined primary codes)' },
  };
  console.log(writeDataFile('ncci-aoc', pairsHeader, rows.map((r) => [r.addon, r.primary, r.from, r.to, r.type, r.note])), pairsHeader.counts);
  const codes = [...addons.entries()].sort((a, b) => byteOrder(a[0], b[0]));
  const addonHeader = {
    id: 'ncci-aoc-addons',
    kind: 'value-set',
    system: 'https://www.cms.gov/hcpcs',
    title: `Medicare NCCI add-on codes (one row per add-on code of the AOC edits), ${quarter.name}`,
    ...common,
    counts: { addons: codes.length, type1: codes.filter(([, a]) => a.type === 1).length, type2: codes.filter(([, a]) => a.type === 2).length, type3: codes.filter(([, a]) => a.type === 3).length },
    columns: ['code', 'from', 'aocType', 'listedPrimaries'],
  };
  console.log(writeDataFile('ncci-aoc-addons', addonHeader, codes.map(([code, a]) => [code, a.from, a.type, a.primaries])), addonHeader.counts);
}

console.log(`NCCI source: ${SOURCE} (${POLICY_MANUAL} explains the edits)`);
importPtp('practitioner');
importPtp('outpatient');
for (const setting of Object.keys(MUE_SETTINGS) as MueSetting[]) importMue(setting);
importAoc();
