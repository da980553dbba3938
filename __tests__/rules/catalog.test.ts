import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadRuleSet } from '../../src/rules/load';
import type { RuleFile } from '../../src/rules/formats';
import type { RuleSet } from '../../src/rules/rule-set';

// The catalog test of DESIGN §3.1: every rule decodes and is complete, every data file is documented.
const ROOT = path.join(__dirname, '..', '..');
const RULES = path.join(ROOT, 'rules');

function ruleFiles(dir = RULES): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return dir === RULES && (e.name === 'data' || e.name === 'presets') ? [] : ruleFiles(full);
    return e.name.endsWith('.json') && full !== path.join(RULES, 'ruleset.json') ? [full] : [];
  });
}

let ruleSet: RuleSet;
beforeAll(async () => {
  const loaded = await loadRuleSet(RULES);
  if (loaded._tag === 'Left') throw new Error(`rules/ does not load:\n${loaded.left.map((p) => `${p.file} ${p.path}: ${p.message}`).join('\n')}`);
  ruleSet = loaded.right;
});

describe('rule catalog', () => {
  const files = ruleFiles();

  it('finds the shipped rules', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });

  describe.each(files.map((f) => [path.relative(RULES, f).replace(/\.json$/, ''), f]))('%s', (id, file) => {
    const rule = () => ruleSet.rules.find((r) => r.id === id) as RuleFile;

    it('has the id of its path', () => {
      expect((JSON.parse(fs.readFileSync(file, 'utf8')) as { id: string }).id).toBe(id);
      expect(rule()).toBeDefined();
    });

    it('has a doc with Why, Fires when, Does not fire when, Fix and Sources', () => {
      const doc = fs.readFileSync(file.replace(/\.json$/, '.md'), 'utf8');
      expect(doc.startsWith(`# ${id}\n`)).toBe(true);
      for (const section of ['**Why.**', '**Fires when**', '**Does not fire when**', '**Fix.**', '**Sources.**']) expect(doc).toContain(section);
    });

    it('has a test file', () => {
      expect(fs.existsSync(path.join(ROOT, '__tests__', 'rules', `${id}.test.ts`))).toBe(true);
    });

    it('cites sources and carries effective dates', () => {
      expect(rule().meta.sources.length).toBeGreaterThan(0);
      expect(rule().meta.effective.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(rule().meta.denial.rationale.length).toBeGreaterThan(10);
    });

    it('takes its CARC/RARC from the X12 lists and the payer mappings it cites', () => {
      const { denial } = rule().meta;
      const listed = (dataId: string) => new Set((ruleSet.data.get(dataId)?.rows ?? []).map((r) => String(r[0])));
      if (denial.carc) expect(listed('x12-carc').has(denial.carc)).toBe(true);
      for (const rarc of denial.rarc ?? []) expect(listed('x12-rarc').has(rarc)).toBe(true);
      const mappings = (denial.mappings ?? []).map((m) => ruleSet.denialMappings.get(m)!);
      if (denial.unverified) { expect(mappings).toEqual([]); return; } // cited as X12 list entries, said to be unverified
      if (denial.carc || denial.rarc?.length) expect(mappings.length).toBeGreaterThan(0);
      if (denial.carc) expect(mappings.some((m) => m.carc === denial.carc)).toBe(true);
      for (const rarc of denial.rarc ?? []) expect(mappings.some((m) => m.rarc.includes(rarc))).toBe(true);
    });
  });

  it('documents every data file in rules/data/README.md', () => {
    const readme = fs.readFileSync(path.join(RULES, 'data', 'README.md'), 'utf8');
    const undocumented = fs.readdirSync(path.join(RULES, 'data')).filter((f) => f.endsWith('.json') && !readme.includes(f.replace(/\.json$/, '')));
    expect(undocumented).toEqual([]);
  });

  it('lists every rule in the README', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(ruleSet.rules.map((r) => r.id).filter((id) => !readme.includes(`\`${id}\``))).toEqual([]);
  });
});

describe('the loader refuses a bad rule file with its name and JSONPath', () => {
  it('names the file and the path of each problem', async () => {
    const { ruleSetFromJson } = await import('../../src/rules/load');
    const good = JSON.parse(fs.readFileSync(path.join(RULES, 'validity', 'header-code.json'), 'utf8')) as Record<string, unknown>;
    const bad = { ...good, id: 'validity/x', meta: { ...(good.meta as object), severity: 'fatal', messages: { header: '{{nope}}' } } };
    const unknownFact = { ...good, id: 'validity/y', conditions: { all: [{ fact: 'noSuchFact', operator: 'notEmpty', value: true }] } };
    const result = ruleSetFromJson({ rules: [bad, unknownFact], data: [] });
    expect(result._tag).toBe('Left');
    if (result._tag !== 'Left') return;
    expect(result.left).toEqual(expect.arrayContaining([
      expect.objectContaining({ file: 'rules[0]', path: '$.meta.severity' }),
      expect.objectContaining({ file: 'rules[1]', path: '$.conditions.all[0].fact', message: expect.stringContaining('unknown fact "noSuchFact"') }),
    ]));
  });

  // Each case breaks one thing in an otherwise loadable rule; the loader names the file and the JSONPath.
  const base = {
    id: 'integrity/example',
    meta: {
      category: 'integrity', severity: 'warning', description: 'example', messages: { m: '{{code}} at {{position}}' },
      denial: { risk: 0.1, rationale: 'example' }, sources: [{ title: 'example' }], effective: { from: '2015-10-01' },
    },
    conditions: { all: [{ fact: 'diagnoses', params: { role: 'secondary' }, operator: 'notEmpty', value: true }] },
    event: { type: 'finding', params: { messageId: 'm' } },
  };
  const valueSet = { id: 'example-set', kind: 'value-set', title: 'example', version: '1', effective: { from: '2015-10-01' }, source: { title: 'example' }, columns: ['code', 'ageMin'], rows: [['N40', 40]] };
  const withCondition = (condition: object) => ({ ...base, conditions: { all: [condition] } });
  const cases: [string, object, object[], string, string][] = [
    ['a misspelt parameter', withCondition({ fact: 'diagnoses', params: { rol: 'secondary' }, operator: 'notEmpty', value: true }), [], '$.conditions.all[0].params.rol', 'has no parameter "rol"'],
    ['a value outside the allowed ones', withCondition({ fact: 'diagnoses', params: { role: 'tertiary' }, operator: 'notEmpty', value: true }), [], '$.conditions.all[0].params.role', 'must be one of'],
    ['a value set that does not exist', withCondition({ fact: 'diagnoses', params: { inValueSet: 'no-such-set' }, operator: 'notEmpty', value: true }), [], '$.conditions.all[0].params.inValueSet', 'no value-set data file "no-such-set"'],
    ['a template field the fact does not give', { ...base, meta: { ...base.meta, messages: { m: '{{ageMax}}' } } }, [], '$.meta.messages.m', 'placeholder {{ageMax}}'],
    ['a where field the items do not have', withCondition({ fact: 'diagnoses', params: { inValueSet: 'example-set', where: [{ field: 'ageMax', op: 'lessThan', value: 3 }] }, operator: 'notEmpty', value: true }), [valueSet], '$.conditions.all[0].params.where[0].field', '"ageMax" is not an item field'],
    ['a nested selector with a bad param', withCondition({ fact: 'duplicates', params: { of: { fact: 'lines', params: { inValueset: 'x' } } }, operator: 'notEmpty', value: true }), [], '$.conditions.all[0].params.of.params.inValueset', 'has no parameter "inValueset"'],
    ['a missing required parameter', withCondition({ fact: 'field', operator: 'notEmpty', value: true }), [], '$.conditions.all[0].params', 'needs parameter "path"'],
    ['an undeclared category', { ...base, meta: { ...base.meta, category: 'integrty' } }, [], '$.meta.category', 'category "integrty" is not declared'],
    ['no evidence condition', withCondition({ fact: 'claimType', operator: 'equal', value: 'institutional' }), [], '$.event.params', 'no evidence condition'],
  ];
  it.each(cases)('stops on %s', async (_name, rule, data, path, message) => {
    const { ruleSetFromJson } = await import('../../src/rules/load');
    const result = ruleSetFromJson({ rules: [rule], data, categories: { integrity: 'Claim integrity' } });
    expect(result._tag).toBe('Left');
    if (result._tag !== 'Left') return;
    expect(result.left).toEqual(expect.arrayContaining([expect.objectContaining({ file: 'rules[0]', path, message: expect.stringContaining(message) })]));
  });

  it('loads the same rule when nothing is broken, and the value set\'s columns become item fields', async () => {
    const { ruleSetFromJson } = await import('../../src/rules/load');
    const rule = { ...withCondition({ fact: 'diagnoses', params: { inValueSet: 'example-set', where: [{ field: 'ageMin', op: 'greaterThan', value: { field: 'age' } }] }, operator: 'notEmpty', value: true }), meta: { ...base.meta, messages: { m: '{{code}} needs age {{ageMin}}' } } };
    const result = ruleSetFromJson({ rules: [rule], data: [valueSet], categories: { integrity: 'Claim integrity' } });
    expect(result).toEqual(expect.objectContaining({ _tag: 'Right' }));
  });
});
