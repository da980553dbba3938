import * as fs from 'node:fs';
import * as path from 'node:path';
import { factsMarkdown } from '../../src/rules/facts-doc';
import { FACTS, factNameClashes } from '../../src/rules/facts';

describe('the fact vocabulary', () => {
  it('is documented in docs/facts.md exactly as the definitions say (npm run docs:facts rewrites it)', () => {
    expect(fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'facts.md'), 'utf8')).toBe(factsMarkdown());
  });

  it('has one fact per name, and every parameter and evidence fact described', () => {
    expect(factNameClashes()).toEqual([]);
    for (const [name, fact] of Object.entries(FACTS)) {
      expect(`${name}: ${fact.description}`.length).toBeGreaterThan(name.length + 20);
      for (const spec of Object.values(fact.params ?? {})) expect(spec.description.length).toBeGreaterThan(5);
    }
  });
});
