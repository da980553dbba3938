import * as fs from 'node:fs';
import * as path from 'node:path';

// docs/writing-rules.md quotes the example's files; each quote must be the file as it is, so the guide cannot rot.
const ROOT = path.join(__dirname, '..', '..');

it('quotes every file of the worked example verbatim', () => {
  const guide = fs.readFileSync(path.join(ROOT, 'docs', 'writing-rules.md'), 'utf8');
  const quotes = [...guide.matchAll(/<!-- file: (\S+) -->\n```\w*\n([\s\S]*?)```\n/g)];
  expect(quotes.map((q) => q[1])).toEqual([
    'docs/example-rules/ruleset.json',
    'docs/example-rules/data/example-male-only-diagnoses.json',
    'docs/example-rules/payer-policy/male-only-diagnosis.json',
    'docs/example-rules/payer-policy/male-only-diagnosis.md',
    '__tests__/docs/writing-rules-example.test.ts',
  ]);
  for (const [, file, body] of quotes) expect(body).toBe(fs.readFileSync(path.join(ROOT, file), 'utf8'));
});
