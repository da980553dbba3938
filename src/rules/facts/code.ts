import type { CodeSet } from '../code-set';
import { diagnosesOf } from '../../claim/codecs';
import { type ClaimContext, type EvidenceItem, type FactDefinition, icd10Diagnoses } from './types';

const ICD10_TRANSITION = '2015-10-01';

/**
 * Where else a code is known, for a code that is absent or a header on the judging date: the retired-code
 * history (billable FY2016…) when it has the code, else the nearest other loaded fiscal years.
 */
function codeHistory(ctx: ClaimContext, code: string): string {
  const current = ctx.codeSet!;
  const fiscalYear = Number(current.version.replace(/\D/g, ''));
  const retired = ctx.ruleSet.retiredCodes.get(code);
  if (retired && retired.lastBillableFy < fiscalYear) {
    return ` It was billable FY${retired.firstBillableFy} to FY${retired.lastBillableFy} (through ${retired.lastBillableFy}-09-30)${current.get(code) ? '; it now needs more characters' : ' and was then deleted'}.`;
  }
  const others = ctx.ruleSet.codeSets.filter((s) => s !== current && s.get(code) && (current.get(code) === undefined || s.get(code)!.billable));
  const earlier = others.filter((s) => s.effective.from < current.effective.from).pop();
  const later = others.find((s) => s.effective.from > current.effective.from);
  const notes: string[] = [];
  if (earlier) notes.push(`It is ${earlier.get(code)!.billable ? 'a billable code' : 'a header'} in ${earlier.title} (through ${earlier.effective.to ?? 'now'}).`);
  if (later) notes.push(`It is ${later.get(code)!.billable ? 'a billable code' : 'a header'} in ${later.title} (from ${later.effective.from}).`);
  return notes.length > 0 ? ` ${notes.join(' ')}` : '';
}

function listCodes(codeSet: CodeSet, codes: readonly string[], max = 12): string {
  const shown = codes.slice(0, max).map((c) => `${c} (${codeSet.get(c)?.title ?? ''})`);
  return codes.length > max ? `${shown.join(', ')} and ${codes.length - max} more` : shown.join(', ');
}

/** Facts about the claim itself and the validity of its codes on the judging date. */
export const CODE_FACTS: Readonly<Record<string, FactDefinition>> = {
  claimType: { description: 'professional | institutional', index: true, compute: (ctx) => ctx.claim.type },
  serviceDate: { description: 'The judging date (YYYY-MM-DD): discharge date, claim service date or first line date.', compute: (ctx) => ctx.date },
  payerType: { description: 'medicare | medicaid | commercial | other, or "unknown".', index: true, compute: (ctx) => ctx.claim.payer?.type ?? 'unknown' },
  diagnosisCodes: { description: 'Every ICD-10-CM diagnosis code on the claim (dotted).', compute: (ctx) => icd10Diagnoses(ctx).map((d) => d.code) },
  principalDiagnosis: { description: 'The first diagnosis code (principal / primary), or null.', compute: (ctx) => ctx.claim.diagnoses[0]?.code ?? null },
  procedureCodes: { description: 'The CPT/HCPCS codes of the service lines.', compute: (ctx) => (ctx.claim.lines ?? []).map((l) => l.procedureCode) },

  codeSetMissing: {
    index: true,
    description: 'One item when no ICD-10-CM code set is loaded for the judging date (the claim cannot be judged), else none.',
    itemFields: ['date', 'loaded', 'era'],
    compute: (ctx): EvidenceItem[] => ctx.codeSet ? [] : [{
      path: ctx.datePath,
      date: ctx.date,
      loaded: ctx.ruleSet.codeSets.map((s) => `${s.title} (${s.effective.from} to ${s.effective.to ?? 'open'})`).join(', ') || 'none',
      era: ctx.date < ICD10_TRANSITION ? ' Dates before 2015-10-01 are coded in ICD-9-CM, which this rule set does not hold.' : '',
    }],
  },

  diagnosesNotInCodeSet: {
    index: true,
    description: 'ICD-10-CM diagnoses that are not in the code set in force on the judging date (none when no code set is loaded: cannot tell).',
    itemFields: ['date', 'codeSet', 'history'],
    compute: (ctx): EvidenceItem[] => {
      const codeSet = ctx.codeSet;
      if (!codeSet) return [];
      return icd10Diagnoses(ctx).filter((d) => !codeSet.get(d.code)).map((d) => ({
        path: d.path, code: d.code, date: ctx.date, codeSet: codeSet.title,
        history: codeHistory(ctx, d.code) || ` It is not in any loaded ICD-10-CM code set (${ctx.ruleSet.codeSets.map((s) => s.version).join(', ')}).`,
        sources: [codeSet.source],
      }));
    },
  },

  headerDiagnoses: {
    index: true,
    description: 'ICD-10-CM diagnoses that are headers (not billable) in the code set in force, with their billable children.',
    itemFields: ['title', 'codeSet', 'children', 'childCount', 'history'],
    compute: (ctx): EvidenceItem[] => {
      const codeSet = ctx.codeSet;
      if (!codeSet) return [];
      return icd10Diagnoses(ctx).filter((d) => codeSet.get(d.code)?.billable === false).map((d) => {
        const children = codeSet.billableChildren(d.code);
        return {
          path: d.path, code: d.code, title: codeSet.get(d.code)!.title, codeSet: codeSet.title,
          children: listCodes(codeSet, children), childCount: children.length,
          history: codeHistory(ctx, d.code),
          sources: [codeSet.source],
        };
      });
    },
  },

  icd9Diagnoses: {
    index: true,
    description: 'ICD-9-CM diagnoses (by explicit system or by shape) on a claim judged on or after 2015-10-01.',
    itemFields: ['date'],
    compute: (ctx): EvidenceItem[] => ctx.date < ICD10_TRANSITION ? []
      : diagnosesOf(ctx.claim, 'ICD-9-CM').map((d) => ({ path: d.path, code: d.code, date: ctx.date })),
  },
};
