import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { isValid, parseISO } from 'date-fns';
import { formatOf, type InputFormat, readClaims } from '../input';
import type { Chunks } from '../input/types';
import { createFormatter, OUTPUT_FORMATS, type OutputFormat } from '../report/formatters';
import { addToSummary, emptySummary, summaryLine } from '../report/summary';
import { loadRuleSet, shippedRulesDir } from '../rules/load';
import type { RuleSet } from '../rules/rule-set';
import { createScrubber } from '../scrub/scrubber';

export type ExitCode = 0 | 1 | 2;

/** What the CLI talks to; the bin passes the process's, tests pass their own. */
export interface CliIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly stdin: NodeJS.ReadableStream;
  /** Whether stderr is a terminal (progress and summary go there only then, unless asked). */
  readonly stderrIsTTY: boolean;
  readonly cwd: string;
}

const MAIN_HELP = `claimscrub: a claim scrubber for US medical claims

Usage:
  claimscrub check <files...|-> [options]   scrub claims, print findings
  claimscrub rules [RULE-ID] [--rules DIR]  list the rules, or explain one
  claimscrub --version

Run 'claimscrub <command> --help' for a command's options.
`;

const CHECK_HELP = `Usage: claimscrub check <files...|-> [options]

Scrubs every claim in the files (or standard input with -) and prints one result per input record.
Input format comes from the extension (.json .ndjson .jsonl .csv) or --input-format.

Options:
  --format stylish|json|ndjson   output format (default stylish)
  --output FILE                  write results to FILE instead of standard output
  --input-format json|ndjson|csv read every input as this format
  --rules DIR                    rule folder (default: the shipped rules)
  --preset NAME                  preset under <rules>/presets (default recommended)
  --fail-on error|warning|never  exit 1 when a finding is at or above this (default error);
                                 a rejected record counts as an error
  --as-of YYYY-MM-DD             judge every claim as if on this date (what-if)
  --progress                     print the summary on standard error even when it is not a terminal
  --quiet                        print no summary
  -h, --help                     this help

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage, rule-file or I/O error.
`;

const RULES_HELP = `Usage: claimscrub rules [RULE-ID] [--rules DIR]

Without an id: one line per rule (id, severity, category, effective dates, description).
With an id: the rule's documentation, its sources and its denial prior.
`;

class UsageError extends Error {}

const writeTo = (stream: NodeJS.WritableStream, text: string): Promise<void> =>
  new Promise((resolve, reject) => {
    if (text.length === 0) { resolve(); return; }
    stream.write(text, (error) => (error ? reject(error) : resolve()));
  });

async function loadRules(dir: string | undefined, io: CliIo): Promise<RuleSet | undefined> {
  const loaded = await loadRuleSet(dir === undefined ? undefined : path.resolve(io.cwd, dir));
  if (loaded._tag === 'Right') return loaded.right;
  await writeTo(io.stderr, `claimscrub: the rule set could not be loaded:\n${loaded.left.map((p) => `  ${p.file} ${p.path}: ${p.message}`).join('\n')}\n`);
  return undefined;
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got "${value}")`);
  return value as T;
}

async function check(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true, strict: true,
    options: {
      format: { type: 'string' }, output: { type: 'string' }, 'input-format': { type: 'string' }, rules: { type: 'string' },
      preset: { type: 'string' }, 'fail-on': { type: 'string' }, 'as-of': { type: 'string' },
      progress: { type: 'boolean' }, quiet: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) { await writeTo(io.stdout, CHECK_HELP); return 0; }
  if (positionals.length === 0) throw new UsageError('check needs at least one file, or - for standard input');
  const format = oneOf<OutputFormat>('format', values.format, OUTPUT_FORMATS, 'stylish');
  const failOn = oneOf('fail-on', values['fail-on'], ['error', 'warning', 'never'] as const, 'error');
  const forced = values['input-format'] === undefined ? undefined : oneOf<InputFormat>('input-format', values['input-format'], ['json', 'ndjson', 'csv'], 'ndjson');
  const asOf = values['as-of'];
  if (asOf !== undefined && !(/^\d{4}-\d{2}-\d{2}$/.test(asOf) && isValid(parseISO(asOf)))) throw new UsageError(`--as-of must be a date YYYY-MM-DD (got "${asOf}")`);

  // Every input is checked before any work starts: an unreadable file is exit 2, not half a report.
  const inputs: { name: string; format: InputFormat; open: () => Chunks }[] = [];
  for (const arg of positionals) {
    if (arg === '-') {
      inputs.push({ name: '<stdin>', format: forced ?? 'ndjson', open: () => io.stdin as AsyncIterable<Buffer> });
      continue;
    }
    const full = path.resolve(io.cwd, arg);
    const format = forced ?? formatOf(arg);
    if (!format) throw new UsageError(`${arg}: unknown extension; use .json, .ndjson, .jsonl or .csv, or --input-format`);
    try {
      const stat = fs.statSync(full);
      if (!stat.isFile()) throw new Error('not a file');
      fs.accessSync(full, fs.constants.R_OK);
    } catch (error) {
      await writeTo(io.stderr, `claimscrub: cannot read ${arg}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
      return 2;
    }
    inputs.push({ name: arg, format, open: () => fs.createReadStream(full) });
  }

  const ruleSet = await loadRules(values.rules, io);
  if (!ruleSet) return 2;
  if (values.preset !== undefined && !ruleSet.presets.has(values.preset)) {
    throw new UsageError(`unknown preset "${values.preset}" (known: ${[...ruleSet.presets.keys()].join(', ')})`);
  }
  const scrubber = createScrubber(ruleSet, { ...(values.preset ? { preset: values.preset } : {}), ...(asOf ? { asOf } : {}) });
  const out: NodeJS.WritableStream = values.output ? fs.createWriteStream(path.resolve(io.cwd, values.output)) : io.stdout;
  const formatter = createFormatter(format, { color: false });
  const summary = emptySummary();
  let worst: 'error' | 'warning' | 'none' = 'none';

  for (const input of inputs) {
    for await (const result of scrubber.scrubAll(readClaims(input.open(), input.format, { file: input.name }))) {
      addToSummary(summary, result);
      if (result.status === 'rejected' || result.findings.some((f) => f.severity === 'error')) worst = 'error';
      else if (worst === 'none' && result.findings.some((f) => f.severity === 'warning')) worst = 'warning';
      const text = formatter.result(result);
      if (!out.write(text)) await new Promise((resolve) => out.once('drain', resolve));
    }
  }
  await writeTo(out, format === 'stylish' ? '' : formatter.end(summary));
  if (out !== io.stdout) await new Promise<void>((resolve) => { (out as fs.WriteStream).end(() => resolve()); });
  if (!values.quiet && (io.stderrIsTTY || values.progress || format === 'stylish')) await writeTo(io.stderr, `${summaryLine(summary)}\n`);
  if (failOn === 'never') return 0;
  return worst === 'error' || (failOn === 'warning' && worst === 'warning') ? 1 : 0;
}

async function rules(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, strict: true, options: { rules: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) { await writeTo(io.stdout, RULES_HELP); return 0; }
  const ruleSet = await loadRules(values.rules, io);
  if (!ruleSet) return 2;
  if (positionals.length === 0) {
    const lines = ruleSet.rules.map((r) => `${r.id.padEnd(36)} ${r.meta.severity.padEnd(8)} ${r.meta.category.padEnd(18)} ${r.meta.effective.from}..${r.meta.effective.to ?? ''}  ${r.meta.description}`);
    await writeTo(io.stdout, `${lines.join('\n')}\n`);
    return 0;
  }
  const rule = ruleSet.rules.find((r) => r.id === positionals[0]);
  if (!rule) throw new UsageError(`no rule "${positionals[0]}"; run 'claimscrub rules' for the list`);
  const dir = values.rules ? path.resolve(io.cwd, values.rules) : await shippedRulesDir();
  const doc = fs.readFileSync(path.join(dir, `${rule.id}.md`), { encoding: 'utf8', flag: 'r' });
  await writeTo(io.stdout, `${doc}\nSeverity: ${rule.meta.severity} · effective ${rule.meta.effective.from}..${rule.meta.effective.to ?? ''} · denial risk ${rule.meta.denial.risk} (${rule.meta.denial.rationale})\n`);
  return 0;
}

/** The CLI: argv (without node and script) → exit code. Never throws for bad input. */
export async function run(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') { await writeTo(io.stdout, MAIN_HELP); return command === undefined ? 2 : 0; }
    if (command === '--version' || command === '-v') {
      const pkg = JSON.parse(fs.readFileSync(path.join(path.dirname(await shippedRulesDir()), 'package.json'), 'utf8')) as { version: string };
      await writeTo(io.stdout, `${pkg.version}\n`);
      return 0;
    }
    if (command === 'check') return await check(rest, io);
    if (command === 'rules') return await rules(rest, io);
    throw new UsageError(`unknown command "${command}"`);
  } catch (error) {
    const usage = error instanceof UsageError || (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS');
    await writeTo(io.stderr, `claimscrub: ${(error as Error).message}\n${usage ? "Run 'claimscrub --help' for usage.\n" : ''}`);
    return 2;
  }
}
