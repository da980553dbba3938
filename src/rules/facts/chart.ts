import { type ChartReading, hasChartText, readChart } from '../../chart/read-chart';
import type { ClaimContext, FactDefinition } from './types';

// The chart text (claim.documentation, DESIGN §2.1) read once per claim: the reading is memoized on the
// claim's context (ctx.memo), so every rule's fact shares it.
const CHART_MEMO = 'chart:reading';

/** The claim's chart reading (no mentions when no lexicon is loaded or the claim has no documentation). */
export function chartOf(ctx: ClaimContext): ChartReading {
  let reading = ctx.memo.get(CHART_MEMO) as ChartReading | undefined;
  if (!reading) {
    const lexicon = ctx.ruleSet.chartLexicon;
    reading = lexicon ? readChart(lexicon, ctx.claim.documentation) : { documented: hasChartText(ctx.claim.documentation), mentions: [] };
    ctx.memo.set(CHART_MEMO, reading);
  }
  return reading;
}

/** The region title words of a region character ("cervicothoracic region"). */
export function regionName(ctx: ClaimContext, region: string | undefined): string {
  return (region && ctx.ruleSet.chartLexicon?.regionNames.get(region)) || 'site not stated';
}

export const CHART_FACTS: Readonly<Record<string, FactDefinition>> = {
  documented: {
    description: 'true when the claim carries chart text (documentation); 837 claims never do.',
    index: true,
    compute: (ctx) => hasChartText(ctx.claim.documentation),
  },
  documentedConditions: {
    index: true,
    description: 'Spine conditions the chart documents as present (not negated, not uncertain): spondylolysis, spondylolisthesis, radiculopathy, myelopathy, stenosis, spondylosis.',
    compute: (ctx) => [...new Set(chartOf(ctx).mentions.filter((m) => m.status === 'affirmed').map((m) => m.condition))],
  },
  documentedRegions: {
    description: 'ICD-10-CM region characters (1-9) of the spine levels and regions the chart names with a documented condition.',
    compute: (ctx) => [...new Set(chartOf(ctx).mentions.filter((m) => m.status === 'affirmed' && m.region).map((m) => m.region!))],
  },
};
