import type { RuleFile } from '../rules/formats';
import type { RuleSet } from '../rules/rule-set';

// What GET /v1/rules and GET /v1/rules/:id show: enough for a client to know which edits ran and on
// what they rest, without the data files (the code sets alone are megabytes).

export interface RuleSummary {
  readonly id: string;
  readonly category: RuleFile['meta']['category'];
  readonly severity: RuleFile['meta']['severity'];
  readonly description: string;
  readonly effective: RuleFile['meta']['effective'];
  readonly sources: RuleFile['meta']['sources'];
}

export interface RuleList {
  readonly version: string;
  readonly codeSets: readonly { readonly id: string; readonly title: string; readonly effective: { readonly from: string; readonly to?: string } }[];
  readonly presets: readonly string[];
  readonly rules: readonly RuleSummary[];
}

export type RuleDetail = RuleSummary & {
  readonly messages: RuleFile['meta']['messages'];
  readonly fix?: RuleFile['meta']['fix'];
  readonly denial: RuleFile['meta']['denial'];
  readonly conditions: RuleFile['conditions'];
  readonly event: RuleFile['event'];
};

const summary = (rule: RuleFile): RuleSummary => ({
  id: rule.id,
  category: rule.meta.category,
  severity: rule.meta.severity,
  description: rule.meta.description,
  effective: rule.meta.effective,
  sources: rule.meta.sources,
});

export function listRules(ruleSet: RuleSet): RuleList {
  return {
    version: ruleSet.version,
    codeSets: ruleSet.codeSets.map((s) => ({ id: s.id, title: s.title, effective: s.effective })),
    presets: [...ruleSet.presets.keys()].sort(),
    rules: ruleSet.rules.map(summary).sort((a, b) => a.id.localeCompare(b.id)),
  };
}

export function describeRule(ruleSet: RuleSet, id: string): RuleDetail | undefined {
  const rule = ruleSet.rules.find((r) => r.id === id);
  if (!rule) return undefined;
  return {
    ...summary(rule),
    messages: rule.meta.messages,
    ...(rule.meta.fix ? { fix: rule.meta.fix } : {}),
    denial: rule.meta.denial,
    conditions: rule.conditions,
    event: rule.event,
  };
}
