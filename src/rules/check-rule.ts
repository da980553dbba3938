import { COMMON_FIELDS, FACTS, type FactDefinition, type FieldContext, type ParamSpec } from './facts';
import { isFieldName } from './facts/claim-fields';
import { relationProblem } from './facts/combinators';
import { checkWhere } from './facts/where';
import { type Condition, type DataFile, type LeafCondition, PLACEHOLDER, type RuleFile } from './formats';
import { OPERATOR_NAMES } from './operators';

// Load-time checks of a rule against the fact vocabulary: every fact, parameter, data file, value set,
// `where` field and message placeholder must exist, so a misspelt rule stops loading with its file and
// JSONPath instead of silently never firing (issue 11).

export interface Problem { readonly path: string; readonly message: string }

/** The leaf conditions of a rule with their JSONPaths. */
export function leaves(condition: Condition, path: string): { leaf: LeafCondition; path: string }[] {
  if ('fact' in condition) return [{ leaf: condition, path }];
  if ('not' in condition) return leaves(condition.not, `${path}.not`);
  const [key, list] = 'all' in condition ? ['all', condition.all] : ['any', condition.any];
  return list.flatMap((c, i) => leaves(c, `${path}.${key}[${i}]`));
}

/** The condition whose items become the rule's findings: named by event.params.evidence, else the last notEmpty leaf of the top-level all. */
export function evidenceCondition(rule: RuleFile): { leaf: LeafCondition; path: string } | undefined {
  const conditions = rule.conditions as Condition;
  const name = rule.event.params.evidence;
  if (name !== undefined) return leaves(conditions, '$.conditions').find(({ leaf }) => leaf.name === name);
  if (!('all' in conditions)) return undefined;
  for (let i = conditions.all.length - 1; i >= 0; i--) {
    const c = conditions.all[i];
    if ('fact' in c && c.operator === 'notEmpty' && c.value !== false) return { leaf: c, path: `$.conditions.all[${i}]` };
  }
  return undefined;
}

export function fieldContext(data: ReadonlyMap<string, DataFile>): FieldContext {
  const env: FieldContext = {
    data,
    fieldsOf(selector) {
      const s = selector as { fact?: unknown; params?: Record<string, unknown> } | undefined;
      const fact = typeof s?.fact === 'string' ? FACTS[s.fact] : undefined;
      return fact ? itemFieldsOf(fact, s?.params ?? {}, env) : [];
    },
  };
  return env;
}

/** The fields an evidence fact's items carry with these params (common fields first). */
export function itemFieldsOf(fact: FactDefinition, params: Record<string, unknown>, env: FieldContext): string[] {
  const own = typeof fact.itemFields === 'function' ? fact.itemFields(params, env) : fact.itemFields ?? [];
  return [...COMMON_FIELDS, ...own];
}

function checkParam(name: string, spec: ParamSpec, value: unknown, path: string, data: ReadonlyMap<string, DataFile>, env: FieldContext, fields: () => ReadonlySet<string>): Problem[] {
  const at = `${path}.${name}`;
  const fail = (message: string): Problem[] => [{ path: at, message }];
  switch (spec.type) {
    case 'string': case 'number': case 'boolean':
      if (typeof value !== spec.type) return fail(`${name} must be a ${spec.type}`);
      break;
    case 'strings':
      if (typeof value !== 'string' && !(Array.isArray(value) && value.every((v) => typeof v === 'string'))) return fail(`${name} must be a string or an array of strings`);
      break;
    case 'valueSet': case 'table': {
      const kind = spec.type === 'valueSet' ? 'value-set' : 'table';
      if (typeof value !== 'string') return fail(`${name} must name a ${kind} data file`);
      const file = data.get(value);
      if (!file) return fail(`no ${kind} data file "${value}"`);
      if (file.kind !== kind) return fail(`data file "${value}" is a ${file.kind}, not a ${kind}`);
      break;
    }
    case 'selector': return checkLeaf(value as LeafCondition, at, data, env, true);
    case 'selectors':
      if (!Array.isArray(value) || value.length === 0) return fail(`${name} must be a non-empty array of selectors`);
      return value.flatMap((v, i) => checkLeaf(v as LeafCondition, `${at}[${i}]`, data, env, true));
    case 'where': return checkWhere(value, fields(), at);
    case 'fields': case 'dates': {
      const names = ([] as unknown[]).concat(value);
      if (names.some((n) => typeof n !== 'string')) return fail(`${name} must be a claim field name or a list of them`);
      const bad = (names as string[]).filter((f) => !isFieldName(f) && !(spec.type === 'dates' && (f === 'now' || f === 'judgingDate')));
      if (bad.length > 0) return fail(`"${bad[0]}" is not a claim field name ("payer.id", "lines[*].serviceDate")${spec.type === 'dates' ? ', "now" or "judgingDate"' : ''}`);
      break;
    }
    case 'relation': {
      const problem = relationProblem(value, data);
      if (problem) return fail(problem);
      break;
    }
    case 'json': break;
  }
  const values = ([] as unknown[]).concat(value);
  if (spec.values && values.some((v) => !spec.values!.includes(String(v)))) {
    return fail(`${name} must be one of ${spec.values.join(', ')} (got ${JSON.stringify(value)})`);
  }
  return [];
}

/** Problems of one condition leaf (or a nested selector `{ fact, params }`, which must be an evidence fact). */
export function checkLeaf(leaf: Pick<LeafCondition, 'fact' | 'params'> & Partial<LeafCondition>, path: string, data: ReadonlyMap<string, DataFile>, env: FieldContext, nested = false): Problem[] {
  if (typeof leaf !== 'object' || leaf === null || typeof leaf.fact !== 'string') return [{ path, message: 'a selector is { "fact": "<name>", "params": { … } }' }];
  const fact = FACTS[leaf.fact];
  if (!fact) return [{ path: `${path}.fact`, message: `unknown fact "${leaf.fact}" (known: ${Object.keys(FACTS).sort().join(', ')})` }];
  const problems: Problem[] = [];
  if (nested) {
    for (const key of Object.keys(leaf)) if (key !== 'fact' && key !== 'params') problems.push({ path: `${path}.${key}`, message: `a selector has only fact and params ("${key}")` });
    if (!fact.itemFields) problems.push({ path: `${path}.fact`, message: `"${leaf.fact}" gives no items, so it cannot be a selector` });
  } else if (!OPERATOR_NAMES.has(String(leaf.operator))) {
    problems.push({ path: `${path}.operator`, message: `unknown operator "${String(leaf.operator)}" (known: ${[...OPERATOR_NAMES].join(', ')})` });
  }
  const params = leaf.params ?? {};
  const specs = fact.params ?? {};
  const fields = () => new Set(itemFieldsOf(fact, params, env));
  for (const [name, value] of Object.entries(params)) {
    const spec = specs[name];
    if (!spec) {
      const known = Object.keys(specs);
      problems.push({ path: `${path}.params.${name}`, message: `fact "${leaf.fact}" has no parameter "${name}"${known.length ? ` (known: ${known.join(', ')})` : ' (it takes none)'}` });
      continue;
    }
    problems.push(...checkParam(name, spec, value, `${path}.params`, data, env, fields));
  }
  for (const [name, spec] of Object.entries(specs)) {
    if (spec.required && !(name in params)) problems.push({ path: `${path}.params`, message: `fact "${leaf.fact}" needs parameter "${name}"` });
  }
  return problems;
}

/** Problems of a rule's conditions, evidence choice, messages and fix against the vocabulary. */
export function checkRule(rule: RuleFile, data: ReadonlyMap<string, DataFile>): Problem[] {
  const env = fieldContext(data);
  const problems: Problem[] = [];
  for (const { leaf, path } of leaves(rule.conditions as Condition, '$.conditions')) problems.push(...checkLeaf(leaf, path, data, env));
  const evidence = evidenceCondition(rule);
  const fact = evidence && FACTS[evidence.leaf.fact];
  if (!evidence) {
    problems.push({ path: '$.event.params', message: rule.event.params.evidence !== undefined
      ? `no condition named "${rule.event.params.evidence}"`
      : 'no evidence condition: the top-level "all" needs a notEmpty condition on an evidence fact (or name one in event.params.evidence)' });
    return problems;
  }
  if (!fact?.itemFields) {
    if (fact) problems.push({ path: `${evidence.path}.fact`, message: `"${evidence.leaf.fact}" is not an evidence fact (it gives no items)` });
    return problems;
  }
  const known = new Set(itemFieldsOf(fact, evidence.leaf.params ?? {}, env));
  const templates: [string, string][] = [
    ...Object.entries(rule.meta.messages).map(([k, v]) => [`$.meta.messages.${k}`, v] as [string, string]),
    ...(rule.meta.fix ? [['$.meta.fix.description', rule.meta.fix.description] as [string, string]] : []),
  ];
  for (const [path, template] of templates) {
    for (const [, name] of template.matchAll(PLACEHOLDER)) {
      if (!known.has(name)) problems.push({ path, message: `placeholder {{${name}}} is not a field of ${evidence.leaf.fact} (fields: ${[...known].join(', ')})` });
    }
  }
  const messageId = rule.event.params.messageId;
  if (typeof messageId === 'string') {
    if (!(messageId in rule.meta.messages)) problems.push({ path: '$.event.params.messageId', message: `no message "${messageId}" in meta.messages` });
  } else {
    if (!known.has(messageId.byField)) problems.push({ path: '$.event.params.messageId.byField', message: `"${messageId.byField}" is not a field of ${evidence.leaf.fact}` });
    if (!(messageId.default in rule.meta.messages)) problems.push({ path: '$.event.params.messageId.default', message: `no message "${messageId.default}" in meta.messages` });
  }
  return problems;
}
