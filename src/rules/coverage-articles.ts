import type { CoverageArticleMeta, DataFile, Effective, SourceCitation } from './formats';
import { addTo } from './multimap';

// Medicare Coverage Database billing articles (rules/data/mcd-article-*.json: imported from the MCD
// export by scripts/import-mcd-article.ts, or derived from the LCD by scripts/derive-a59668.ts),
// indexed once when the rule set is built.

export interface DiagnosisGroup {
  readonly group: string;
  readonly title: string;
  readonly indication?: string;
  readonly paragraph?: string;
  readonly derived: boolean;
  /** Codes in group order (for examples in messages). */
  readonly codes: readonly string[];
}

export interface CoverageArticle {
  readonly dataId: string;
  readonly meta: CoverageArticleMeta;
  readonly effective: Effective;
  readonly sourceTitle: string;
  /** CPT/HCPCS codes in the article's scope (rows whose status is official or verified). */
  readonly procedures: ReadonlySet<string>;
  /** Listed procedure codes that are NOT in scope (status unverified), kept to explain why. */
  readonly unverifiedProcedures: ReadonlySet<string>;
  readonly diagnosisGroups: readonly DiagnosisGroup[];
  /** Diagnosis code → the covered groups that list it. */
  readonly supportedBy: ReadonlyMap<string, readonly string[]>;
  /** What a finding cites and how it names the supporting groups: built once here, not per claim. */
  readonly sources: readonly SourceCitation[];
  readonly groupsText: string;
}

/** The citations of an article's findings: the article, its LCD, and the derivation when derived. */
function articleSources(meta: CoverageArticleMeta, effective: Effective, dataId: string): SourceCitation[] {
  return [
    { title: `${meta.id} ${meta.title}${meta.contractor ? ` (${meta.contractor})` : ''}`, version: `v${meta.version}, effective ${effective.from}`, ...(meta.url ? { url: meta.url } : {}) },
    ...(meta.lcd ? [{ title: `LCD ${meta.lcd.id}${meta.lcd.title ? ` ${meta.lcd.title}` : ''}`, ...(meta.lcd.version !== undefined ? { version: `v${meta.lcd.version}` } : {}), section: 'Coverage Indications, Limitations, and/or Medical Necessity', ...(meta.lcd.url ? { url: meta.lcd.url } : {}) }] : []),
    ...(meta.derived ? [{ title: `claimscrub derived diagnosis groups (${dataId})`, section: 'rules/medical-necessity/lcd-diagnosis-support.md, Derivation' }] : []),
  ];
}

/** The groups that would support the service, for messages: titles with a few example codes. */
function groupsText(diagnosisGroups: readonly DiagnosisGroup[]): string {
  return diagnosisGroups.map((g) => `group ${g.group} "${g.title}" (e.g. ${g.codes.slice(0, 4).join(', ')}${g.codes.length > 4 ? ` … ${g.codes.length} codes` : ''})`).join('; ');
}


/** Indexes every data file that carries `article`; an official import wins over a derived file of the same article. */
export function indexCoverageArticles(data: ReadonlyMap<string, DataFile>): CoverageArticle[] {
  const articles: CoverageArticle[] = [];
  for (const file of data.values()) {
    const meta = file.article;
    if (!meta) continue;
    const rows = (file.rows ?? []) as readonly (readonly string[])[];
    const procedures = new Set<string>();
    const unverified = new Set<string>();
    const groupCodes = new Map<string, string[]>();
    const supportedBy = new Map<string, string[]>();
    for (const [kind, group, code, , status] of rows) {
      if (kind === 'procedure') (/^unverified/.test(status ?? '') ? unverified : procedures).add(code);
      if (kind === 'diagnosis') {
        addTo(groupCodes, group, code);
        addTo(supportedBy, code, group);
      }
    }
    const described = new Map((meta.groups ?? []).filter((g) => g.kind === 'diagnosis').map((g) => [g.group, g]));
    const diagnosisGroups = [...groupCodes.entries()].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })).map(([group, codes]) => {
      const g = described.get(group);
      return {
        group, title: g?.title ?? `Group ${group}`, derived: g?.derived ?? meta.derived, codes,
        ...(g?.indication ? { indication: g.indication } : {}), ...(g?.paragraph ? { paragraph: g.paragraph } : {}),
      };
    });
    articles.push({
      dataId: file.id, meta, effective: file.effective, sourceTitle: file.source.title, procedures, unverifiedProcedures: unverified,
      diagnosisGroups, supportedBy, sources: articleSources(meta, file.effective, file.id), groupsText: groupsText(diagnosisGroups),
    });
  }
  // One entry per article and version: the official (non-derived) file wins.
  const byKey = new Map<string, CoverageArticle>();
  for (const a of articles.sort((x, y) => x.dataId.localeCompare(y.dataId))) {
    const key = `${a.meta.id}@${a.effective.from}`;
    const other = byKey.get(key);
    if (!other || (other.meta.derived && !a.meta.derived)) byKey.set(key, a);
  }
  return [...byKey.values()];
}
