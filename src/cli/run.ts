import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { finished } from 'node:stream/promises';
import { addX12Stats, emptyX12Stats, formatOf, type InputFormat, readClaims } from '../input';
import { type Chunks, FILE_READ_BYTES, type InputItem } from '../input/types';
import { createFormatter, lineFormatOf, OUTPUT_FORMATS, type OutputFormat } from '../report/formatters';
import { addToSummary, emptySummary, mergeSummary, summaryText } from '../report/summary';
import { queuedWriter } from '../report/writer';
import { shippedRulesDir } from '../rules/load';
import { createScrubber } from '../scrub/scrubber';
import { closest, parseOptions, UsageError } from './args';
import { expandArgument, fileFormat, fileHead, isGlob, sniffChunks } from './inputs';
import { type AtomicOutput, openAtomicOutput } from './output';
import { type ResultContext, withContexts } from '../report/context';
// Loaded only for --jobs 2 or more: worker threads cost a one-claim check ~12 ms of module loading.
import type * as Parallel from './parallel';
import { countBytes, createProgress, progressMode } from './progress';
import { DEFAULT_LIMITS } from '../server/limits';
import { untilStopSignal } from './signals';
import { asOfOption, failOnExitCode, intOption, loadRules, writeTo, x12Line } from './common';

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
  claimscrub serve [--port 8080] [--host 127.0.0.1] [--rules DIR]   HTTP endpoint (POST /v1/scrub)
  claimscrub queue submit|work|status|collect ...   the batch over many machines (BullMQ on Redis)
  claimscrub --version

Run 'claimscrub <command> --help' for a command's options.
`;

const CHECK_HELP = `Usage: claimscrub check <files...|-> [options]

Scrubs every claim in the files (or standard input with -) and prints one result per input record.
Input format comes from the extension (.json .ndjson .jsonl .csv; .x12 .837 .edi .txt for X12 837P/837I)
or --input-format.

Arguments: files, folders (every .json .ndjson .jsonl .csv .x12 .837 .edi .txt under them) and quoted
globs ('claims/**/*.837'); - reads standard input, whose format is --stdin-filename's extension, else
--input-format, else its first bytes ({ or [ JSON, ISA or ST* X12, a header line CSV, else NDJSON).
A .txt file is read as X12 only when it holds X12.

Options:
  -f, --format stylish|json|ndjson|csv|html
                                 output format (default stylish: one header per claim, findings
                                 as severity, where, message, rule id, and a summary table; clean
                                 claims only counted); csv: one row per finding, plus one per clean
                                 claim and per rejection problem; html: one self-contained report
                                 with summary, charts and a searchable table of the 5,000
                                 highest-risk claims (use with -o report.html)
  -o, --output FILE              write results to FILE (through a temporary file renamed on
                                 success: a failed or interrupted run leaves FILE as it was)
  --input-format json|ndjson|csv|x12
                                 read every input as this format
  --stdin-filename NAME          the name of standard input in the results (its extension sets the format)
  --rules DIR                    rule folder (default: the shipped rules)
  --preset NAME                  preset under <rules>/presets (default recommended)
  --fail-on error|warning|never  exit 1 when a finding is at or above this (default error);
                                 a rejected record counts as an error
  --as-of YYYY-MM-DD             judge every claim as if on this date (what-if; every output says so)
  --verbose                      stylish: list clean claims too, and each finding's sources
  --color, --no-color            colour the stylish output (default: when standard output is a
                                 terminal and NO_COLOR is not set)
  --progress                     progress and summary on standard error even when it is not a
                                 terminal (a plain line every 5 s; a terminal gets a bar)
  --quiet                        no progress and no summary
  --jobs N|auto                  scrub on N worker threads (auto: one per core; default 1); results
                                 keep input order; each thread holds its own copy of the rule set and,
                                 when the inputs are files and the output NDJSON, CSV or HTML, reads and
                                 formats byte ranges of them itself
  -h, --help                     this help

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage, rule-file or I/O error;
128+N stopped by signal N (the output file, if any, is left as it was).
`;

const RULES_HELP = `Usage: claimscrub rules [RULE-ID] [--rules DIR]

Without an id: one line per rule (id, severity, category, effective dates, description).
With an id: the rule's documentation, its sources and its denial prior.
`;


function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got "${value}")`);
  return value as T;
}

const CHECK_OPTIONS = {
  format: { type: 'string', short: 'f' }, output: { type: 'string', short: 'o' }, 'input-format': { type: 'string' }, rules: { type: 'string' },
  preset: { type: 'string' }, 'fail-on': { type: 'string' }, 'as-of': { type: 'string' }, 'stdin-filename': { type: 'string' },
  progress: { type: 'boolean' }, quiet: { type: 'boolean' }, verbose: { type: 'boolean' }, color: { type: 'boolean' }, 'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' }, jobs: { type: 'string' },
} as const;

const str = (v: string | boolean | undefined): string | undefined => (typeof v === 'string' ? v : undefined);

/** Whether stylish output is coloured: --color / --no-color, else NO_COLOR (any value) off, FORCE_COLOR on, else a terminal. */
export function wantsColor(values: { color?: boolean; 'no-color'?: boolean }, env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (values['no-color']) return false;
  if (values.color) return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return isTTY && env.TERM !== 'dumb';
}

async function check(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseOptions(args, CHECK_OPTIONS);
  if (values.help) { await writeTo(io.stdout, CHECK_HELP); return 0; }
  const jobs = values.jobs === 'auto' ? os.availableParallelism() : intOption('jobs', str(values.jobs), 1, 1, 64, 'auto');
  if (positionals.length === 0) throw new UsageError('check needs at least one file, folder or glob, or - for standard input');
  const format = oneOf<OutputFormat>('format', str(values.format), OUTPUT_FORMATS, 'stylish');
  const failOn = oneOf('fail-on', str(values['fail-on']), ['error', 'warning', 'never'] as const, 'error');
  const forced = values['input-format'] === undefined ? undefined : oneOf<InputFormat>('input-format', str(values['input-format']), ['json', 'ndjson', 'csv', 'x12'], 'ndjson');
  const asOf = asOfOption(str(values['as-of']));
  const stdinName = str(values['stdin-filename']);

  // Every input is checked before any work starts: an unreadable file is exit 2, not half a report.
  // `path`: a file's (a worker thread can read its byte ranges); standard input has none.
  const inputs: { name: string; format: InputFormat | 'sniff'; open: () => Chunks; size?: number; path?: string }[] = [];
  for (const arg of positionals) {
    if (arg === '-') {
      // --stdin-filename names the stream (and its format, by extension); otherwise the first bytes tell.
      const named = stdinName === undefined ? undefined : formatOf(stdinName);
      inputs.push({ name: stdinName ?? '<stdin>', format: forced ?? named ?? 'sniff', open: () => io.stdin as AsyncIterable<Buffer> });
      continue;
    }
    const names = expandArgument(arg, io.cwd);
    if (names.length === 0) {
      await writeTo(io.stderr, `claimscrub: ${arg}: ${isGlob(arg) ? 'no file matches this pattern' : 'no claim files in this folder (.json .ndjson .jsonl .csv .x12 .837 .edi .txt)'}\n`);
      return 2;
    }
    for (const name of names) {
      const full = path.resolve(io.cwd, name);
      // Readable first, so a missing file or a folder is named as such rather than as an unknown extension.
      let size: number;
      try {
        const stat = fs.statSync(full);
        if (!stat.isFile()) throw new Error('not a file');
        fs.accessSync(full, fs.constants.R_OK);
        size = stat.size;
      } catch (error) {
        await writeTo(io.stderr, `claimscrub: cannot read ${name}: ${ioWords(error as NodeJS.ErrnoException)}\n`);
        return 2;
      }
      let format: InputFormat | undefined = forced;
      if (!format) {
        const judged = fileFormat(name, fileHead(full));
        format = judged.format;
        if (judged.sniffed && format !== undefined && format !== 'x12') await writeTo(io.stderr, `claimscrub: ${name}: read as ${format.toUpperCase()} (its content says so; .txt is read as X12 only when it holds X12)\n`);
      }
      if (!format) throw new UsageError(`${name}: unknown extension; use .json, .ndjson, .jsonl, .csv, .x12, .837, .edi or .txt, or --input-format`);
      inputs.push({ name, format, open: () => fs.createReadStream(full, { highWaterMark: FILE_READ_BYTES }), size, path: full });
    }
  }

  const ruleSet = await loadRules(str(values.rules), io);
  if (!ruleSet) return 2;
  const preset = str(values.preset);
  if (preset !== undefined && !ruleSet.presets.has(preset)) {
    const guess = closest(preset, [...ruleSet.presets.keys()]);
    throw new UsageError(`unknown preset "${preset}"${guess ? `; did you mean "${guess}"?` : ''} (known: ${[...ruleSet.presets.keys()].join(', ')})`);
  }
  const scrubberOptions = { ...(preset ? { preset } : {}), ...(asOf ? { asOf } : {}) };
  // Opened now, so an output that cannot be written is exit 2 before any work, not a crash midway. The
  // results go to a temporary file renamed onto --output only when the run finished (issue 14).
  let out: NodeJS.WritableStream = io.stdout;
  let atomic: AtomicOutput | undefined;
  const output = str(values.output);
  if (output) {
    try {
      const target = path.resolve(io.cwd, output);
      // A device or a pipe (/dev/stdout, a FIFO) cannot be replaced by a rename: it is written in place.
      const special = fs.existsSync(target) && !fs.statSync(target).isFile();
      if (special) out = fs.createWriteStream('', { fd: fs.openSync(target, 'w') });
      else { atomic = openAtomicOutput(target); out = atomic.stream; }
    } catch (error) {
      await writeTo(io.stderr, `claimscrub: cannot write ${output}: ${ioWords(error as NodeJS.ErrnoException)}\n`);
      return 2;
    }
  }
  // A signal (Ctrl-C, kill, a launcher forwarding one) stops the run: the partial output is removed and
  // the exit code says the run did not finish (128 + signal number, as shells do).
  const onSignal = (signal: NodeJS.Signals) => {
    atomic?.abandon();
    io.stderr.write(`claimscrub: stopped by ${signal}; ${output ? `${output} was not written` : 'the output is incomplete'}\n`);
    process.exit(128 + (os.constants.signals[signal] ?? 15));
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  if (atomic) for (const sig of signals) process.on(sig, onSignal);
  try {
    return await scrubInputs();
  } catch (error) {
    atomic?.abandon();
    throw error;
  } finally {
    if (atomic) for (const sig of signals) process.off(sig, onSignal);
  }

  async function scrubInputs(): Promise<ExitCode> {
    const writer = queuedWriter(out);
    const stdoutTTY = out === io.stdout && (io.stdout as Partial<NodeJS.WriteStream>).isTTY === true;
    const formatter = createFormatter(format, {
      color: format === 'stylish' && wantsColor(values as { color?: boolean; 'no-color'?: boolean }, process.env, stdoutTTY),
      width: (io.stdout as Partial<NodeJS.WriteStream>).columns ?? 100,
      verbose: values.verbose === true,
      inputs: inputs.map((i) => i.name),
    });
    const summary = emptySummary();
    const sizes = inputs.map((i) => i.size);
    const progress = createProgress({
      // No bar when the results themselves go to the terminal: the two would overwrite each other.
      stream: io.stderr, mode: progressMode({ quiet: values.quiet === true, progress: values.progress === true, isTTY: io.stderrIsTTY && !stdoutTTY }),
      ...(sizes.every((n) => n !== undefined) ? { totalBytes: sizes.reduce<number>((a, b) => a + (b ?? 0), 0) } : {}),
    });
    let bytes = 0;
    const contexts: ResultContext[] = [];

    const x12Stats = emptyX12Stats();
    // All inputs as one stream of items, so --jobs starts its threads (and loads their rule sets) once.
    async function* allItems(): AsyncGenerator<InputItem> {
      for (const input of inputs) {
        let chunks: Chunks = countBytes(input.open(), (n) => { bytes += n; });
        let inputFormat: InputFormat;
        if (input.format === 'sniff') {
          const sniffed = await sniffChunks(chunks as AsyncIterable<Uint8Array | string>);
          chunks = sniffed.chunks;
          inputFormat = sniffed.format;
        } else inputFormat = input.format;
        yield* withContexts(readClaims(chunks, inputFormat, { file: input.name, ...(inputFormat === 'x12' ? { stats: x12Stats } : {}) }), inputFormat, contexts);
      }
    }
    const rulesDir = values.rules ? { rulesDir: path.resolve(io.cwd, str(values.rules) ?? '') } : {};
    // Files on worker threads, for NDJSON, CSV or the HTML report: each worker reads, scrubs and formats
    // byte ranges of the files itself (chunk-results.ts); this thread adds up the summary and writes in order.
    const lines = lineFormatOf(format);
    const table = formatter.table;
    const files = inputs.flatMap((i) => (i.path !== undefined && i.format !== 'sniff' ? [{ name: i.name, path: i.path, format: i.format }] : []));
    const joined = jobs > 1 && (lines !== undefined || table !== undefined) && files.length === inputs.length;
    if (joined) {
      const wait = writer.write(lines?.header ?? '');
      if (wait) await wait;
      const output = lines ? { lines: format } : { tableFloor: () => table!.floor() };
      for await (const chunk of (require('./parallel') as typeof Parallel).scrubFilesInWorkers(files, output, ruleSet!, { jobs, scrubber: scrubberOptions, ...rulesDir })) {
        mergeSummary(summary, chunk.summary);
        if (chunk.ranked) {
          // The HTML table: the rows of the results ranked above its floor, the others only counted.
          let next = 0;
          for (let k = 0; k < chunk.records.length; k++) {
            const ranked = chunk.ranked[next];
            if (ranked?.k === k) { table!.add(ranked.rank, ranked.row); next++; } else table!.skip();
          }
        }
        if (chunk.x12) addX12Stats(x12Stats, chunk.x12);
        bytes += chunk.bytes;
        const wait = writer.write(chunk.text ?? '');
        if (wait) await wait;
        progress.update(summary.inputs, bytes);
      }
    } else {
      const results = jobs > 1
        ? (require('./parallel') as typeof Parallel).scrubInWorkers(allItems(), { jobs, scrubber: scrubberOptions, ...rulesDir })
        : createScrubber(ruleSet!, scrubberOptions).scrubAll(allItems());
      for await (const result of results) {
        const context = contexts.shift() ?? {};
        addToSummary(summary, result, context.charge, context.payer);
        const wait = writer.write(formatter.result(result, context));
        if (wait) await wait;
        progress.update(summary.inputs, bytes);
      }
    }
    progress.done();
    // A line format's end is its header when no result came: on workers, the header came first.
    if (!joined || !lines) for (const part of formatter.endParts?.(summary) ?? [formatter.end(summary)]) await writeTo(out, part);
    let writeError = writer.failed();
    if (writeError) throw writeError;
    if (atomic) await atomic.commit();
    else if (out !== io.stdout) {
      await finished((out as fs.WriteStream).end()).catch((error: Error) => { writeError ??= error; });
    }
    if (writeError) throw writeError;
    // The stylish output ends with its own summary table; other formats get the summary on a terminal or when asked.
    if (!values.quiet && format !== 'stylish' && (io.stderrIsTTY || values.progress)) await writeTo(io.stderr, summaryText(summary) + x12Line(x12Stats));
    else if (!values.quiet && format === 'stylish') await writeTo(io.stderr, x12Line(x12Stats));
    return failOnExitCode(summary, failOn);
  }
}

/** An I/O error in words: "no such file", not ENOENT. */
export function ioWords(error: NodeJS.ErrnoException): string {
  const words: Record<string, string> = {
    ENOENT: 'no such file or folder', EACCES: 'permission denied', EPERM: 'permission denied', EISDIR: 'it is a folder',
    ENOTDIR: 'a part of the path is not a folder', ENOSPC: 'the disk is full', EROFS: 'the file system is read-only', EEXIST: 'it already exists',
  };
  return error.code && words[error.code] ? `${words[error.code]} (${error.code})` : error.message;
}

/** The X12 envelope counts for the stderr summary (issue 6), when an X12 file was read. */
async function rules(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseOptions(args, { rules: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) { await writeTo(io.stdout, RULES_HELP); return 0; }
  const ruleSet = await loadRules(str(values.rules), io);
  if (!ruleSet) return 2;
  if (positionals.length === 0) {
    const lines = ruleSet.rules.map((r) => `${r.id.padEnd(36)} ${r.meta.severity.padEnd(8)} ${r.meta.category.padEnd(18)} ${r.meta.effective.from}..${r.meta.effective.to ?? ''}  ${r.meta.description}`);
    await writeTo(io.stdout, `${lines.join('\n')}\n`);
    return 0;
  }
  const rule = ruleSet.rules.find((r) => r.id === positionals[0]);
  if (!rule) {
    const guess = closest(positionals[0], ruleSet.rules.map((r) => r.id));
    throw new UsageError(`no rule "${positionals[0]}"${guess ? `; did you mean ${guess}?` : ''}; run 'claimscrub rules' for the list`);
  }
  const rulesDir = str(values.rules);
  const dir = rulesDir ? path.resolve(io.cwd, rulesDir) : await shippedRulesDir();
  const doc = fs.readFileSync(path.join(dir, `${rule.id}.md`), { encoding: 'utf8', flag: 'r' });
  await writeTo(io.stdout, `${doc}\nSeverity: ${rule.meta.severity} · effective ${rule.meta.effective.from}..${rule.meta.effective.to ?? ''} · denial risk ${rule.meta.denial.risk} (${rule.meta.denial.rationale})\n`);
  return 0;
}

const SERVE_HELP = `Usage: claimscrub serve [options]

Runs the HTTP endpoint until SIGTERM or SIGINT, then lets in-flight requests finish and exits 0.
  POST /v1/scrub        one claim (JSON object) or an array of claims -> one result or an array of results;
                        ?preset=NAME and ?asOf=YYYY-MM-DD judge this request with another preset or date (what-if)
  GET  /v1/openapi.json the OpenAPI 3 document of this API
  GET  /v1/rules        rule ids, categories, severities, sources, effective dates
  GET  /v1/rules/:id    one rule
  GET  /healthz         200 {"status":"ok"} while serving; 503 while shutting down

Options:
  --port N               port (default 8080; 0 = any free port)
  --host ADDRESS         address to listen on (default 127.0.0.1)
  --rules DIR            rule folder (default: the shipped rules)
  --preset NAME          preset under <rules>/presets (default recommended)
  --max-body-bytes N     largest request body (default ${DEFAULT_LIMITS.maxBodyBytes}); larger -> 413
  --max-claims N         most claims in one request (default ${DEFAULT_LIMITS.maxClaims}); more -> 413
  --timeout-ms N         time to receive and answer a request (default ${DEFAULT_LIMITS.requestTimeoutMs}); over -> 408, or
                         503 time-budget when scrubbing ran past it (its thread is ended and replaced)
  --threads N            scrubbing threads (default 1); the HTTP thread only reads and answers, so
                         /healthz answers while a heavy request is scrubbed
  --quiet                no access log (start and stop lines are still printed)
  -h, --help             this help

Errors are RFC 9457 problem details (application/problem+json) with a stable "code". Every response
carries X-Request-Id (the client's, or a new one), also in the access log.
Logs go to standard error, one JSON object per line; an access-log line holds the method, path, status,
time, byte counts, the number of claims and the request id, never claim content (claims carry PHI).
`;

/** claimscrub serve: the HTTP endpoint (src/server) over the loaded rule set, until SIGTERM/SIGINT. */
async function serve(args: string[], io: CliIo): Promise<ExitCode> {
  const parsed = parseOptions(args, {
    port: { type: 'string' }, host: { type: 'string' }, rules: { type: 'string' }, preset: { type: 'string' },
    'max-body-bytes': { type: 'string' }, 'max-claims': { type: 'string' }, 'timeout-ms': { type: 'string' },
    threads: { type: 'string' }, quiet: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
  }, false);
  const values = Object.fromEntries(Object.entries(parsed.values).map(([k, v]) => [k, typeof v === 'string' ? v : v === true ? true : undefined])) as {
    port?: string; host?: string; rules?: string; preset?: string; threads?: string; 'max-body-bytes'?: string; 'max-claims'?: string; 'timeout-ms'?: string; quiet?: true; help?: true;
  };
  if (values.help) { await writeTo(io.stdout, SERVE_HELP); return 0; }
  const port = intOption('port', values.port, 8080, 0, 65535);
  const limits = {
    maxBodyBytes: intOption('max-body-bytes', values['max-body-bytes'], DEFAULT_LIMITS.maxBodyBytes, 1024, 1024 ** 3),
    maxClaims: intOption('max-claims', values['max-claims'], DEFAULT_LIMITS.maxClaims, 1, 1_000_000),
    requestTimeoutMs: intOption('timeout-ms', values['timeout-ms'], DEFAULT_LIMITS.requestTimeoutMs, 100, 3_600_000),
  };
  const ruleSet = await loadRules(values.rules, io);
  if (!ruleSet) return 2;
  if (values.preset !== undefined && !ruleSet.presets.has(values.preset)) {
    throw new UsageError(`unknown preset "${values.preset}" (known: ${[...ruleSet.presets.keys()].join(', ')})`);
  }
  // The server loads only for this command (a one-claim check does not pay for http and the thread pool).
  const { createServer } = await import('../server/server');
  const { jsonLineLogger } = await import('../server/access-log');
  const events = jsonLineLogger(io.stderr);
  const server = createServer(ruleSet, {
    scrubber: values.preset ? { preset: values.preset } : {}, limits,
    threads: { count: intOption('threads', values.threads, 1, 1, 64), ...(values.rules ? { rulesDir: path.resolve(io.cwd, values.rules) } : {}) },
    log: values.quiet ? (entry) => { if (entry.msg !== 'request') events(entry); } : events,
  });
  const now = () => new Date().toISOString();
  let address: { url: string };
  try {
    address = await server.listen(port, values.host ?? '127.0.0.1');
  } catch (error) {
    await writeTo(io.stderr, `claimscrub: cannot listen on ${values.host ?? '127.0.0.1'}:${port}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
    return 2;
  }
  events({ time: now(), level: 'info', msg: 'listening', url: address.url, ruleSet: ruleSet.version, rules: ruleSet.rules.length, pid: process.pid });
  const signal = await untilStopSignal();
  events({ time: now(), level: 'info', msg: 'shutting down', signal });
  await server.close();
  events({ time: now(), level: 'info', msg: 'stopped' });
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
    if (command === 'serve') return await serve(rest, io);
    if (command === 'queue') return await (await import('./queue')).queue(rest, io); // BullMQ loads only for this command
    const guess = closest(command, ['check', 'rules', 'serve', 'queue']);
    throw new UsageError(`unknown command "${command}"${guess ? `; did you mean '${guess}'?` : ''}`);
  } catch (error) {
    // The reader of our output went away (`claimscrub check … | head`): nothing to say, and not a failure of ours.
    if ((error as NodeJS.ErrnoException).code === 'EPIPE' || (error as NodeJS.ErrnoException).code === 'ERR_STREAM_DESTROYED') return 0;
    const usage = error instanceof UsageError || (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS');
    await writeTo(io.stderr, `claimscrub: ${(error as Error).message}\n${usage ? "Run 'claimscrub --help' for usage.\n" : ''}`);
    return 2;
  }
}
