import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { formatOf, type InputFormat } from '../input';
import { createFormatter, OUTPUT_FORMATS, type OutputFormat } from '../report/formatters';
import { plural, summaryText } from '../report/summary';
import { queuedWriter } from '../report/writer';
import { loadRuleSet } from '../rules/load';
import type { RuleSet } from '../rules/rule-set';
import { accountingProblems, checkFiles, collect, readState, statusText, submit, UnknownBatchError } from '../queue/batch';
import { DEFAULT_QUEUE } from '../queue/protocol';
import { redactedUrl, redisOptions, RedisUrlError } from '../queue/redis';
import { startWorker } from '../queue/worker';
import { openAtomicOutput, type AtomicOutput } from './output';
import { untilStopSignal } from './signals';
import { UsageError } from './args';
import { asOfOption, failOnExitCode, intOption, loadRules, writeTo, x12Line } from './common';
import type { CliIo, ExitCode } from './run';

// claimscrub queue submit|work|status|collect: the nightly batch over a BullMQ work queue on Redis,
// for when one machine is not enough (README "Scaling out").

const CONNECTION_HELP = `Connection (every subcommand):
  --redis URL            redis://[user[:password]@]host[:port][/db], or rediss://... for TLS
                         (default: $CLAIMSCRUB_REDIS_URL); Redis 6.2 or later
  --tls-ca FILE          PEM certificate of the CA that signed the server's (rediss:// only)
  --queue NAME           queue name (default ${DEFAULT_QUEUE}); submit and work must agree
  The password may come from $CLAIMSCRUB_REDIS_PASSWORD instead of the URL (a URL shows in 'ps').
  Redis holds chunk descriptors (file path, byte range) and counts only, never claim content.
`;

const QUEUE_HELP = `Usage: claimscrub queue <submit|work|status|collect> [options]

Spreads a batch over any number of machines through a work queue (BullMQ on Redis):
  claimscrub queue submit <files...> --redis URL   split the inputs into chunks, enqueue them, print the batch id
  claimscrub queue work --redis URL                scrub chunks until stopped (run one per core, on any machine)
  claimscrub queue status <batch> --redis URL      progress: chunks done, claims/s, time to go, dead chunks
  claimscrub queue collect <batch> --redis URL     the merged results in input order, as 'check' prints them

Inputs and the results folder must be at the same path on every machine (a shared file system).
Run 'claimscrub queue <subcommand> --help' for its options.

${CONNECTION_HELP}`;

const SUBMIT_HELP = `Usage: claimscrub queue submit <files...> --redis URL [options]

Splits each file into chunks on record boundaries (NDJSON lines, CSV claims, X12 interchanges; a JSON
file is one chunk), enqueues one job per chunk and prints the batch id on standard output.

Options:
  --chunk-records N      records (X12: claims) per chunk (default 50000)
  --results DIR          where workers write results/<batch>/<chunk>.ndjson (default ./claimscrub-results);
                         it and the inputs must be at the same path on every worker
  --input-format json|ndjson|csv|x12   read every input as this format (default: from the extension)
  --rules DIR            rule folder (default: the shipped rules); the workers must load the same version
  --preset NAME          preset under <rules>/presets (default recommended)
  --as-of YYYY-MM-DD     judge every claim as if on this date
  --attempts N           tries per chunk before it goes to the dead-letter list (default 5)
  --backoff-ms N         delay before the first retry, doubling each time (default 2000)
  -h, --help             this help

${CONNECTION_HELP}`;

const WORK_HELP = `Usage: claimscrub queue work --redis URL [options]

Takes chunks from the queue and scrubs them with the same readers and rules as 'check', until SIGTERM or
SIGINT (then it finishes the chunks in hand). Each chunk's results go to a temp file renamed into place,
so a retried chunk never duplicates results. A worker that dies mid-chunk loses nothing: its chunk's
lock expires and another worker takes the chunk again. Logs (no claim content) go to standard error.

Options:
  --concurrency N        chunks in progress at once in this process (default 1); they share one
                         JavaScript thread, so start one worker process per core to use the cores
  --rules DIR            rule folder (default: the shipped rules); must be the version the batch was submitted with
  --lock-ms N            a chunk's lock, renewed while the worker lives; a dead worker's chunk is
                         taken again after about this long (default 30000)
  -h, --help             this help

Memory: one rule set (~100 MB) plus about one chunk's worth of reading per chunk in progress.

${CONNECTION_HELP}`;

const STATUS_HELP = `Usage: claimscrub queue status <batch> --redis URL

Chunks done, records scrubbed, claims/s since the first chunk started, an estimate of the time to go,
and the chunks on the dead-letter list with their last error. Exit 0.

${CONNECTION_HELP}`;

const COLLECT_HELP = `Usage: claimscrub queue collect <batch> --redis URL [options]

Merges the chunk results in input order and prints them as 'check' does (same formats, summary and
exit codes). First it checks that every record is accounted for: every chunk done, each chunk's file
holding as many results as its worker counted, inputs = scrubbed + rejected, and the total equal to the
records in the inputs. Otherwise it says what is missing and exits 2.

Options:
  --format stylish|json|ndjson|csv|html   (default stylish)
  --output FILE          write results to FILE instead of standard output
  --fail-on error|warning|never           exit 1 when a finding is at or above this (default error)
  --wait                 wait until every chunk is done or dead, printing status every 10 s
  --rules DIR            the batch's rule folder (default: the shipped rules); used only to scrub again
                         a chunk whose claim ids repeat an earlier chunk's, so that the duplicate-claim-id
                         check sees the whole batch as 'check' does
  --quiet                no summary
  -h, --help             this help

${CONNECTION_HELP}`;


const CONNECTION_OPTIONS = { redis: { type: 'string' }, 'tls-ca': { type: 'string' }, queue: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

function connection(values: { redis?: string; 'tls-ca'?: string; queue?: string }, io: CliIo) {
  const url = values.redis ?? process.env.CLAIMSCRUB_REDIS_URL;
  if (!url) throw new UsageError('--redis URL is required (or set CLAIMSCRUB_REDIS_URL)');
  const queue = values.queue ?? DEFAULT_QUEUE;
  if (!/^[A-Za-z0-9_.-]+$/.test(queue)) throw new UsageError(`--queue must be letters, digits, _ . - (got "${queue}")`);
  return { url, queue, redis: redisOptions({ url, ...(values['tls-ca'] ? { tlsCa: path.resolve(io.cwd, values['tls-ca']) } : {}), env: process.env }) };
}

async function submitCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, strict: true, options: { ...CONNECTION_OPTIONS,
    'chunk-records': { type: 'string' }, results: { type: 'string' }, 'input-format': { type: 'string' }, rules: { type: 'string' },
    preset: { type: 'string' }, 'as-of': { type: 'string' }, attempts: { type: 'string' }, 'backoff-ms': { type: 'string' } } });
  if (values.help) { await writeTo(io.stdout, SUBMIT_HELP); return 0; }
  const conn = connection(values, io);
  if (positionals.length === 0) throw new UsageError('queue submit needs at least one file (standard input cannot be shared with workers)');
  const perChunk = intOption('chunk-records', values['chunk-records'], 50_000, 1, 10_000_000);
  const attempts = intOption('attempts', values.attempts, 5, 1, 100);
  const backoffMs = intOption('backoff-ms', values['backoff-ms'], 2000, 0, 3_600_000);
  const forced = values['input-format'];
  if (forced !== undefined && !['json', 'ndjson', 'csv', 'x12'].includes(forced)) throw new UsageError(`--input-format must be one of json, ndjson, csv, x12 (got "${forced}")`);
  const asOf = asOfOption(values['as-of']);
  const files: { name: string; path: string; format: InputFormat }[] = [];
  for (const arg of positionals) {
    if (arg === '-') throw new UsageError('queue submit reads files, not standard input: workers on other machines cannot read it');
    const full = path.resolve(io.cwd, arg);
    try {
      if (!fs.statSync(full).isFile()) throw new Error('not a file');
      fs.accessSync(full, fs.constants.R_OK);
    } catch (error) {
      await writeTo(io.stderr, `claimscrub: cannot read ${arg}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
      return 2;
    }
    const format = (forced as InputFormat | undefined) ?? formatOf(arg);
    if (!format) throw new UsageError(`${arg}: unknown extension; use .json, .ndjson, .jsonl, .csv, .x12, .837, .edi or .txt, or --input-format`);
    files.push({ name: arg, path: full, format });
  }
  const ruleSet = await loadRules(values.rules, io);
  if (!ruleSet) return 2;
  if (values.preset !== undefined && !ruleSet.presets.has(values.preset)) throw new UsageError(`unknown preset "${values.preset}" (known: ${[...ruleSet.presets.keys()].join(', ')})`);
  const meta = await submit({ redis: conn.redis, queue: conn.queue, files, perChunk, rulesVersion: ruleSet.version,
    resultsDir: path.resolve(io.cwd, values.results ?? 'claimscrub-results'), attempts, backoffMs,
    ...(values.preset ? { preset: values.preset } : {}), ...(asOf ? { asOf } : {}) });
  await writeTo(io.stderr, `claimscrub: batch ${meta.id}: ${plural(meta.chunks, 'chunk')} from ${plural(files.length, 'file')}`
    + `${meta.records !== null ? `, ${plural(meta.records, 'record')}` : ''} on ${redactedUrl(conn.url)} queue ${conn.queue}; results in ${path.join(meta.resultsDir, meta.id)}\n`);
  await writeTo(io.stdout, `${meta.id}\n`);
  return 0;
}

async function workCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values } = parseArgs({ args, allowPositionals: false, strict: true, options: { ...CONNECTION_OPTIONS,
    concurrency: { type: 'string' }, rules: { type: 'string' }, 'lock-ms': { type: 'string' } } });
  if (values.help) { await writeTo(io.stdout, WORK_HELP); return 0; }
  const conn = connection(values, io);
  const concurrency = intOption('concurrency', values.concurrency, 1, 1, 64);
  const lockMs = intOption('lock-ms', values['lock-ms'], 30_000, 1000, 3_600_000);
  const ruleSet = await loadRules(values.rules, io);
  if (!ruleSet) return 2;
  const log = (line: string) => { io.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), pid: process.pid, msg: line })}\n`); };
  const worker = await startWorker({ redis: conn.redis, queue: conn.queue, ruleSet, concurrency, lockMs, log });
  log(`working on ${redactedUrl(conn.url)} queue ${conn.queue} with rule set ${ruleSet.version}, concurrency ${concurrency}`);
  const signal = await untilStopSignal();
  log(`${signal}: finishing the chunks in hand`);
  await worker.close();
  log('stopped');
  return 0;
}

async function statusCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, strict: true, options: CONNECTION_OPTIONS });
  if (values.help) { await writeTo(io.stdout, STATUS_HELP); return 0; }
  const conn = connection(values, io);
  if (positionals.length !== 1) throw new UsageError('queue status needs one batch id');
  await writeTo(io.stdout, statusText(await readState(conn.redis, conn.queue, positionals[0])));
  return 0;
}

async function collectCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, strict: true, options: { ...CONNECTION_OPTIONS,
    format: { type: 'string' }, output: { type: 'string' }, 'fail-on': { type: 'string' }, wait: { type: 'boolean' }, quiet: { type: 'boolean' },
    rules: { type: 'string' } } });
  if (values.help) { await writeTo(io.stdout, COLLECT_HELP); return 0; }
  const conn = connection(values, io);
  if (positionals.length !== 1) throw new UsageError('queue collect needs one batch id');
  const format = (values.format ?? 'stylish') as OutputFormat;
  if (!OUTPUT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${OUTPUT_FORMATS.join(', ')} (got "${values.format}")`);
  const failOn = (values['fail-on'] ?? 'error') as 'error' | 'warning' | 'never';
  if (!['error', 'warning', 'never'].includes(failOn)) throw new UsageError(`--fail-on must be one of error, warning, never (got "${failOn}")`);
  let state = await readState(conn.redis, conn.queue, positionals[0]);
  for (let polls = 0; values.wait && state.done.size + state.dead.length < state.meta.chunks; polls++) {
    if (polls % 10 === 0) await writeTo(io.stderr, statusText(state));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    state = await readState(conn.redis, conn.queue, positionals[0]);
  }
  state = await readState(conn.redis, conn.queue, positionals[0], true);
  const problems = accountingProblems(state);
  if (problems.length === 0) problems.push(...await checkFiles(state));
  if (problems.length > 0) {
    await writeTo(io.stderr, `claimscrub: batch ${state.meta.id} cannot be collected: not every record is accounted for:\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
    return 2;
  }
  // As `check`: --output is written to a temporary file renamed onto it only when the merge finished.
  let out: NodeJS.WritableStream = io.stdout;
  let atomic: AtomicOutput | undefined;
  if (values.output) {
    try {
      atomic = openAtomicOutput(path.resolve(io.cwd, values.output));
      out = atomic.stream;
    } catch (error) {
      await writeTo(io.stderr, `claimscrub: cannot write ${values.output}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
      return 2;
    }
  }
  const formatter = createFormatter(format, { color: false, inputs: state.meta.files.map((f) => f.name) });
  // Loaded only when a chunk repeats claim ids of an earlier one and is scrubbed again (see collect).
  const ruleSet = async (): Promise<RuleSet> => {
    const loaded = await loadRuleSet(values.rules === undefined ? undefined : path.resolve(io.cwd, values.rules));
    if (loaded._tag === 'Left') throw new Error(`the rule set could not be loaded: ${loaded.left.map((p) => `${p.file} ${p.path}: ${p.message}`).join('; ')}`);
    if (loaded.right.version !== state.meta.rulesVersion) throw new Error(`the batch was scrubbed with rule set ${state.meta.rulesVersion}; --rules gives ${loaded.right.version}`);
    return loaded.right;
  };
  const writer = queuedWriter(out);
  const write = (text: string): Promise<void> => writer.write(text) ?? Promise.resolve();
  let merged: Awaited<ReturnType<typeof collect>>;
  try {
    merged = await collect(state, formatter, write, ruleSet);
    for (const part of formatter.endParts?.(merged.summary) ?? [formatter.end(merged.summary)]) await writeTo(out, part);
    const writeError = writer.failed();
    if (writeError) throw writeError;
    if (atomic) await atomic.commit();
  } catch (error) {
    atomic?.abandon();
    throw error;
  }
  const { summary, x12 } = merged;
  // As `check`: the stylish output ends with its own summary table; other formats get the summary on a terminal.
  if (!values.quiet && format !== 'stylish' && io.stderrIsTTY) await writeTo(io.stderr, summaryText(summary) + (x12 ? x12Line(x12) : ''));
  else if (!values.quiet && format === 'stylish' && x12) await writeTo(io.stderr, x12Line(x12));
  return failOnExitCode(summary, failOn);
}

/** claimscrub queue ...: exit code; usage errors are exit 2 with a hint. */
export async function queue(args: string[], io: CliIo): Promise<ExitCode> {
  const [sub, ...rest] = args;
  try {
    if (sub === undefined || sub === '-h' || sub === '--help') { await writeTo(io.stdout, QUEUE_HELP); return sub === undefined ? 2 : 0; }
    if (sub === 'submit') return await submitCommand(rest, io);
    if (sub === 'work') return await workCommand(rest, io);
    if (sub === 'status') return await statusCommand(rest, io);
    if (sub === 'collect') return await collectCommand(rest, io);
    throw new UsageError(`unknown queue subcommand "${sub}" (submit, work, status, collect)`);
  } catch (error) {
    const usage = error instanceof UsageError || error instanceof RedisUrlError || (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS');
    const known = usage || error instanceof UnknownBatchError;
    await writeTo(io.stderr, `claimscrub: ${redactedUrl((error as Error).message)}\n${usage ? "Run 'claimscrub queue --help' for usage.\n" : ''}`);
    if (!known && process.env.CLAIMSCRUB_DEBUG) await writeTo(io.stderr, `${(error as Error).stack}\n`);
    return 2;
  }
}
