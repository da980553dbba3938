import type { Claim } from '../claim/codecs';
import type { Severity } from '../rules/formats';
import type { Finding, Outcome, RejectedResult, ScrubbedResult } from '../scrub/result';

/** One rule's tally: findings by severity, and how many claims carry at least one of them. */
export interface RuleTally {
  findings: number;
  claims: number;
  /** Sum of the charges of the claims carrying the rule (USD). */
  charges: number;
  severity: Record<Severity, number>;
}

/** Bins of the risk-score histogram: [0, 0.1), [0.1, 0.2) … [0.9, 1]. */
export const RISK_BINS = 10;

/**
 * Counts that add up: inputs = scrubbed + rejected; outcomes sum to scrubbed; the risk histogram sums
 * to scrubbed; rejection reasons sum to rejected. Everything is a running total, so a batch of any size
 * costs the same memory.
 */
export interface Summary {
  inputs: number;
  scrubbed: number;
  rejected: number;
  outcomes: Record<Outcome, number>;
  findings: Record<Severity, number>;
  /** Findings per rule id (kept for callers of the first version; `rules` has the detail). */
  byRule: Record<string, number>;
  rules: Record<string, RuleTally>;
  /** Sum of claim charges (USD) by outcome: what is at risk if the claims go out as they are. */
  charges: Record<Outcome, number>;
  /** Scrubbed claims per risk-score bin (RISK_BINS bins of 0.1). */
  riskHistogram: number[];
  /** Rejected records by reason: the first problem's JSONPath (indexes as [*]) and what was expected. */
  rejections: Record<string, number>;
  /**
   * Scrubbed claims not fully judged: a finding of category `data` says content for their date is not
   * loaded (code set, MS-DRG grouper, MCE …). Counted apart, because "no finding" does not mean "clean" for them.
   */
  notFullyJudged: number;
  /** Sum over scrubbed claims of charge × risk score: the amount expected to be denied (USD). */
  expectedDenied: number;
  /** Per payer (the first MAX_PAYERS payers seen; later ones under OTHER_PAYERS): claims, charges, expected denied. */
  payers: Record<string, PayerTally>;
  /** How the claims were judged (from the results' ruleSet): every distinct value seen, at most 20 each. */
  judging: { presets: string[]; asOf: string[]; ruleSets: string[]; codeSets: string[] };
}

export interface PayerTally { claims: number; charges: number; expectedDenied: number; likelyDenial: number }
export const MAX_PAYERS = 200;
export const OTHER_PAYERS = '(other payers)';
export const NO_PAYER = '(no payer)';

export function emptySummary(): Summary {
  return {
    inputs: 0, scrubbed: 0, rejected: 0,
    outcomes: { clean: 0, review: 0, 'likely-denial': 0 },
    findings: { error: 0, warning: 0, info: 0 },
    byRule: {}, rules: {},
    charges: { clean: 0, review: 0, 'likely-denial': 0 },
    riskHistogram: new Array<number>(RISK_BINS).fill(0),
    rejections: {},
    notFullyJudged: 0,
    expectedDenied: 0,
    payers: Object.create(null) as Record<string, PayerTally>,
    judging: { presets: [], asOf: [], ruleSets: [], codeSets: [] },
  };
}

/** A claim's charge: its totalCharge when given, else the sum of its line charges. */
export function claimCharge(claim: Claim): number {
  // The claim total (837 CLM02) when given: institutional lines without a HCPCS code (room and board,
  // revenue code only) are not lines of the model, so summing the lines would understate the charge.
  if (claim.totalCharge !== undefined) return claim.totalCharge;
  let cents = 0;
  for (const line of claim.lines ?? []) if (line.charge !== undefined) cents += Math.round(line.charge * 100);
  return cents / 100;
}

/** What the summary (and the HTML table's rank) reads of a result: a ScrubResult is one. */
export type SummaryPart =
  | Pick<RejectedResult, 'status' | 'problems'>
  | (Pick<ScrubbedResult, 'status' | 'outcome' | 'riskScore' | 'ruleSet'> & { readonly findings: readonly Pick<Finding, 'ruleId' | 'severity' | 'category'>[] });

/** Why a record was rejected, grouped so that 10,000 bad unit counts are one reason, not 10,000. */
export function rejectionReason(result: Pick<RejectedResult, 'problems'>): string {
  const first = result.problems[0];
  if (!first) return 'unknown';
  // Values and line numbers vary by record; the reason is what is left without them.
  const expected = first.expected.replace(/"[^"]*"/g, '"…"').replace(/\bline \d+/g, 'line N');
  return `${first.path.replace(/\[\d+\]/g, '[*]')}: ${expected}`;
}

/** The risk-score bin of a score in 0..1 (1 falls in the last bin). */
export const riskBin = (score: number): number => Math.min(RISK_BINS - 1, Math.max(0, Math.floor(score * RISK_BINS)));

// Cents, so that a million additions do not drift (and adding subtotals gives what adding each amount gives).
const addMoney = (a: number, b: number): number => Math.round(a * 100 + b * 100) / 100;

/**
 * What a summary keeps of open-ended lists: a batch's, MAX_PAYERS payers and 20 values of each `judging`
 * list, sorted; a part of a batch (a worker's chunk, merged with mergeSummary) all of them in first-seen
 * order, so that merging the parts in input order gives what adding every result in order gives.
 */
interface SummaryLimits { readonly payers: number; readonly values: number; readonly sorted: boolean }
const BATCH: SummaryLimits = { payers: MAX_PAYERS, values: 20, sorted: true };
export const PART_OF_BATCH: SummaryLimits = { payers: Infinity, values: Infinity, sorted: false };

const remember = (list: string[], value: string | undefined, limits: SummaryLimits): void => {
  if (value !== undefined && list.length < limits.values && !list.includes(value)) { list.push(value); if (limits.sorted) list.sort(); }
};

/** The key a payer is counted under: its own while fewer than `limit` payers are named, else OTHER_PAYERS. */
const payerKey = (payers: Record<string, PayerTally>, payer: string | undefined, limit: number): string =>
  (payer === undefined ? NO_PAYER : Object.hasOwn(payers, payer) || Object.keys(payers).length < limit ? payer : OTHER_PAYERS);

const payerTally = (payers: Record<string, PayerTally>, key: string): PayerTally =>
  (Object.hasOwn(payers, key) ? payers[key] : (payers[key] = { claims: 0, charges: 0, expectedDenied: 0, likelyDenial: 0 }));

const ruleTally = (rules: Record<string, RuleTally>, ruleId: string): RuleTally =>
  (rules[ruleId] ??= { findings: 0, claims: 0, charges: 0, severity: { error: 0, warning: 0, info: 0 } });

/** Adds one result; `charge` is the claim's charge (claimCharge) when the caller has the claim. */
export function addToSummary(summary: Summary, result: SummaryPart, charge = 0, payer?: string, limits: SummaryLimits = BATCH): void {
  summary.inputs++;
  if (result.status === 'rejected') {
    summary.rejected++;
    const reason = rejectionReason(result);
    summary.rejections[reason] = (summary.rejections[reason] ?? 0) + 1;
    return;
  }
  summary.scrubbed++;
  summary.outcomes[result.outcome]++;
  summary.charges[result.outcome] = addMoney(summary.charges[result.outcome], charge);
  summary.riskHistogram[riskBin(result.riskScore)]++;
  if (result.findings.some((f) => f.category === 'data')) summary.notFullyJudged++;
  const denied = Math.round(charge * result.riskScore * 100) / 100;
  summary.expectedDenied = addMoney(summary.expectedDenied, denied);
  const p = payerTally(summary.payers, payerKey(summary.payers, payer, limits.payers));
  p.claims++;
  p.charges = addMoney(p.charges, charge);
  p.expectedDenied = addMoney(p.expectedDenied, denied);
  if (result.outcome === 'likely-denial') p.likelyDenial++;
  remember(summary.judging.presets, result.ruleSet.preset, limits);
  remember(summary.judging.asOf, result.ruleSet.asOf, limits);
  remember(summary.judging.ruleSets, result.ruleSet.version, limits);
  if (result.ruleSet.codeSet !== 'none') remember(summary.judging.codeSets, result.ruleSet.codeSet, limits);
  const seen = new Set<string>();
  for (const f of result.findings) {
    summary.findings[f.severity]++;
    summary.byRule[f.ruleId] = (summary.byRule[f.ruleId] ?? 0) + 1;
    const tally = ruleTally(summary.rules, f.ruleId);
    tally.findings++;
    tally.severity[f.severity]++;
    if (!seen.has(f.ruleId)) { seen.add(f.ruleId); tally.claims++; tally.charges = addMoney(tally.charges, charge); }
  }
}

/**
 * Adds a part of the batch (a summary filled with PART_OF_BATCH limits: a worker's chunk) to the batch's
 * summary. Merging the parts in input order gives what adding each result in order gives: money is added
 * in whole cents either way, and payers and judging values are taken in the order they were first seen.
 */
export function mergeSummary(summary: Summary, part: Summary): void {
  summary.inputs += part.inputs;
  summary.scrubbed += part.scrubbed;
  summary.rejected += part.rejected;
  for (const o of Object.keys(part.outcomes) as Outcome[]) {
    summary.outcomes[o] += part.outcomes[o];
    summary.charges[o] = addMoney(summary.charges[o], part.charges[o]);
  }
  for (const v of Object.keys(part.findings) as Severity[]) summary.findings[v] += part.findings[v];
  for (const [ruleId, n] of Object.entries(part.byRule)) summary.byRule[ruleId] = (summary.byRule[ruleId] ?? 0) + n;
  for (const [ruleId, t] of Object.entries(part.rules)) {
    const tally = ruleTally(summary.rules, ruleId);
    tally.findings += t.findings;
    tally.claims += t.claims;
    tally.charges = addMoney(tally.charges, t.charges);
    for (const v of Object.keys(t.severity) as Severity[]) tally.severity[v] += t.severity[v];
  }
  part.riskHistogram.forEach((n, bin) => { summary.riskHistogram[bin] += n; });
  for (const [reason, n] of Object.entries(part.rejections)) summary.rejections[reason] = (summary.rejections[reason] ?? 0) + n;
  summary.notFullyJudged += part.notFullyJudged;
  summary.expectedDenied = addMoney(summary.expectedDenied, part.expectedDenied);
  for (const [payer, t] of Object.entries(part.payers)) {
    const p = payerTally(summary.payers, payerKey(summary.payers, payer === NO_PAYER ? undefined : payer, MAX_PAYERS));
    p.claims += t.claims;
    p.charges = addMoney(p.charges, t.charges);
    p.expectedDenied = addMoney(p.expectedDenied, t.expectedDenied);
    p.likelyDenial += t.likelyDenial;
  }
  for (const list of ['presets', 'asOf', 'ruleSets', 'codeSets'] as const) for (const v of part.judging[list]) remember(summary.judging[list], v, BATCH);
}

/** Rules by claims affected (then findings, then id), most first. */
export function topRules(s: Summary, limit = Infinity): { ruleId: string; tally: RuleTally }[] {
  return Object.entries(s.rules)
    .map(([ruleId, tally]) => ({ ruleId, tally }))
    .sort((a, b) => b.tally.claims - a.tally.claims || b.tally.findings - a.tally.findings || a.ruleId.localeCompare(b.ruleId))
    .slice(0, limit);
}

/** Rejection reasons, most frequent first. */
export function topRejections(s: Summary, limit = Infinity): { reason: string; count: number }[] {
  return Object.entries(s.rejections)
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason))
    .slice(0, limit);
}

// One formatter, made on first use: toLocaleString with options builds one per call (~50 µs), and the HTML
// report formats two amounts a row.
let dollars: Intl.NumberFormat | undefined;
export const formatMoney = (amount: number): string =>
  `$${(dollars ??= new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })).format(amount)}`;

/** "1 claim", "2 claims". */
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The one-line summary; scripts parse its start, "N inputs = S scrubbed + R rejected": keep it. */
export function summaryLine(s: Summary): string {
  return `${plural(s.inputs, 'input')} = ${s.scrubbed} scrubbed + ${s.rejected} rejected`
    + ` | outcomes: ${s.outcomes.clean} clean, ${s.outcomes.review} review, ${s.outcomes['likely-denial']} likely-denial`
    + ` | findings: ${plural(s.findings.error, 'error')}, ${plural(s.findings.warning, 'warning')}, ${s.findings.info} info`;
}

/** The summary for standard error: the line above, then charges at risk, top rules and rejections. */
export function summaryText(s: Summary, top = 5): string {
  const lines = [summaryLine(s)];
  if (s.scrubbed > 0) {
    lines.push(`charges: ${formatMoney(s.charges['likely-denial'])} likely-denial, ${formatMoney(s.charges.review)} review, ${formatMoney(s.charges.clean)} clean`);
  }
  if (s.scrubbed > 0) lines.push(`expected denied (charge × risk): ${formatMoney(s.expectedDenied)}`);
  const judged = judgingText(s);
  if (judged) lines.push(`judged with: ${judged}`);
  if (s.notFullyJudged > 0) lines.push(`not fully judged: ${plural(s.notFullyJudged, 'claim')} (content for their date not loaded: see the findings of category data)`);
  const rules = topRules(s, top);
  if (rules.length > 0) {
    lines.push(`top rules by claims: ${rules.map(({ ruleId, tally }) => `${ruleId} ${tally.claims}`).join(', ')}`);
  }
  const rejections = topRejections(s, top);
  if (rejections.length > 0) {
    const more = Object.keys(s.rejections).length - rejections.length;
    lines.push(`rejections: ${rejections.map(({ reason, count }) => `${count} × ${reason}`).join(', ')}${more > 0 ? `, and ${more} other reasons` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

/** "preset recommended · what-if as of 2025-01-01 · rule set 2026.11 · ICD-10-CM FY2026": how the batch was judged. */
export function judgingText(s: Summary): string {
  const j = s.judging;
  if (j.ruleSets.length === 0) return '';
  return [
    j.presets.length ? `preset ${j.presets.join(', ')}` : 'no preset',
    j.asOf.length ? `what-if as of ${j.asOf.join(', ')} (claims judged as if on that date, not their own date of service)` : undefined,
    `rule set ${j.ruleSets.join(', ')}`,
    j.codeSets.length ? j.codeSets.join(', ') : undefined,
  ].filter(Boolean).join(' · ');
}
