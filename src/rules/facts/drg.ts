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

export const DRG_FACTS: Readonly<Record<string, FactDefinition>> = {
  drgIssues: {
    description: 'Problems of the MS-DRG grouping of an institutional inpatient claim; params.kinds: grouper-not-loaded | invalid-pdx | hac-poa-missing | discharge-status-missing.',
    itemFields: ['detail', 'version', 'drg', 'explanation'],
    compute: (ctx, params): EvidenceItem[] => {
      const drg = ctx.drg;
      if (!drg) return [];
      const kinds = new Set(stringList(params.kinds));
      return drg.issues.filter((i) => kinds.has(i.kind)).map((i) => ({
        path: i.path, ...(i.code ? { code: i.code } : {}),
        detail: i.detail, version: drg.result.version, drg: drg.result.drg ?? 'none', explanation: drg.result.explanation,
        sources: grouperSources(ctx),
      }));
    },
  },

  drgCancelledMccs: {
    description: 'MCCs that do not count on a claim that groups to DRG 552 (so without the cancellation it would be 551); params.reason: pdx-exclusion | died | hac.',
    itemFields: ['why', 'pdx', 'version', 'weightWith', 'weightWithout'],
    compute: (ctx, params): EvidenceItem[] => {
      const drg = ctx.drg;
      if (!drg?.tables || drg.result.drg !== '552') return [];
      const reasons = new Set(stringList(params.reason));
      const pdx = ctx.claim.diagnoses[0]?.code ?? '';
      return drg.cancelled.filter((c) => c.level === 'MCC' && reasons.has(c.reason)).map((c) => ({
        path: c.path, code: c.code, why: c.why, pdx, version: drg.result.version,
        weightWith: drg.tables!.drgs.get(551)?.weight ?? 'unknown', weightWithout: drg.tables!.drgs.get(552)?.weight ?? 'unknown',
        sources: grouperSources(ctx),
      }));
    },
  },
};
