import type { SourceCitation } from '../formats';
import type { ClaimContext, EvidenceItem, FactDefinition } from './types';

// Facts over the MS-DRG 551/552 grouping that the scrubber computes once per claim (src/scrub/drg.ts);
// the drg/* rules turn them into findings.

function grouperSources(ctx: ClaimContext): SourceCitation[] {
  const drg = ctx.drg;
  if (!drg?.tables) return [];
  return [{ title: drg.tables.sourceTitle, version: drg.result.version, section: 'MDC 08 DRG 551/552; Appendix C' }];
}

function stringList(value: unknown): readonly string[] {
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];
}

function issues(ctx: ClaimContext, kinds: ReadonlySet<string>): EvidenceItem[] {
  const drg = ctx.drg;
  if (!drg) return [];
  return drg.issues.filter((i) => kinds.has(i.kind)).map((i) => ({
    path: i.path, ...(i.code ? { code: i.code } : {}),
    detail: i.detail, version: drg.result.version, drg: drg.result.drg ?? 'none', explanation: drg.result.explanation,
    sources: grouperSources(ctx),
  }));
}

function cancelledMccs(ctx: ClaimContext, reasons: ReadonlySet<string>): EvidenceItem[] {
  const drg = ctx.drg;
  if (!drg?.tables || drg.result.drg !== '552') return [];
  const pdx = ctx.claim.diagnoses[0]?.code ?? '';
  return drg.cancelled.filter((c) => c.level === 'MCC' && reasons.has(c.reason)).map((c) => ({
    path: c.path, code: c.code, why: c.why, pdx, version: drg.result.version, detail: c.why, drg: drg.result.drg ?? 'none', explanation: drg.result.explanation,
    weightWith: drg.tables!.drgs.get(551)?.weight ?? 'unknown', weightWithout: drg.tables!.drgs.get(552)?.weight ?? 'unknown',
    sources: grouperSources(ctx),
  }));
}

export const DRG_FACTS: Readonly<Record<string, FactDefinition>> = {
  drg: {
    index: true,
    description: 'The MS-DRG 551/552 grouping of an institutional inpatient claim (src/scrub/drg.ts, computed once per claim): with `issues`, its problems of those kinds; with `cancelledMccs`, the MCCs that do not count on a claim that groups to 552 for those reasons.',
    params: {
      issues: { type: 'strings', values: ['grouper-not-loaded', 'invalid-pdx', 'hac-poa-missing', 'discharge-status-missing'], description: 'Grouping problems by kind.' },
      cancelledMccs: { type: 'strings', values: ['pdx-exclusion', 'died', 'hac'], description: 'Cancelled MCCs by reason.' },
    },
    itemFields: ['detail', 'version', 'drg', 'explanation', 'why', 'pdx', 'weightWith', 'weightWithout'],
    compute: (ctx, params): EvidenceItem[] => [
      ...(params.issues !== undefined ? issues(ctx, new Set(stringList(params.issues))) : []),
      ...(params.cancelledMccs !== undefined ? cancelledMccs(ctx, new Set(stringList(params.cancelledMccs))) : []),
    ],
  },
};
