import { inEffect } from '../formats';
import type { ClaimContext, EvidenceItem, FactDefinition } from './types';

// Medical necessity against Medicare coverage articles (DESIGN §4.4): a line whose procedure is in an
// article's scope, on a date the article is in force, needs a diagnosis from one of its covered groups.

export const COVERAGE_FACTS: Readonly<Record<string, FactDefinition>> = {
  medicalNecessityGaps: {
    description: 'Service lines whose procedure is in a loaded Medicare coverage article\'s scope on the line\'s date, with no diagnosis (the line\'s pointers, else all claim diagnoses) in the article\'s covered groups.',
    itemFields: ['article', 'articleVersion', 'articleTitle', 'lcd', 'lcdVersion', 'diagnoses', 'groups', 'derivedNote', 'pointerNote'],
    index: true,
    compute: (ctx: ClaimContext): EvidenceItem[] => {
      const articles = ctx.ruleSet.coverageArticles ?? [];
      if (articles.length === 0) return [];
      const payer = ctx.claim.payer?.type;
      const items: EvidenceItem[] = [];
      (ctx.claim.lines ?? []).forEach((line, i) => {
        const date = ctx.asOf ?? line.serviceDate ?? ctx.date;
        for (const article of articles) {
          if (!payer || !article.meta.payerTypes.includes(payer) || !article.procedures.has(line.procedureCode) || !inEffect(article.effective, date)) continue;
          // Line level: the diagnosis pointers of the line count when present (CMS-1500 24E / 837 SV107).
          const pointed = (line.diagnosisPointers ?? []).map((p) => ({ d: ctx.claim.diagnoses[p - 1], path: `$.diagnoses[${p - 1}]` })).filter((x) => x.d !== undefined);
          const considered = pointed.length > 0 ? pointed : ctx.claim.diagnoses.map((d, j) => ({ d, path: `$.diagnoses[${j}]` }));
          if (considered.some(({ d }) => article.supportedBy.has(d.code))) continue;
          const title = (code: string) => ctx.codeSet?.get(code)?.title;
          const { meta } = article;
          items.push({
            path: `$.lines[${i}].procedureCode`,
            code: line.procedureCode,
            evidence: considered.map(({ d, path }) => ({ path, code: d.code })),
            article: meta.id, articleVersion: meta.version, articleTitle: meta.title,
            lcd: meta.lcd?.id ?? 'none', lcdVersion: meta.lcd?.version ?? '',
            diagnoses: considered.map(({ d }) => (title(d.code) ? `${d.code} (${title(d.code)})` : d.code)).join(', ') || 'none',
            groups: article.groupsText,
            derivedNote: meta.derived
              ? ` Status: the diagnosis groups are DERIVED by claimscrub from the LCD's indications (the article's own ICD-10-CM list could not be obtained); confirm against the article before appealing.`
              : '',
            pointerNote: pointed.length > 0 ? 'the diagnoses this line points to' : 'the claim\'s diagnoses (the line has no diagnosis pointers)',
            sources: article.sources,
          });
        }
      });
      return items;
    },
  },
};
