import type { Severity } from '../rules/formats';
import type { Outcome, ScrubResult } from '../scrub/result';

/** Counts that add up: inputs = scrubbed + rejected; outcomes sum to scrubbed. */
export interface Summary {
  inputs: number;
  scrubbed: number;
  rejected: number;
  outcomes: Record<Outcome, number>;
  findings: Record<Severity, number>;
  byRule: Record<string, number>;
}

export function emptySummary(): Summary {
  return { inputs: 0, scrubbed: 0, rejected: 0, outcomes: { clean: 0, review: 0, 'likely-denial': 0 }, findings: { error: 0, warning: 0, info: 0 }, byRule: {} };
}

export function addToSummary(summary: Summary, result: ScrubResult): void {
  summary.inputs++;
  if (result.status === 'rejected') { summary.rejected++; return; }
  summary.scrubbed++;
  summary.outcomes[result.outcome]++;
  for (const f of result.findings) {
    summary.findings[f.severity]++;
    summary.byRule[f.ruleId] = (summary.byRule[f.ruleId] ?? 0) + 1;
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function summaryLine(s: Summary): string {
  return `${plural(s.inputs, 'input')} = ${s.scrubbed} scrubbed + ${s.rejected} rejected`
    + ` | outcomes: ${s.outcomes.clean} clean, ${s.outcomes.review} review, ${s.outcomes['likely-denial']} likely-denial`
    + ` | findings: ${plural(s.findings.error, 'error')}, ${plural(s.findings.warning, 'warning')}, ${s.findings.info} info`;
}
