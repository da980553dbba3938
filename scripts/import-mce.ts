/**
 * Imports the CMS Medicare Code Editor (MCE) tables from `mce.bin`, the protobuf data file CMS ships inside
 * the MCE jar (MCE-2.0-43.1.0.0.jar), into value sets and tables under rules/data/. Usage:
 *   npm run import:mce -- [--source DIR]     (DIR holds mce-v43/mce.bin; default ../shared/domain)
 * Re-running reproduces every file byte for byte. A user who downloads next October's MCE jar extracts its
 * mce.bin and runs the same importer (--source pointing at a folder with mce-v44/mce.bin, or --bin FILE).
 * When the TSV dumps made with the CMS component's own classes lie beside mce.bin, every table is checked
 * against them and the importer stops on the first difference.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { argValue, readTsv, sourceDir, writeDataFile } from './lib/data-io';

// --- A minimal protobuf reader (wire types 0 varint and 2 length-delimited are all mce.bin uses) ---------

type Field = { readonly no: number; readonly varint?: number; readonly bytes?: Buffer };

function* fields(buf: Buffer): Generator<Field> {
  let at = 0;
  const varint = (): number => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = buf[at++];
      result += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return result;
      shift += 7;
    }
  };
  while (at < buf.length) {
    const key = varint();
    const no = Math.floor(key / 8);
    const wire = key % 8;
    if (wire === 0) yield { no, varint: varint() };
    else if (wire === 2) { const len = varint(); yield { no, bytes: buf.subarray(at, at + len) }; at += len; }
    else throw new Error(`mce.bin: unsupported protobuf wire type ${wire} (field ${no})`);
  }
}

const text = (f: Field) => f.bytes!.toString('utf8');

// Schema (shared/domain/mce-v43/README.md): Root 1 ageRangeRoot, 2 dischargeStatusRoot, 3 i10DxMasterRoot,
// 4 i10SgMasterRoot, 5/6 ICD-9 masters, 7 dateFormat, 8 version, 9 terminationDate.
interface MasterRow { readonly code: string; readonly start: string; readonly end: string; readonly flags: readonly string[] }
interface AgeRange { readonly group: string; readonly startAge: number; readonly endAge: number; readonly start: string; readonly end: string }

function readMaster(buf: Buffer): MasterRow[] {
  const rows: MasterRow[] = [];
  for (const entry of fields(buf)) {
    if (entry.no !== 1) continue;
    let code = '';
    let start = '';
    let end = '';
    const flags: string[] = [];
    for (const f of fields(entry.bytes!)) {
      if (f.no === 1) code = text(f); else if (f.no === 2) start = text(f); else if (f.no === 3) end = text(f); else if (f.no === 4) flags.push(text(f));
    }
    rows.push({ code, start, end, flags });
  }
  return rows;
}

function readRoot(buf: Buffer) {
  const root = { ages: [] as AgeRange[], statuses: [] as { code: string; start: string; end: string }[], dx: [] as MasterRow[], sg: [] as MasterRow[], version: 0, termination: '', dateFormat: '' };
  for (const f of fields(buf)) {
    if (f.no === 1) {
      for (const e of fields(f.bytes!)) {
        if (e.no !== 1) continue;
        const a = { group: '', startAge: 0, endAge: 0, start: '', end: '' };
        for (const g of fields(e.bytes!)) {
          if (g.no === 1) a.group = text(g); else if (g.no === 2) a.startAge = g.varint!; else if (g.no === 3) a.endAge = g.varint!; else if (g.no === 4) a.start = text(g); else if (g.no === 5) a.end = text(g);
        }
        root.ages.push(a);
      }
    } else if (f.no === 2) {
      for (const e of fields(f.bytes!)) {
        if (e.no !== 1) continue;
        const s = { code: '', start: '', end: '' };
        for (const g of fields(e.bytes!)) {
          if (g.no === 1) s.code = String(g.varint!).padStart(2, '0'); else if (g.no === 2) s.start = text(g); else if (g.no === 3) s.end = text(g);
        }
        root.statuses.push(s);
      }
    } else if (f.no === 3) root.dx = readMaster(f.bytes!);
    else if (f.no === 4) root.sg = readMaster(f.bytes!);
    else if (f.no === 7) root.dateFormat = text(f);
    else if (f.no === 8) root.version = f.varint!;
    else if (f.no === 9) root.termination = text(f);
  }
  return root;
}

// --- Conversions ------------------------------------------------------------------------------------

/** yyyyMMdd → YYYY-MM-DD ('' stays ''). */
const iso = (d: string) => (d ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}` : '');
/** An undotted ICD-10-CM code → dotted (the form claims and the code sets use). */
const dotted = (code: string) => (code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code);

/** Rows [code, from, to] of one flag, with adjacent periods of a code merged. */
function flagRows(master: readonly MasterRow[], flag: string, codeOf: (c: string) => string): [string, string, string][] {
  const out: [string, string, string][] = [];
  for (const row of master) {
    if (!row.flags.includes(flag)) continue;
    const code = codeOf(row.code);
    const last = out[out.length - 1];
    // Rows of one code are in date order: a period that starts the day after the last one ends continues it.
    if (last && last[0] === code && last[2] !== '' && nextDay(last[2]) === iso(row.start)) { last[2] = iso(row.end); continue; }
    out.push([code, iso(row.start), iso(row.end)]);
  }
  return out;
}

function nextDay(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

// --- Checks against the dumps made with the CMS component's own classes ------------------------------

function checkAgainstDumps(dir: string, root: ReturnType<typeof readRoot>): string {
  const dump = (name: string) => path.join(dir, name);
  if (!fs.existsSync(dump('i10dx-master.tsv'))) return 'no TSV dumps beside mce.bin: not cross-checked';
  const same = (label: string, ours: readonly MasterRow[], file: string) => {
    const theirs = readTsv(dump(file));
    if (theirs.length !== ours.length) throw new Error(`${label}: ${ours.length} rows in mce.bin, ${theirs.length} in ${file}`);
    theirs.forEach((t, i) => {
      const o = ours[i];
      const flags = t.flags ? t.flags.split(/[;,]/) : [];
      if (t.code !== o.code || t.start !== o.start || t.end !== o.end || flags.join(';') !== o.flags.join(';')) {
        throw new Error(`${label} row ${i + 1}: mce.bin ${o.code} ${o.start}-${o.end} ${o.flags.join(';')}, ${file} ${t.code} ${t.start}-${t.end} ${t.flags}`);
      }
    });
    return theirs.length;
  };
  const dx = same('ICD-10-CM master', root.dx, 'i10dx-master.tsv');
  const sg = same('ICD-10-PCS master', root.sg, 'i10sg-master.tsv');
  const ages = readTsv(dump('age-ranges.tsv'));
  for (const a of ages) {
    if (!root.ages.some((r) => r.group.toLowerCase() === a.ageGroup.toLowerCase() && r.startAge === Number(a.startAge) && r.endAge === Number(a.endAge) && r.start === a.start && r.end === a.end)) {
      throw new Error(`age range ${JSON.stringify(a)} is not in mce.bin`);
    }
  }
  const statuses = readTsv(dump('discharge-status.tsv'));
  if (statuses.length !== root.statuses.length || statuses.some((s, i) => s.code !== root.statuses[i].code || s.start !== root.statuses[i].start || s.end !== root.statuses[i].end)) {
    throw new Error('discharge statuses differ from discharge-status.tsv');
  }
  return `checked against the TSV dumps: ${dx} diagnosis rows, ${sg} procedure rows, ${ages.length} age ranges, ${statuses.length} discharge statuses identical`;
}

// --- Output ---------------------------------------------------------------------------------------

const dir = path.join(sourceDir(), 'mce-v43');
const binFile = argValue('--bin') ?? path.join(dir, 'mce.bin');
const root = readRoot(fs.readFileSync(binFile));
const info = fs.existsSync(path.join(dir, 'bin-info.txt')) ? fs.readFileSync(path.join(dir, 'bin-info.txt'), 'utf8') : '';
const revision = /Revision:\s*(\d+)/.exec(info)?.[1];
const release = `v${Math.floor(root.version / 10)}.${root.version % 10}`;      // 431 → v43.1
const major = `v${Math.floor(root.version / 10)}`;                             // v43
const termination = iso(root.termination);
const checked = checkAgainstDumps(dir, root);
const earliest = [...root.dx, ...root.sg].map((r) => r.start).sort()[0];
const effective = { from: iso(earliest), to: termination };
const source = {
  title: `CMS Medicare Code Editor (MCE) ${release} data file mce.bin (MCE-2.0-${Math.floor(root.version / 10)}.${root.version % 10}.0.0.jar)`,
  file: 'shared/domain/mce-v43/mce.bin',
  version: `${release}${revision ? `, revision ${revision}` : ''}`,
  note: `Read from the protobuf data file CMS ships in the MCE jar; ${checked}.`,
};
const caveats = [
  'The flag ↔ edit mapping for conditional procedure edits (non-covered unless, limited coverage) was read from the CMS MCE component\'s behaviour (its answers on generated claims), not from manual text; see rules/mce/README.md.',
  `Content ends ${termination}: discharges after it need the next MCE release (rules mce/content-not-loaded says so).`,
];
const header = (id: string, title: string, kind: 'value-set' | 'table', extra: Record<string, unknown>) => ({
  // Every MCE row is one code (the masters list billable codes; flags sit on billable codes): matched exactly.
  id, kind, ...(kind === 'value-set' ? { system: extra.system, match: 'exact' } : {}), title, version: release, effective, source, caveats, ...extra,
  // Sorted by code: the loader searches a large one in place instead of reading it whole (an inpatient claim's first check).
  ...(kind === 'value-set' ? { rowsSortedBy: 'code' } : {}),
});

const written: Record<string, number> = {};
const DX = 'http://hl7.org/fhir/sid/icd-10-cm';
const PCS = 'http://www.cms.gov/Medicare/Coding/ICD10';
const DX_FLAGS: Readonly<Record<string, string>> = {
  ecodepdx: 'external cause code as principal diagnosis', manifestation: 'manifestation code as principal diagnosis',
  unacceptable: 'unacceptable principal diagnosis', qadm: 'questionable admission (principal diagnosis)', unspecified: 'unspecified code',
  reqsdx: 'principal diagnosis that requires a secondary diagnosis', wrngproc: 'wrong procedure performed',
  diabtypeI: 'type I diabetes (condition of a non-covered procedure edit)', ncov6: 'condition of a non-covered procedure edit (NCOV_D)',
  ncov_z302: 'sterilization encounter Z30.2 (condition of a non-covered procedure edit)', delout: 'delivery outcome (condition of the questionable obstetric admission edit)',
  clintrial: 'clinical trial encounter (condition of a limited coverage edit)', ncov7: 'condition of a non-covered procedure edit (NCOV_E)',
};
const SG_FLAGS: Readonly<Record<string, string>> = {
  noncovered: 'non-covered procedure', lcov: 'limited coverage procedure', ncov_z302: 'sterilization (non-covered with Z30.2)',
  ncov6: 'non-covered procedure (NCOV_D)', ncov7: 'non-covered procedure (NCOV_E)', kidneyxp: 'kidney transplant', ncov12agele60: 'non-covered under a condition of age (NCOV_F)',
  ncov45: 'pancreas transplant (NCOV_B)', csect: 'cesarean section', vagdel: 'vaginal delivery', los: 'procedure inconsistent with a length of stay under 4 days',
  lcov_artheartxpa: 'artificial heart (limited coverage)', lcov_artheartxpb: 'artificial heart (limited coverage)',
};

for (const [flag, what] of Object.entries(DX_FLAGS)) {
  const rows = flagRows(root.dx, flag, dotted);
  const id = `mce-${major}-dx-${flag.toLowerCase().replace(/_/g, '-')}`;
  writeDataFile(id, header(id, `MCE ${release} ICD-10-CM diagnoses flagged "${flag}": ${what}`, 'value-set', { system: DX, columns: ['code', 'from', 'to'], counts: { rows: rows.length } }), rows);
  written[id] = rows.length;
}
for (const [flag, what] of Object.entries(SG_FLAGS)) {
  const rows = flagRows(root.sg, flag, (c) => c);
  const id = `mce-${major}-pcs-${flag.toLowerCase().replace(/_/g, '-')}`;
  writeDataFile(id, header(id, `MCE ${release} ICD-10-PCS procedures flagged "${flag}": ${what}`, 'value-set', { system: PCS, columns: ['code', 'from', 'to'], counts: { rows: rows.length } }), rows);
  written[id] = rows.length;
}

// Sex: the MCE's male/female flags (every row ends by 2024-09-30: the sex conflict edit was retired from FY2025).
{
  const rows = [
    ...flagRows(root.dx, 'male', dotted).map((r) => [...r, 'M']), ...flagRows(root.dx, 'female', dotted).map((r) => [...r, 'F']),
    ...flagRows(root.sg, 'male', (c) => c).map((r) => [...r, 'M']), ...flagRows(root.sg, 'female', (c) => c).map((r) => [...r, 'F']),
  ];
  const id = `mce-${major}-sex`;
  writeDataFile(id, header(id, `MCE ${release} diagnoses and procedures for one sex only (flags male / female)`, 'value-set', { system: 'mixed: ICD-10-CM (dotted) and ICD-10-PCS', columns: ['code', 'from', 'to', 'forSex'], counts: { rows: rows.length } }), rows);
  written[id] = rows.length;
}

// Age: the age-group flags with the group's age range on each date (Maternity 12-55 until 2019-09-30, then 9-64).
{
  const rows: (string | number)[][] = [];
  for (const group of ['newborn', 'pediatric', 'maternity', 'adult']) {
    const ranges = root.ages.filter((a) => a.group.toLowerCase() === group);
    for (const [code, from, to] of flagRows(root.dx, group, dotted)) {
      for (const range of ranges) {
        const start = [from, iso(range.start)].sort()[1];
        const ends = [to, iso(range.end)].filter(Boolean).sort();
        const end = ends[0] ?? '';
        if (end && end < start) continue;
        rows.push([code, start, end, group, range.startAge, range.endAge]);
      }
    }
  }
  const id = `mce-${major}-age`;
  writeDataFile(id, header(id, `MCE ${release} diagnoses for one age group, with the group's age range on each date`, 'value-set', { system: DX, columns: ['code', 'from', 'to', 'group', 'ageMin', 'ageMax'], counts: { rows: rows.length } }), rows);
  written[id] = rows.length;
}

// Discharge statuses valid by date, and the ICD-10-PCS code set by date (every code of the procedure master).
{
  const id = `mce-${major}-discharge-status`;
  const rows = root.statuses.map((s) => [s.code, iso(s.start) < effective.from ? effective.from : iso(s.start), iso(s.end)]);
  writeDataFile(id, header(id, `MCE ${release} valid patient discharge statuses`, 'value-set', { system: 'https://www.nubc.org/patient-discharge-status', columns: ['code', 'from', 'to'], counts: { rows: rows.length } }), rows);
  written[id] = rows.length;
  const pcs = `mce-${major}-pcs-code-set`;
  const pcsRows = root.sg.map((r) => [r.code, iso(r.start), iso(r.end)]);
  writeDataFile(pcs, header(pcs, `MCE ${release} ICD-10-PCS procedure master: every valid procedure code by date`, 'value-set', { system: PCS, columns: ['code', 'from', 'to'], counts: { rows: pcsRows.length } }), pcsRows);
  written[pcs] = pcsRows.length;
  const dxSet = `mce-${major}-dx-code-set`;
  const dxRows = root.dx.map((r) => [dotted(r.code), iso(r.start), iso(r.end)]);
  writeDataFile(dxSet, header(dxSet, `MCE ${release} ICD-10-CM diagnosis master: every valid (billable) diagnosis code by date`, 'value-set', { system: DX, columns: ['code', 'from', 'to'], counts: { rows: dxRows.length } }), dxRows);
  written[dxSet] = dxRows.length;
}

console.log(JSON.stringify({ release, revision, termination, checked, files: written }, null, 1));
