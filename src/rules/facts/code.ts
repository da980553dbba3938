import type { ClaimContext, EvidenceItem, FactDefinition } from './types';

const ICD10_TRANSITION = '2015-10-01';

/** Facts about the claim as a whole: its type, its payer, and whether a code set is loaded for its date. */
export const CODE_FACTS: Readonly<Record<string, FactDefinition>> = {
  claimType: { description: 'professional | institutional', index: true, compute: (ctx) => ctx.claim.type },
  payerType: { description: 'medicare | medicaid | commercial | other, or "unknown".', index: true, compute: (ctx) => ctx.claim.payer?.type ?? 'unknown' },

  codeSetMissing: {
    index: true,
    description: 'One item when no ICD-10-CM code set is loaded for the judging date (the claim cannot be judged), else none.',
    itemFields: ['date', 'loaded', 'era'],
    compute: (ctx: ClaimContext): EvidenceItem[] => ctx.codeSet ? [] : [{
      path: ctx.datePath,
      date: ctx.date,
      loaded: ctx.ruleSet.codeSets.map((s) => `${s.title} (${s.effective.from} to ${s.effective.to ?? 'open'})`).join(', ') || 'none',
      era: ctx.date < ICD10_TRANSITION ? ' Dates before 2015-10-01 are coded in ICD-9-CM, which this rule set does not hold.' : '',
    }],
  },
};
