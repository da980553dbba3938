import type { ConditionMention } from '../../chart/read-chart';
import type { CodeSet } from '../code-set';
import type { DataFile } from '../formats';
import { chartOf, regionName } from './chart';
import { describeNote, excludes1Between, noteSource } from './excludes1';
import { type ClaimContext, type EvidenceItem, type FactDefinition, icd10Diagnoses } from './types';

// Spine specificity and companion codes from the chart (DESIGN §4.2-4.3). The code families, the
// conditions they carry and the companion lists are data (rules/data/spine-code-families.json,
// spine-companions.json); every suggested code is looked up in the code set of the date of service.

export interface SpineFamily {
  readonly id: string; readonly header: string; readonly condition: string;
  /** "region": the character after the header is the region (M43.0 + 3); "cervical-level": M50 x1/x2x/x3. */
  readonly scheme: 'region' | 'cervical-level';
  readonly unspecified: readonly string[];
}
export interface Companion { readonly condition: string; readonly carriers: readonly string[]; readonly suggest: string; readonly suggestRequires: string }
export interface SpineTables { readonly families: readonly SpineFamily[]; readonly companions: ReadonlyMap<string, Companion> }

/** Indexes the spine tables once, at load; undefined when the data files are not loaded. */
export function indexSpineTables(data: ReadonlyMap<string, DataFile>): { tables: SpineTables | undefined; problems: readonly string[] } {
  const familyFile = data.get('spine-code-families');
  const companionFile = data.get('spine-companions');
  if (!familyFile && !companionFile) return { tables: undefined, problems: [] };
  const problems: string[] = [];
  const families = ((familyFile?.rows ?? []) as string[][]).map(([id, header, condition, scheme, unspecified]) => {
    if (scheme !== 'region' && scheme !== 'cervical-level') problems.push(`spine-code-families: unknown scheme "${scheme}" for ${id}`);
    return { id, header, condition, scheme: scheme as SpineFamily['scheme'], unspecified: unspecified.split(';') };
  });
  const companions = new Map(((companionFile?.rows ?? []) as string[][]).map(([condition, carriers, suggest, suggestRequires]) =>
    [condition, { condition, carriers: carriers.split(';'), suggest, suggestRequires }] as const));
  return { tables: { families, companions }, problems };
}


/** The key a mention gives a family: the region character, or the M50 level suffix. */
const keyOf = (family: SpineFamily, m: ConditionMention): string | undefined =>
  family.scheme === 'region' ? m.region : m.cervicalLevel;

const affirmed = (ctx: ClaimContext, condition: string): ConditionMention[] =>
  chartOf(ctx).mentions.filter((m) => m.status === 'affirmed' && m.condition === condition);

const titled = (codeSet: CodeSet, code: string): string => `${code} ('${codeSet.get(code)?.title ?? ''}')`;

/** The billable codes of a family for a key, from the code set (a header gives its children). */
function codesFor(codeSet: CodeSet, header: string, key: string): string[] {
  const code = `${header}${key}`;
  const entry = codeSet.get(code);
  if (!entry) return [];
  return entry.billable ? [code] : [...codeSet.billableChildren(code)];
}

function familyOf(ctx: ClaimContext, code: string, only?: readonly string[]): SpineFamily | undefined {
  return ctx.ruleSet.spine?.families.find((f) => code.startsWith(f.header) && code.length > f.header.length && (!only || only.includes(f.id)));
}

function advise(codeSet: CodeSet, header: string, key: string, region: string): { suggested?: string; candidates?: string[]; advice: string } {
  const codes = codesFor(codeSet, header, key);
  if (codes.length === 1) return { suggested: codes[0], advice: `code ${titled(codeSet, codes[0])}` };
  if (codes.length > 1) return { candidates: codes, advice: `code one of ${codes.map((c) => titled(codeSet, c)).join(', ')}, as the chart specifies` };
  return { advice: `${codeSet.title} has no ${header}- code for the ${region}; code each documented region` };
}

const familiesParam = (params: Record<string, unknown>): readonly string[] | undefined =>
  Array.isArray(params.families) ? params.families.map(String) : undefined;

const SPINE_CHECKS: Readonly<Record<string, Pick<FactDefinition, 'compute'>>> = {
  'region-gap': {
    compute: (ctx, params): EvidenceItem[] => {
      const codeSet = ctx.codeSet;
      if (!codeSet || !ctx.ruleSet.spine) return [];
      const only = familiesParam(params);
      const dx = icd10Diagnoses(ctx);
      const items: EvidenceItem[] = [];
      for (const d of dx) {
        const family = familyOf(ctx, d.code, only);
        if (!family || !codeSet.get(d.code)?.billable) continue;
        const suffix = d.code.slice(family.header.length);
        const mentions = affirmed(ctx, family.condition).filter((m) => keyOf(family, m) !== undefined);
        if (mentions.length === 0) continue;
        const keys = [...new Set(mentions.map((m) => keyOf(family, m)!))];
        // A sentence naming several regions documents multiple sites ("9") or each region coded on its own.
        const accepted = mentions.flatMap((m) => [keyOf(family, m)!, ...(family.scheme === 'region' && m.region === '9' ? m.regions.map((r) => r.region) : [])]);
        if (accepted.some((k) => suffix.startsWith(k))) continue;
        // A documented region that another code of the family already carries is not this code's.
        const coded = dx.filter((o) => o !== d && o.code.startsWith(family.header)).map((o) => o.code.slice(family.header.length));
        const open = keys.filter((k) => !coded.some((c) => c.startsWith(k)));
        if (open.length !== 1) continue;
        const key = open[0];
        const mention = mentions.find((m) => keyOf(family, m) === key)!;
        const region = family.scheme === 'region' ? regionName(ctx, key) : `${regionName(ctx, mention.region)} (${mention.regions.map((r) => r.text).join(', ')})`;
        const { suggested, candidates, advice } = advise(codeSet, family.header, key, region);
        const unspecified = family.unspecified.includes(suffix);
        items.push({
          path: d.path, code: d.code,
          evidence: [{ path: mention.path, text: mention.quote.text }],
          ...(suggested ? { suggested } : {}), ...(candidates ? { candidates } : {}),
          title: codeSet.get(d.code)?.title ?? '',
          condition: family.condition, regionName: region, text: mention.quote.text, advice,
          problem: unspecified ? 'does not say the region' : 'names another region',
          fixText: suggested
            ? `Replace ${d.code} by ${titled(codeSet, suggested)}, the ${family.header}- code for the documented ${region} in ${codeSet.title}.`
            : `Replace ${d.code}: ${advice}.`,
          span: [mention.quote.start, mention.quote.end],
          sources: [codeSet.source],
        });
      }
      return items;
    },
  },

  'region-undocumented': {
    compute: (ctx, params): EvidenceItem[] => {
      const codeSet = ctx.codeSet;
      if (!codeSet || !ctx.ruleSet.spine) return [];
      const only = familiesParam(params);
      return icd10Diagnoses(ctx).flatMap((d) => {
        const family = familyOf(ctx, d.code, only);
        if (!family || !codeSet.get(d.code)?.billable || !family.unspecified.includes(d.code.slice(family.header.length))) return [];
        const mentions = affirmed(ctx, family.condition);
        if (mentions.some((m) => keyOf(family, m) !== undefined)) return [];
        const children = codeSet.billableChildren(family.header).filter((c) => !family.unspecified.includes(c.slice(family.header.length)));
        const reason = !chartOf(ctx).documented
          ? 'the claim carries no chart text'
          : mentions.length > 0 ? `the chart documents ${family.condition} ("${mentions[0].quote.text}") without a level or region`
            : `the chart text does not document ${family.condition} with a level or region`;
        return [{
          path: d.path, code: d.code, title: codeSet.get(d.code)?.title ?? '', condition: family.condition, reason,
          children: children.map((c) => titled(codeSet, c)).join(', '),
          ...(mentions[0] ? { evidence: [{ path: mentions[0].path, text: mentions[0].quote.text }] } : {}),
          sources: [codeSet.source],
        }];
      });
    },
  },

  'companion-gap': {
    compute: (ctx, params): EvidenceItem[] => {
      const codeSet = ctx.codeSet;
      const companion = ctx.ruleSet.spine?.companions.get(String(params.condition));
      if (!codeSet || !companion) return [];
      const mentions = affirmed(ctx, companion.condition);
      if (mentions.length === 0) return [];
      const dx = icd10Diagnoses(ctx);
      if (dx.some((d) => companion.carriers.some((c) => d.code.startsWith(c)))) return [];
      const regions = [...new Set(mentions.map((m) => m.region).filter((r): r is string => r !== undefined))];
      const key = regions.length === 0 ? undefined : regions.length === 1 ? regions[0] : '9';
      const mention = mentions.find((m) => m.region === key) ?? mentions[0];
      const region = regionName(ctx, key);
      const carriers = companion.carriers.map((c) => (codeSet.get(c)?.billable ? c : `${c}-`)).join(', ');
      const base = {
        condition: companion.condition, quote: mention.quote.text, carriers, regionName: region,
        span: [mention.quote.start, mention.quote.end], sources: [codeSet.source],
      };
      const allowed = companion.suggestRequires === '' || affirmed(ctx, companion.suggestRequires).length > 0;
      const codes = key && allowed ? codesFor(codeSet, companion.suggest, key) : [];
      if (codes.length !== 1) {
        const why = !key ? 'the chart names no level or region'
          : !allowed ? `${companion.suggest}- needs documented ${companion.suggestRequires}; the cause of the ${companion.condition} is not stated`
            : codes.length > 1 ? `the chart must say which of ${codes.map((c) => titled(codeSet, c)).join(', ')}`
              : `${codeSet.title} has no ${companion.suggest}- code for the ${region}`;
        return [{
          ...base, path: mention.path, text: mention.quote.text, fixAction: 'add', ...(codes.length > 1 ? { candidates: codes } : {}),
          advice: `Add the code that carries it (${carriers}) for the documented region; ${why}.`,
          fixText: `Add a code that carries the documented ${companion.condition} (${carriers}); ${why}.`,
        }];
      }
      const suggested = codes[0];
      // Adding the code must not create an Excludes1 pair with a code already on the claim (tabular
      // Excludes1, e.g. M43.0 "spondylolisthesis (M43.1)"): then the fix is a replacement, with the
      // "unrelated conditions" exception of ICD-10-CM guideline I.A.12.a spelled out.
      for (const d of dx) {
        const conflicts = excludes1Between(ctx, suggested, d.code);
        if (conflicts.length === 0) continue;
        const notes = conflicts.map(({ hit }) => describeNote(hit)).join('; ');
        return [{
          ...base, path: d.path, code: d.code, suggested, fixAction: 'replace',
          evidence: [{ path: mention.path, text: mention.quote.text }],
          sources: [codeSet.source, ...conflicts.map(({ hit }) => noteSource(hit))],
          advice: `It needs ${titled(codeSet, suggested)}, but adding it to ${titled(codeSet, d.code)} would make an Excludes1 pair: ${notes}. Replace ${d.code} by ${suggested}, unless the two conditions are unrelated (e.g. at different levels), in which case keep both and document that (ICD-10-CM guideline I.A.12.a).`,
          fixText: `Replace ${d.code} by ${titled(codeSet, suggested)} (Excludes1: ${notes}); keep both only if the chart documents that the conditions are unrelated (guideline I.A.12.a).`,
        }];
      }
      return [{
        ...base, path: mention.path, text: mention.quote.text, suggested, fixAction: 'add',
        advice: `Add ${titled(codeSet, suggested)} for the documented ${region}.`,
        fixText: `Add ${titled(codeSet, suggested)}, the ${companion.suggest}- code for the documented ${region} in ${codeSet.title}.`,
      }];
    },
  },
};

export const SPECIFICITY_FACTS: Readonly<Record<string, FactDefinition>> = {
  spine: {
    index: true,
    description: 'Spine coding against the chart (code families and companion lists in rules/data/spine-*.json, levels read by the chart lexicon). check "region-gap": diagnoses coded to an unspecified or another region than the one the chart documents for their condition; "region-undocumented": site-unspecified codes when the chart names no region (or there is no chart text); "companion-gap": a condition the chart documents (`condition`) with no code on the claim that carries it, the fix naming the code for the documented region (a replacement when adding it would form an Excludes1 pair).',
    params: {
      check: { type: 'string', required: true, values: Object.keys(SPINE_CHECKS), description: 'region-gap | region-undocumented | companion-gap.' },
      families: { type: 'strings', description: 'region checks: family ids of spine-code-families (default all).' },
      condition: { type: 'string', description: 'companion-gap: the documented condition (a row of spine-companions).' },
    },
    itemFields: ['title', 'condition', 'regionName', 'advice', 'fixText', 'problem', 'reason', 'children', 'quote', 'carriers'],
    compute: (ctx, params) => SPINE_CHECKS[String(params.check)]?.compute(ctx, params) ?? [],
  },
};
