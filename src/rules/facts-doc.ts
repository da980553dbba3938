import { FACTS } from './facts';
import { WHERE_OPS } from './facts/where';

/**
 * The fact vocabulary as Markdown: every fact, its parameters and its item fields. docs/facts.md is
 * this text (a test keeps it current); `npm run docs:facts` rewrites it.
 */
export function factsMarkdown(): string {
  const out: string[] = [
    '# The fact vocabulary',
    '',
    'Generated from `src/rules/facts/` by `npm run docs:facts` (a test fails when this file is out of date). A rule\'s',
    'conditions name these facts; the loader checks every parameter, data file, value set, `where` field and message',
    'placeholder against this list and stops with the file and JSONPath of anything unknown. How to write a rule:',
    '[writing-rules.md](writing-rules.md).',
    '',
    'Every evidence item has `path` (JSONPath into the claim) and may have `code`, `text` (chart words) and `suggested`;',
    'the item fields listed below come on top. Nested selectors (`of`, `left`, `right`) are `{ "fact": "<selector>", "params": { … } }`.',
    `\`where\` clauses: \`[{ "field": "<item field>", "op": "<op>", "value": <literal or { "field": "<item field>" }> }]\`, ops ${WHERE_OPS.map((o) => `\`${o}\``).join(', ')}. \`hasAny\` / \`hasNone\` take a list of values and test a comma-separated list field (a line's \`modifiers\`, "59,LT"); \`differentIn\` compares two list fields within groups of values: \`{ "field": "modifiers", "op": "differentIn", "value": { "field": "otherModifiers", "groups": [["LT", "RT"]] } }\` holds when, for one group, both fields hold values of it and none in common (LT on one line and RT on the other; not LT on both, nor LT on one only). \`{ "anyOf": [[clauses], [clauses]] }\` holds when every clause of one of its lists holds; \`{ "not": clause }\` when its clause does not.`,
    '',
  ];
  for (const name of Object.keys(FACTS).sort()) {
    const fact = FACTS[name];
    out.push(`## \`${name}\`${fact.itemFields ? ' (evidence items)' : ''}`, '', fact.description, '');
    const params = Object.entries(fact.params ?? {});
    if (params.length > 0) {
      out.push('| parameter | type | description |', '| --- | --- | --- |');
      for (const [p, spec] of params) {
        const values = spec.values ? ` One of: ${spec.values.map((v) => `\`${v}\``).join(', ')}.` : '';
        out.push(`| \`${p}\`${spec.required ? ' (required)' : ''} | ${spec.type} | ${spec.description.replace(/\|/g, '\\|')}${values} |`);
      }
      out.push('');
    }
    if (fact.itemFields) {
      const fields = typeof fact.itemFields === 'function' ? 'depend on the params (see the description); always' : '';
      const listed = typeof fact.itemFields === 'function'
        ? fact.itemFields({}, { data: new Map(), fieldsOf: () => ['<the selector\'s fields>'] })
        : fact.itemFields;
      out.push(`Item fields${fields ? ` (${fields})` : ''}: ${listed.map((f) => `\`${f}\``).join(', ')}.`, '');
    }
    if (fact.index) out.push('Index fact: evaluated before the engine as a cheap gate when it is a top-level `all` condition (a rule whose `all` holds only such conditions is decided by them, with the engine’s operators, and json-rules-engine is not run for it).', '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
