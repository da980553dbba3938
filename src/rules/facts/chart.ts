import { type ChartReading, hasChartText, readChart } from '../../chart/read-chart';
import type { ClaimContext, EvidenceItem, FactDefinition } from './types';

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

const CHART_STATUSES = ['affirmed', 'negated', 'uncertain', 'any'] as const;

export const CHART_FACTS: Readonly<Record<string, FactDefinition>> = {
  documented: {
    description: 'true when the claim carries chart text (documentation); 837 claims never do.',
    index: true,
    compute: (ctx) => hasChartText(ctx.claim.documentation),
  },
  chartTerms: {
    index: true,
    description: 'What the chart text says of a concept of the chart lexicon (rules/data/chart-condition-terms.json: spondylolysis, spondylolisthesis, radiculopathy, myelopathy, stenosis, spondylosis): one item per mention with the given status (negation and uncertainty NegEx-style, per sentence), `text` = the chart words; with `absent: true`, one item at $.documentation when the claim has chart text that neither affirms nor negates the concept.',
    params: {
      concept: { type: 'string', required: true, description: 'The concept (the lexicon\'s condition column).' },
      status: { type: 'string', values: CHART_STATUSES, description: 'affirmed (default) | negated | uncertain | any.' },
      absent: { type: 'boolean', description: 'true: the chart does not speak of the concept at all.' },
    },
    itemFields: ['concept', 'status', 'region', 'regionName'],
    compute: (ctx, params): EvidenceItem[] => {
      const reading = chartOf(ctx);
      const concept = String(params.concept);
      const mentions = reading.mentions.filter((m) => m.condition === concept);
      if (params.absent === true) {
        return reading.documented && !mentions.some((m) => m.status !== 'uncertain') ? [{ path: '$.documentation', concept, status: 'absent', region: '', regionName: '' }] : [];
      }
      const status = (params.status as string | undefined) ?? 'affirmed';
      return mentions.filter((m) => status === 'any' || m.status === status).map((m) => ({
        path: m.path, text: m.quote.text, concept, status: m.status, region: m.region ?? '', regionName: regionName(ctx, m.region),
        span: [m.quote.start, m.quote.end],
      }));
    },
  },
};
