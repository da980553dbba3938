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
      expect.objectContaining({ file: 'rules[1]', path: '$.conditions.all[0].fact', message: 'unknown fact "noSuchFact"' }),
    ]));
  });
});
