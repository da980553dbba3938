import type { DataFile, Effective } from './formats';
import { addTo } from './multimap';

// The MS-DRG tables that decide DRG 551/552 (rules/data/msdrg-<version>-*.json, from
// scripts/import-msdrg.ts), indexed once when the rule set is built.

export type SeverityLevel = 'CC' | 'MCC';

export interface SeverityEntry {
  readonly level: SeverityLevel;
  /** Appendix C Part 1 PDX-exclusion collection ("none" = No Excl). */
  readonly collection: string;
  /** Appendix C Part 2: an MCC only when the patient is discharged alive. */
  readonly mccOnlyIfAlive: boolean;
}

export interface ProcedureEntry {
  /** MDC of a 551/552 claim with this code alone ("8", or "11" for kidney transplant). */
  readonly mdc: string;
  /** Base DRG of that claim (e.g. 981, 453, or a pre-MDC DRG such as 18). */
  readonly family: number;
  /** d468 | d477 | ornec (O.R.) or nonor (pre-MDC non-O.R.). */
  readonly orList: string;
  /** First discharge date the code is known (v43.1 additions from 2026-04-01). */
  readonly from: string;
}

export interface ProcedureCluster {
  readonly id: string;
  readonly family: number;
  readonly suppressionMdcs: ReadonlySet<string>;
  /** One code of every choice forms the cluster. */
  readonly choices: readonly (readonly string[])[];
}

export interface HacEntry {
  readonly categories: readonly string[];
  readonly role: 'sdx' | 'companion' | 'pdx';
  readonly level: SeverityLevel | '-';
  readonly needsProcedure: readonly string[];
  readonly title: string;
}

export interface DrgInfo { readonly drg: number; readonly mdc: string; readonly title: string; readonly weight?: number; readonly gmlos?: number }

export interface DrgTables {
  /** "v43" */
  readonly version: string;
  readonly effective: Effective;
  /** Discharge dates from which a minor version applies (v43.0 from 2025-10-01, v43.1 from 2026-04-01). */
  readonly minorFrom: readonly string[];
  readonly pdx: ReadonlyMap<string, string>;
  readonly severity: ReadonlyMap<string, SeverityEntry>;
  /** Collection → its members that are 551/552 principal diagnoses. */
  readonly exclusions: ReadonlyMap<string, ReadonlySet<string>>;
  readonly procedures: ReadonlyMap<string, ProcedureEntry>;
  readonly clustersByCode: ReadonlyMap<string, readonly ProcedureCluster[]>;
  readonly straumaPdx: ReadonlySet<string>;
  readonly bodySite: ReadonlyMap<string, string>;
  readonly hac: ReadonlyMap<string, HacEntry>;
  /** HAC categories that have principal-diagnosis codes (HAC 11): they apply only with such a PDX. */
  readonly hacPdxCategories: ReadonlySet<string>;
  /** Procedure code → HAC categories it qualifies, with the date it applies from. */
  readonly hacProcedures: ReadonlyMap<string, readonly { readonly hac: string; readonly from: string }[]>;
  readonly drgs: ReadonlyMap<number, DrgInfo>;
  readonly sourceTitle: string;
}

const PARTS = ['pdx-551-552', 'cc-mcc', 'pdx-exclusions', 'procedures', 'clusters', 'trauma', 'hac', 'hac-procedures', 'drgs'] as const;

type Row = readonly unknown[];
const rowsOf = (file: DataFile): readonly Row[] => (file.rows ?? []) as readonly Row[];
const codesOf = (cell: unknown): string[] => String(cell).split(' ').filter((c) => c.length > 0);

const versionsOf = (data: ReadonlyMap<string, DataFile>): string[] =>
  [...data.keys()].map((id) => /^msdrg-(v\d+)-pdx-551-552$/.exec(id)?.[1]).filter((v): v is string => v !== undefined);

/** The missing parts of incomplete msdrg-<version>-* sets, checked at load without indexing anything. */
export function drgTableProblems(data: ReadonlyMap<string, DataFile>): string[] {
  return versionsOf(data).flatMap((version) => {
    const missing = PARTS.filter((part) => !data.has(`msdrg-${version}-${part}`));
    return missing.length > 0 ? [`MS-DRG ${version}: missing data files ${missing.map((p) => `msdrg-${version}-${p}`).join(', ')}`] : [];
  });
}

/** Indexes every complete set of msdrg-<version>-* data files (incomplete ones: see drgTableProblems). */
export function indexDrgTables(data: ReadonlyMap<string, DataFile>): { tables: DrgTables[]; problems: string[] } {
  const versions = versionsOf(data);
  const tables: DrgTables[] = [];
  const problems: string[] = [];
  for (const version of versions) {
    const files = PARTS.map((part) => data.get(`msdrg-${version}-${part}`));
    const missing = PARTS.filter((_, i) => files[i] === undefined);
    if (missing.length > 0) { problems.push(`MS-DRG ${version}: missing data files ${missing.map((p) => `msdrg-${version}-${p}`).join(', ')}`); continue; }
    const [pdxFile, ccFile, exclFile, procFile, clusterFile, traumaFile, hacFile, hacProcFile, drgFile] = files as DataFile[];

    const severity = new Map<string, SeverityEntry>();
    for (const [level, collection, alive, codes] of rowsOf(ccFile)) {
      for (const code of codesOf(codes)) severity.set(code, { level: level as SeverityLevel, collection: String(collection), mccOnlyIfAlive: alive === 'Y' });
    }
    const procedures = new Map<string, ProcedureEntry>();
    const minorFrom = new Set<string>([pdxFile.effective.from]);
    for (const [mdc, family, orList, from, codes] of rowsOf(procFile)) {
      minorFrom.add(String(from));
      for (const code of codesOf(codes)) procedures.set(code, { mdc: String(mdc), family: Number(family), orList: String(orList), from: String(from) });
    }
    const clustersByCode = new Map<string, ProcedureCluster[]>();
    for (const [id, family, suppression, choices] of rowsOf(clusterFile)) {
      const cluster: ProcedureCluster = {
        id: String(id), family: Number(family), suppressionMdcs: new Set(String(suppression).split(',')),
        choices: String(choices).split(' + ').map((c) => c.split('|')),
      };
      for (const code of new Set(cluster.choices.flat())) addTo(clustersByCode, code, cluster);
    }
    const straumaPdx = new Set<string>();
    const bodySite = new Map<string, string>();
    for (const [attribute, value, codes] of rowsOf(traumaFile)) {
      for (const code of codesOf(codes)) {
        if (attribute === 'strauma-pdx') straumaPdx.add(code); else bodySite.set(code, String(value));
      }
    }
    const hac = new Map<string, HacEntry>();
    for (const [categories, role, level, needs, title, codes] of rowsOf(hacFile)) {
      const entry: HacEntry = {
        categories: String(categories).split(';'), role: role as HacEntry['role'], level: level as HacEntry['level'],
        // needs_procedure writes categories without the leading zero ("8" for HAC 08).
        needsProcedure: String(needs).split(';').filter((s) => s.length > 0).map((s) => s.padStart(2, '0')), title: String(title),
      };
      for (const code of codesOf(codes)) hac.set(code, entry);
    }
    const hacProcedures = new Map<string, { hac: string; from: string }[]>();
    for (const [category, from, codes] of rowsOf(hacProcFile)) {
      for (const code of codesOf(codes)) addTo(hacProcedures, code, { hac: String(category), from: String(from) });
    }
    const drgs = new Map<number, DrgInfo>();
    for (const [drg, mdc, title, weight, gmlos] of rowsOf(drgFile)) {
      drgs.set(Number(drg), { drg: Number(drg), mdc: String(mdc), title: String(title), ...(typeof weight === 'number' ? { weight } : {}), ...(typeof gmlos === 'number' ? { gmlos } : {}) });
    }
    tables.push({
      version,
      effective: pdxFile.effective,
      minorFrom: [...minorFrom].sort(),
      pdx: new Map(rowsOf(pdxFile).map(([code, title]) => [String(code), String(title)])),
      severity,
      exclusions: new Map(rowsOf(exclFile).map(([collection, codes]) => [String(collection), new Set(codesOf(codes))])),
      procedures,
      clustersByCode,
      straumaPdx,
      bodySite,
      hac,
      hacPdxCategories: new Set([...hac.values()].filter((h) => h.role === 'pdx').flatMap((h) => h.categories)),
      hacProcedures,
      drgs,
      sourceTitle: pdxFile.source.title,
    });
  }
  return { tables: tables.sort((a, b) => a.effective.from.localeCompare(b.effective.from)), problems };
}
