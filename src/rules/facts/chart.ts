import { analyzeChart, type ChartReading, type ChartText, type ConditionMention, hasChartText, MENTION_STATUSES, readTerms } from '../../chart/read-chart';
import { type CompiledTerms, compileTerms } from '../../chart/terms';
import { type ClaimContext, type EvidenceItem, type FactDefinition, perClaim } from './types';

// The chart text (claim.documentation, DESIGN §2.1) read once per claim: the tokenized text and each term
// list's reading are memoized on the claim (perClaim), so every rule's fact shares them.
const chartTextOf = perClaim('chart:text', (ctx): ChartText => analyzeChart(ctx.claim.documentation));

/** The claim's chart reading (no mentions when no lexicon is loaded or the claim has no documentation). */
export const chartOf = perClaim('chart:reading', (ctx): ChartReading => {
  const lexicon = ctx.ruleSet.chartLexicon;
  return lexicon
    ? { documented: hasChartText(ctx.claim.documentation), mentions: readTerms(lexicon, chartTextOf(ctx), lexicon.conditionTerms) }
    : { documented: hasChartText(ctx.claim.documentation), mentions: [] };
});

// Term tables other than the lexicon's condition words (rows [term, concept]) are compiled on first use and
// kept with their data file, so a rule set compiles each once. Their readings of a claim, by table id (a
// bounded set: the ids rules name), are per-claim values like the chart's own.
const compiled = new WeakMap<object, CompiledTerms>();
const readings = new Map<string, (ctx: ClaimContext) => readonly ConditionMention[]>();

/** Mentions of a term table's concepts in the claim's chart text (the lexicon's condition words when `terms` is not given). */
function mentionsOf(ctx: ClaimContext, terms: string | undefined): readonly ConditionMention[] {
  if (terms === undefined) return chartOf(ctx).mentions;
  const lexicon = ctx.ruleSet.chartLexicon;
  const file = ctx.ruleSet.data.get(terms);
  if (!lexicon || !file) return [];
  let reading = readings.get(terms);
  if (!reading) {
    reading = perClaim(`chart:terms:${terms}`, (c) => {
      const table = c.ruleSet.data.get(terms)!;
      let list = compiled.get(table);
      if (!list) {
        list = compileTerms(terms, (table.rows ?? []) as readonly (readonly unknown[])[]).terms;
        compiled.set(table, list);
      }
      return readTerms(c.ruleSet.chartLexicon!, chartTextOf(c), list);
    });
    readings.set(terms, reading);
  }
  return reading(ctx);
}

/** The region title words of a region character ("cervicothoracic region"). */
export function regionName(ctx: ClaimContext, region: string | undefined): string {
  return (region && ctx.ruleSet.chartLexicon?.regionNames.get(region)) || 'site not stated';
}

const CHART_STATUSES = [...MENTION_STATUSES, 'any'] as const;
/** What `absent` counts as the chart speaking of a concept, unless `status` says otherwise: a statement either way about the patient. */
const SPOKEN = ['affirmed', 'negated', 'historical'];
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)]);

export const CHART_FACTS: Readonly<Record<string, FactDefinition>> = {
  documented: {
    description: 'true when the claim carries chart text (documentation); 837 claims never do.',
    index: true,
    compute: (ctx) => hasChartText(ctx.claim.documentation),
  },
  chartTerms: {
    index: true,
    description: 'What the chart text says of a concept: the spine condition words of the chart lexicon (rules/data/chart-condition-terms.json: spondylolysis, spondylolisthesis, radiculopathy, myelopathy, stenosis, spondylosis; "congenital-<concept>" when a congenital trigger applies), or of a term table named by `terms` (columns [term, concept]). One item per mention with the given status, read ConText-style within a word window (rules/data/chart-negation-triggers.json: negated, uncertain, historical, family, hypothetical), `text` = the chart words; with `absent: true`, one item at $.documentation when the claim has chart text with no mention of the concept in `status` (default affirmed, negated or historical: the chart says it either way).',
    params: {
      concept: { type: 'strings', required: true, description: 'The concept(s) (the condition / concept column).' },
      terms: { type: 'table', description: 'A term table data file (columns term, concept); default the spine condition words of the chart lexicon.' },
      status: { type: 'strings', values: CHART_STATUSES, description: 'affirmed (default; absent: affirmed, negated, historical) | negated | uncertain | historical | family | hypothetical | any.' },
      absent: { type: 'boolean', description: 'true: the chart does not speak of the concept (in `status`).' },
      sentenceWith: { type: 'strings', description: 'Only mentions whose sentence also mentions one of these concepts of the same table (not negated), e.g. a treatment with its duration.' },
    },
    itemFields: ['concept', 'status', 'region', 'regionName'],
    compute: (ctx, params): EvidenceItem[] => {
      const documented = hasChartText(ctx.claim.documentation);
      const concepts = list(params.concept);
      const all = mentionsOf(ctx, params.terms === undefined ? undefined : String(params.terms));
      let mentions = all.filter((m) => concepts.includes(m.condition));
      const withConcepts = list(params.sentenceWith);
      if (withConcepts.length > 0) {
        const sentences = new Set(all.filter((m) => withConcepts.includes(m.condition) && m.status !== 'negated').map((m) => `${m.path}#${m.sentence.start}`));
        mentions = mentions.filter((m) => sentences.has(`${m.path}#${m.sentence.start}`));
      }
      const statuses = list(params.status);
      const concept = concepts.join(', ');
      if (params.absent === true) {
        const counted = statuses.length > 0 ? statuses : SPOKEN;
        return documented && !mentions.some((m) => counted.includes('any') || counted.includes(m.status))
          ? [{ path: '$.documentation', concept, status: 'absent', region: '', regionName: '' }] : [];
      }
      const wanted = statuses.length > 0 ? statuses : ['affirmed'];
      return mentions.filter((m) => wanted.includes('any') || wanted.includes(m.status)).map((m) => ({
        path: m.path, text: m.quote.text, concept: m.condition, status: m.status, region: m.region ?? '', regionName: regionName(ctx, m.region),
        span: [m.quote.start, m.quote.end],
      }));
    },
  },
};
