import * as fs from 'node:fs';
import * as path from 'node:path';
import { factsMarkdown } from '../src/rules/facts-doc';

// Writes docs/facts.md from the fact definitions (the test __tests__/rules/vocabulary.test.ts checks it is current).
const target = path.join(__dirname, '..', 'docs', 'facts.md');
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, factsMarkdown());
process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
