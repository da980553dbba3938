import type { EvidenceItem } from '../rules/facts';
import { FixAction, PLACEHOLDER, type RuleFile, type Severity, type SourceCitation } from '../rules/formats';
import { keyedRows } from '../rules/keyed-rows';
import type { RuleSet } from '../rules/rule-set';
import type { Finding, Outcome } from './result';

// A template split once into its text and placeholder names (even indexes text, odd names): a finding's message
// is then a loop of concatenations instead of a regular-expression replace. Templates come from rule files.
const SPLIT = new Map<string, readonly string[]>();
const partsOf = (template: string): readonly string[] => {
  let parts = SPLIT.get(template);
  if (!parts) {
    parts = template.split(new RegExp(PLACEHOLDER.source)); // a capture group: the names land between the texts
    SPLIT.set(template, parts);
  }
  return parts;
};

/** Fills {{name}} placeholders from an evidence item (the loader has checked every name exists). */
export function fillTemplate(template: string, item: EvidenceItem): string {
  const parts = partsOf(template);
  let text = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const value = item[parts[i]];
    text += (value === undefined || value === null ? '' : String(value)) + parts[i + 1];
  }
  return text;
}

/** A rule's own citations, without duplicates: its sources, then the payer denial mappings behind its CARC/RARC. Built once per rule. */
export function ruleCitations(rule: RuleFile, ruleSet: RuleSet): SourceCitation[] {
  return dedupe([...rule.meta.sources, ...mappingSources(ruleSet, rule.meta.denial.mappings), ...listSources(ruleSet, rule.meta.denial)]);
}

/** For a denial with no verified payer mapping: the X12 list entries of its CARC/RARC, said to be unverified. */
function listSources(ruleSet: RuleSet, denial: RuleFile['meta']['denial']): SourceCitation[] {
  if (!denial.unverified) return [];
  const entry = (list: string, code: string) => {
    const file = ruleSet.data.get(list);
    const row = file ? keyedRows(file).at(code)[0] : undefined;
    return row ? `: ${String(row[2])}` : '';
  };
  return [
    ...(denial.carc ? [{ title: 'X12 Claim Adjustment Reason Codes [payer mapping UNVERIFIED]', section: `CARC ${denial.carc}${entry('x12-carc', denial.carc)}` }] : []),
    ...(denial.rarc ?? []).map((r) => ({ title: 'X12 Remittance Advice Remark Codes [payer mapping UNVERIFIED]', section: `RARC ${r}${entry('x12-rarc', r)}` })),
  ];
}

function mappingSources(ruleSet: RuleSet, ids: readonly string[] = []): SourceCitation[] {
  return ids.flatMap((id) => {
    const m = ruleSet.denialMappings.get(id);
    if (!m) return [];
    const url = m.url.split(' ; ')[0];
    return [{ title: `${m.source} [${m.status}]`, ...(m.sourceDate ? { version: m.sourceDate } : {}), section: `${[m.group, m.carc].filter(Boolean).join('-')}${m.rarc.length ? ` + ${m.rarc.join(', ')}` : ''}`, ...(url ? { url } : {}) }];
  });
}

function dedupe(sources: readonly SourceCitation[]): SourceCitation[] {
  const seen = new Set<string>();
  return sources.filter((s) => {
    const key = `${s.title}|${s.version ?? ''}|${s.section ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A finding's sources: its rule's (deduplicated once, by ruleCitations), then its item's own. */
const findingSources = (citations: readonly SourceCitation[], own: readonly SourceCitation[] | undefined): SourceCitation[] =>
  (own && own.length > 0 ? dedupe([...citations, ...own]) : [...citations]);


/**
 * Findings of one rule on one claim are bounded: a claim of hundreds of diagnoses can form thousands of
 * Excludes1 pairs. Past the bound, one more finding says how many were left out (README, Input bounds).
 */
export const MAX_FINDINGS_PER_RULE = 100;

/** One finding per evidence item of a fired rule (at most MAX_FINDINGS_PER_RULE, then one that counts the rest); `citations` are the rule's (ruleCitations). */
export function buildFindings(rule: RuleFile, severity: Severity, risk: number, citations: readonly SourceCitation[], items: readonly EvidenceItem[]): Finding[] {
  const findings = buildEach(rule, severity, risk, citations, items.length > MAX_FINDINGS_PER_RULE ? items.slice(0, MAX_FINDINGS_PER_RULE) : items);
  if (items.length > MAX_FINDINGS_PER_RULE) {
    const { fix: _fix, ...first } = findings[0];
    findings.push({
      ...first,
      message: `${items.length - MAX_FINDINGS_PER_RULE} more ${rule.id} findings on this claim are not listed: claimscrub lists at most ${MAX_FINDINGS_PER_RULE} findings of one rule per claim (${items.length} in all).`,
      evidence: [{ path: '$' }],
    });
  }
  return findings;
}

function buildEach(rule: RuleFile, severity: Severity, risk: number, citations: readonly SourceCitation[], items: readonly EvidenceItem[]): Finding[] {
  const { meta } = rule;
  const messageId = rule.event.params.messageId;
  return items.map((item) => {
    // A rule may choose its message by an item field (e.g. the MCE age group), falling back to a default.
    const template = typeof messageId === 'string' ? meta.messages[messageId]
      : meta.messages[String(item[messageId.byField])] ?? meta.messages[messageId.default];
    // An item may override the rule's fix action (`fixAction`), e.g. a companion code that must *replace*
    // a code it would form an Excludes1 pair with instead of being added (ICD-10-CM guideline I.A.12.a).
    const action = FixAction.is(item.fixAction) ? item.fixAction : meta.fix?.action;
    // Objects built field by field in the output's key order: a spread of a temporary object per optional
    // field cost the batch ~1 µs a finding.
    let fix: Record<string, unknown> | undefined;
    if (meta.fix && action) {
      fix = { action };
      if (item.suggested) fix.code = item.suggested;
      if (action === 'replace' && item.code) fix.replaces = item.code;
      if (Array.isArray(item.candidates) && item.candidates.length > 0) fix.candidates = item.candidates.map(String);
      fix.description = fillTemplate(meta.fix.description, item);
    }
    const first: Record<string, unknown> = { path: item.path };
    if (item.code) first.code = item.code;
    if (item.text) first.text = item.text;
    const denial: Record<string, unknown> = { risk };
    if (meta.denial.group) denial.group = meta.denial.group;
    if (meta.denial.carc) denial.carc = meta.denial.carc;
    if (meta.denial.rarc) denial.rarc = meta.denial.rarc;
    const finding: Record<string, unknown> = {
      ruleId: rule.id,
      severity,
      category: meta.category,
      message: fillTemplate(template, item),
      evidence: item.evidence ? [first, ...item.evidence] : [first],
    };
    if (fix) finding.fix = fix;
    finding.denial = denial;
    finding.sources = findingSources(citations, item.sources);
    return finding as unknown as Finding;
  });
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** DESIGN §2.2 order: severity (error first), then rule id, then evidence path. */
export function compareFindings(a: Finding, b: Finding): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]
    || a.ruleId.localeCompare(b.ruleId)
    || (a.evidence[0]?.path ?? '').localeCompare(b.evidence[0]?.path ?? '');
}

export interface OutcomeThresholds { readonly likelyDenialRisk: number }
export const DEFAULT_THRESHOLDS: OutcomeThresholds = { likelyDenialRisk: 0.5 };

/** DESIGN §2.4: independent risks combine as 1 − Π(1 − riskᵢ). */
export function riskScore(findings: readonly Finding[]): number {
  const keep = findings.reduce((p, f) => p * (1 - f.denial.risk), 1);
  return Math.round((1 - keep) * 10000) / 10000;
}

export function outcomeOf(findings: readonly Finding[], score: number, thresholds: OutcomeThresholds): Outcome {
  if (findings.some((f) => f.severity === 'error') || score >= thresholds.likelyDenialRisk) return 'likely-denial';
  return findings.length > 0 ? 'review' : 'clean';
}
