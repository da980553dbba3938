/**
 * npm run bench: prints one JSON object per line (DESIGN §5). Never asserted in a test.
 *   node dist/scripts/bench.js [--claims N] [--batch-only] [--format csv|html|ndjson|…]
 *     --claims N        claims in the batch figure (default 1,000,000: the DESIGN §5 file; ~1.5 min)
 *     --batch-only      only the batch figure (no single-claim latency, X12 or HTTP figures)
 *     --ncci-only       only the NCCI figures (10-line and one-line claims, ncci/* rules on vs off)
 *     --chart-only      only the chart-reading figures (readChart on 10 KB / 100 KB notes, 100 KB adversarial text)
 *     --latency-only    only the start-up figures (one-claim CLI check vs bare node; loadRuleSet + first scrub),
 *                       the rule-set load and single-claim figures (shipped rules and 10x the rules)
 *     --format F        the nightly CLI path timed in a child process (default ndjson): `claimscrub check claims.ndjson --format F --output …`
 *                       (reader, scrubber, summary with charges, formatter) and its peak RSS, in a child
 *                       process so its memory is its own
 *     --jobs N          with --format: also run that CLI path with `--jobs N` worker threads (its speedUp over
 *                       --jobs 1), and the file cut in N parts checked by N independent processes at once (the machine's
 *                       ceiling for that speed-up)
 *     --heap-mb N       with --format: run the CLI with node --max-old-space-size=N (V8 grows its heap
 *                       lazily: a cap shows the RSS the work needs rather than what V8 chose to keep)
 *   node dist/scripts/bench.js --generate FILE [--claims N]   write the generated claims (default 200,000) to FILE and stop
 * Figures: rule-set load time; single-claim in-process latency (p50/p99 µs) with the full shipped
 * rule set, and with 10x the rules (generated copies under new ids: how cost grows with rule count); batch throughput NDJSON → NDJSON (claims/s) and peak RSS, against the JSON floor and against the scrub alone (decoded claims
 * scrubbed in memory); X12 837 throughput and peak RSS on a
 * generated 1 GB file (bench-x12.ts); HTTP p50/p99 at 1,000 req/s and at saturation (bench-http.ts).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createScrubber, decodeClaim, loadRuleSet, readNdjson, createFormatter } from '../src/index';
import type { Claim } from '../src/index';
import type { RuleSet } from '../src/rules/rule-set';
import { readChart } from '../src/chart/read-chart';
import { benchHttp } from './bench-http';
import { claimGenerator } from './lib/bench-claims';
import { linesOf, textOf } from '../src/input/text';
import { DEFAULT_MAX_RECORD_LENGTH, FILE_READ_BYTES } from '../src/input/types';

const print = (figure: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(figure)}\n`);
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const text = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const flag = (name: string): boolean => process.argv.includes(`--${name}`);

async function singleClaimLatency(ruleSet: RuleSet, name = 'single-claim'): Promise<{ p50: number; p99: number }> {
  const scrubber = createScrubber(ruleSet);
  const generate = claimGenerator(ruleSet);
  const claims: Claim[] = [];
  for (let i = 0; claims.length < 2000; i++) {
    const decoded = decodeClaim(generate(i));
    if (decoded._tag === 'Right') claims.push(decoded.right);
  }
  for (let i = 0; i < 20000; i++) await scrubber.scrub(claims[i % claims.length]); // warm-up (JIT)
  const samples = new Float64Array(50000);
  for (let i = 0; i < samples.length; i++) {
    const start = process.hrtime.bigint();
    await scrubber.scrub(claims[i % claims.length]);
    samples[i] = Number(process.hrtime.bigint() - start) / 1000;
  }
  samples.sort();
  const at = (q: number) => Math.round(samples[Math.floor(q * (samples.length - 1))] * 10) / 10;
  print({ name, unit: 'µs', rules: ruleSet.rules.length, samples: samples.length, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: at(1) });
  return { p50: at(0.5), p99: at(0.99) };
}

/**
 * NCCI on a 10-line professional claim (the seed's fusion, an E/M with 25, therapy, radiology) and on a one-line
 * claim: the first claim unpacks the PTP practitioner sidecar (a one-line claim never does); later claims pay only
 * the lookups. The NCCI cost is the p50 with the ncci/* rules on minus the p50 with them off, the two scrubbers
 * timed in alternating blocks so machine load falls on both alike.
 */
async function ncciClaims(ruleSet: RuleSet): Promise<void> {
  const ncciOff = Object.fromEntries(ruleSet.rules.filter((r) => r.id.startsWith('ncci/')).map((r) => [r.id, 'off' as const]));
  const ptpOff = Object.fromEntries(ruleSet.rules.filter((r) => r.id.startsWith('ncci/ptp')).map((r) => [r.id, 'off' as const]));
  const claimOf = (id: string, codes: [string, number, string[]][]): Claim => {
    const decoded = decodeClaim({ id, type: 'professional', payer: { id: 'MEDICARE', type: 'medicare' }, patient: { birthDate: '1958-03-02', sex: 'F' },
      serviceDate: '2026-05-12', diagnoses: ['M50.121'], lines: codes.map(([procedureCode, units, modifiers]) => ({ procedureCode, units, modifiers, charge: 100, diagnosisPointers: [1] })) });
    if (decoded._tag === 'Left') throw new Error(`the NCCI bench claim ${id} does not decode`);
    return decoded.right;
  };
  const ten = claimOf('BENCH-NCCI', [['22551', 1, []], ['63075', 1, []], ['22552', 1, []], ['22845', 1, []], ['20930', 1, []],
    ['99214', 1, ['25']], ['97110', 2, []], ['97113', 2, []], ['71046', 1, []], ['71045', 1, []]]);
  // The same lines, each with XS: every PTP pair is looked up, built and bypassed, so no PTP finding is made.
  const tenXs = claimOf('BENCH-NCCI-XS', ten.lines!.map((l) => [l.procedureCode ?? '', l.units ?? 1, ['XS']] as [string, number, string[]]));
  const one = claimOf('BENCH-NCCI-1', [['22551', 1, []]]);
  const all = createScrubber(ruleSet);
  const scrubbers = { all, ncciOff: createScrubber(ruleSet, { rules: ncciOff }), ptpOff: createScrubber(ruleSet, { rules: ptpOff }) };
  const first = process.hrtime.bigint();
  const findings = (await all.scrub(ten)).findings.filter((f) => f.ruleId.startsWith('ncci/')).length;
  const firstMs = Number(process.hrtime.bigint() - first) / 1e6;
  const p50 = async (claim: Claim): Promise<Record<keyof typeof scrubbers, number>> => {
    const samples = Object.fromEntries(Object.keys(scrubbers).map((k) => [k, [] as number[]])) as Record<keyof typeof scrubbers, number[]>;
    for (const s of Object.values(scrubbers)) for (let i = 0; i < 1000; i++) await s.scrub(claim); // warm-up (JIT)
    for (let block = 0; block < 40; block++) {
      for (const [name, s] of Object.entries(scrubbers) as [keyof typeof scrubbers, typeof all][]) {
        for (let i = 0; i < 100; i++) {
          const start = process.hrtime.bigint();
          await s.scrub(claim);
          samples[name].push(Number(process.hrtime.bigint() - start) / 1000);
        }
      }
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
    return Object.fromEntries(Object.entries(samples).map(([k, xs]) => [k, Math.round(median(xs) * 10) / 10])) as Record<keyof typeof scrubbers, number>;
  };
  const tenP = await p50(ten);
  const tenXsP = await p50(tenXs);
  const oneP = await p50(one);
  const added = (p: Record<keyof typeof scrubbers, number>) => ({ ncciAddedP50: Math.round((p.all - p.ncciOff) * 10) / 10, ptpAddedP50: Math.round((p.all - p.ptpOff) * 10) / 10 });
  print({ name: 'ncci-10-line-claim', unit: 'µs', firstClaimMs: Math.round(firstMs), ncciFindings: findings, p50: tenP.all, p50NcciOff: tenP.ncciOff, p50PtpOff: tenP.ptpOff, ...added(tenP),
    note: 'the first claim also reads the NCCI PTP practitioner sidecar (4.2 MB packed) and unpacks the gzip members its codes need; added = p50 with the ncci/* (ncci/ptp*) rules on minus off' });
  print({ name: 'ncci-10-line-claim-bypassed', unit: 'µs', p50: tenXsP.all, p50NcciOff: tenXsP.ncciOff, p50PtpOff: tenXsP.ptpOff, ...added(tenXsP),
    note: 'the same lines, each with XS: the PTP evaluation without PTP findings (every pair looked up, built, bypassed)' });
  print({ name: 'ncci-1-line-claim', unit: 'µs', p50: oneP.all, p50NcciOff: oneP.ncciOff, p50PtpOff: oneP.ptpOff, ...added(oneP) });
}

/**
 * How per-claim cost grows with the number of rules: the shipped rules plus 9 generated copies of each
 * (new ids, same conditions), loaded from a temporary folder that links the shipped data.
 */
async function ruleCountScaling(ruleSet: RuleSet, base: { p50: number; p99: number }): Promise<void> {
  const shipped = path.join(__dirname, '..', '..', 'rules');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimscrub-rules-x10-'));
  fs.mkdirSync(path.join(dir, 'data'));
  for (const file of fs.readdirSync(path.join(shipped, 'data'))) fs.symlinkSync(path.join(shipped, 'data', file), path.join(dir, 'data', file));
  fs.copyFileSync(path.join(shipped, 'ruleset.json'), path.join(dir, 'ruleset.json'));
  for (const rule of ruleSet.rules) {
    const [category, name] = rule.id.split('/');
    fs.mkdirSync(path.join(dir, category), { recursive: true });
    for (let copy = 0; copy < 10; copy++) {
      const id = copy === 0 ? rule.id : `${category}/${name}-copy-${copy}`;
      fs.writeFileSync(path.join(dir, category, `${id.split('/')[1]}.json`), JSON.stringify({ ...rule, id }));
    }
  }
  const loaded = await loadRuleSet(dir, { preload: true }); // preloaded: the folder goes before the claims are scrubbed
  fs.rmSync(dir, { recursive: true, force: true });
  if (loaded._tag === 'Left') throw new Error(JSON.stringify(loaded.left.slice(0, 3)));
  const x10 = await singleClaimLatency(loaded.right, 'single-claim-rules-x10');
  print({ name: 'rule-count-scaling', rules: [ruleSet.rules.length, loaded.right.rules.length], p50Ratio: Math.round((x10.p50 / base.p50) * 100) / 100, p99Ratio: Math.round((x10.p99 / base.p99) * 100) / 100,
    note: 'per-claim cost with 10x the rules (each shipped rule plus 9 copies under new ids) over the shipped rule set' });
}

async function writeClaims(ruleSet: RuleSet, count: number, file: string): Promise<void> {
  const generate = claimGenerator(ruleSet);
  await pipeline(Readable.from((function* () { for (let i = 0; i < count; i++) yield `${JSON.stringify(generate(i))}\n`; })()), fs.createWriteStream(file));
}

/** The nightly run the CLI figures time: `claimscrub check` of the file into an output file. */
const checkArgs = (input: string, format: string, output: string, jobs: number): string[] =>
  ['check', input, '--format', format, '--output', output, '--fail-on', 'never', '--quiet', '--jobs', String(jobs)];

/**
 * The nightly path end to end (bin → check → formatter → file) in a child process, so its peak RSS is its own:
 * prints its figure and returns its claims per second.
 */
function cliBatch(input: string, format: string, claims: number, jobs = 1, oneJob?: number): number {
  const output = path.join(path.dirname(input), `report.${format}`);
  const bin = path.join(__dirname, '..', '..', 'bin', 'claimscrub.js');
  const start = process.hrtime.bigint();
  // GNU time is not everywhere; the child reports its own peak RSS on exit instead.
  const heap = arg('heap-mb', 0);
  const child = spawnSync(process.execPath, [...(heap > 0 ? [`--max-old-space-size=${heap}`] : []), '-e', `
    process.on('exit', () => process.stderr.write('\\nBENCH_MAX_RSS_KB=' + process.resourceUsage().maxRSS + '\\n'));
    process.argv = [process.argv[0], ${JSON.stringify(bin)}, ...${JSON.stringify(checkArgs(input, format, output, jobs))}];
    require(${JSON.stringify(bin)});`], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const rss = /BENCH_MAX_RSS_KB=(\d+)/.exec(child.stderr ?? '');
  if (child.status !== 0 || !rss) throw new Error(`claimscrub check --format ${format} failed (${child.status}): ${child.stderr}`);
  const perSecond = claims / seconds;
  print({ name: `batch-cli-${format}`, claims, seconds: Math.round(seconds * 100) / 100, claimsPerSecond: Math.round(perSecond),
    workers: jobs, ...(oneJob ? { speedUp: Math.round((perSecond / oneJob) * 100) / 100 } : {}),
    ...(heap > 0 ? { heapMb: heap } : {}), peakRssMb: Math.round(Number(rss[1]) / 1024), outputMb: Math.round(fs.statSync(output).size / 1e5) / 10, note: 'includes process start and rule-set load' });
  return perSecond;
}

/**
 * What N cores give this machine for this work: the file cut into N parts of about equal size on line boundaries, each part
 * checked by its own process with `--jobs 1` and the flags the launcher gives `--jobs N` (bin/v8-flags.js),
 * all at once, against the whole file with `--jobs 1`. That is the work split N ways with no coordination at
 * all (each process also loads the rules, as each worker does), so `--jobs N` cannot speed up more than this.
 */
async function parallelCeiling(input: string, format: string, claims: number, processes: number, oneJob: number): Promise<void> {
  const bin = path.join(__dirname, '..', '..', 'bin');
  const { EVERY_CORE_SCRUBS } = require(path.join(bin, 'v8-flags.js')) as { EVERY_CORE_SCRUBS: string[] };
  const bytes = fs.readFileSync(input);
  // Each cut just after the first newline at or past an N-th of the bytes (the generated claims are alike in size).
  const cuts = [0, ...Array.from({ length: processes - 1 }, (_, i) => bytes.indexOf(10, Math.floor(((i + 1) * bytes.length) / processes)) + 1 || bytes.length), bytes.length];
  const parts = Array.from({ length: processes }, (_, i) => {
    const part = path.join(path.dirname(input), `part-${i}.ndjson`);
    fs.writeFileSync(part, bytes.subarray(cuts[i], cuts[i + 1]));
    return part;
  });
  const start = process.hrtime.bigint();
  await Promise.all(parts.map((part, i) => new Promise<void>((resolve, reject) => {
    const output = path.join(path.dirname(input), `ceiling-${i}.${format}`);
    const child = spawn(process.execPath, [...EVERY_CORE_SCRUBS, path.join(bin, 'claimscrub.js'), ...checkArgs(part, format, output, 1)], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`claimscrub check exited with ${code}`))));
  })));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  print({ name: `batch-cli-${format}-ceiling`, processes, claims, seconds: Math.round(seconds * 100) / 100,
    speedUp: Math.round((claims / seconds / oneJob) * 100) / 100,
    note: `the file in ${processes} parts, one independent process each, at once, over the whole file with --jobs 1: the most --jobs ${processes} can gain on this machine` });
}

/**
 * The scrub alone: `count` of the file's claims decoded into memory, then scrubbed one after another with no
 * reading, decoding, formatting or writing (the batch just saw them, so the caches are as warm as a batch's).
 * Against the JSON floor it shows how far the rules' own work is from it.
 */
async function scrubAlone(ruleSet: RuleSet, input: string, count: number, floor: number): Promise<void> {
  const claims: Claim[] = [];
  for await (const line of linesOf(textOf(fs.createReadStream(input, { highWaterMark: FILE_READ_BYTES })), DEFAULT_MAX_RECORD_LENGTH)) {
    if (claims.length === count) break;
    const decoded = line.text ? decodeClaim(JSON.parse(line.text)) : undefined;
    if (decoded?._tag === 'Right') claims.push(decoded.right);
  }
  const scrubber = createScrubber(ruleSet);
  const start = process.hrtime.bigint();
  for (const claim of claims) await scrubber.scrub(claim);
  const perSecond = claims.length / (Number(process.hrtime.bigint() - start) / 1e9);
  print({ name: 'scrub-alone', claims: claims.length, claimsPerSecond: Math.round(perSecond), timesFloor: Math.round((floor / perSecond) * 10) / 10,
    note: 'decoded claims scrubbed in memory: no reading, decoding, formatting or writing' });
}

async function batchThroughput(ruleSet: RuleSet, count: number, format: string | undefined): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimscrub-bench-'));
  const input = path.join(dir, 'claims.ndjson');
  await writeClaims(ruleSet, count, input);
  const bytes = fs.statSync(input).size;
  // The floor (issue 17): the same records through JSON.parse and JSON.stringify only, the same file in and
  // out, in the same run. Output streams get 1 MB buffers, as `check` queues megabytes before it waits.
  const out = (name: string) => fs.createWriteStream(path.join(dir, name), { highWaterMark: 1 << 20 });
  // The lines are split by the readers' own line splitter, so the floor differs from the batch only by the scrub.
  const floorStart = process.hrtime.bigint();
  let floorRecords = 0;
  await pipeline(Readable.from((async function* () {
    for await (const line of linesOf(textOf(fs.createReadStream(input, { highWaterMark: FILE_READ_BYTES })), DEFAULT_MAX_RECORD_LENGTH)) {
      if (line.text) { floorRecords++; yield `${JSON.stringify(JSON.parse(line.text))}\n`; }
    }
  })()), out('floor.ndjson'));
  const floorSeconds = Number(process.hrtime.bigint() - floorStart) / 1e9;
  const floor = Math.round(floorRecords / floorSeconds);
  print({ name: 'json-floor', claims: floorRecords, seconds: Math.round(floorSeconds * 100) / 100, claimsPerSecond: floor, note: 'JSON.parse + JSON.stringify of each record, file to file' });
  const scrubber = createScrubber(ruleSet);
  const formatter = createFormatter('ndjson');
  const start = process.hrtime.bigint();
  let results = 0;
  await pipeline(
    Readable.from((async function* () {
      for await (const result of scrubber.scrubAll(readNdjson(fs.createReadStream(input, { highWaterMark: FILE_READ_BYTES }), { file: input }))) { results++; yield formatter.result(result); }
    })()),
    out('results.ndjson'),
  );
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  print({ name: 'batch-ndjson', claims: results, mb: Math.round(bytes / 1e5) / 10, seconds: Math.round(seconds * 100) / 100,
    claimsPerSecond: Math.round(results / seconds), workers: 1, timesFloor: Math.round((floor / (results / seconds)) * 10) / 10,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) });
  await scrubAlone(ruleSet, input, Math.min(count, 50000), floor);
  if (format) {
    const oneJob = cliBatch(input, format, count);
    const jobs = arg('jobs', 1);
    if (jobs > 1) {
      cliBatch(input, format, count, jobs, oneJob); // speedUp: over --jobs 1 in the same run
      await parallelCeiling(input, format, count, jobs, oneJob);
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * Chart reading (issue 15; issue 14 item 3): readChart time for a 10 KB and a 100 KB note of real clinical
 * wording, and for 100 KB of adversarial text (one endless sentence of triggers, terms and levels), plus a
 * whole scrub of a 22551 + M43.03 claim carrying the adversarial text. Median of 5 runs each.
 */
async function chartReading(ruleSet: RuleSet): Promise<void> {
  const lexicon = ruleSet.chartLexicon;
  if (!lexicon) return;
  const note = 'HPI: 9 months of right arm pain, C8 distribution, VAS 7/10; failed 12 weeks of physical therapy and NSAIDs. '
    + 'Family history of spondylolisthesis in her father. History of lumbar radiculopathy, fully resolved.\n'
    + 'CT C-spine: bilateral pars interarticularis defect at C7–T1. Alignment: no listhesis. Myelopathy — absent.\n'
    + 'ASSESSMENT:\n1. Bilateral C7-T1 pars defect\n   without listhesis.\n2. Chronic C8 radiculopathy. Return if symptoms of myelopathy develop.\n';
  const sized = (unit: string, bytes: number) => unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
  const median = (f: () => void): number => {
    const times: number[] = [];
    f(); // warm-up (JIT), not timed
    for (let i = 0; i < 5; i++) { const t = process.hrtime.bigint(); f(); times.push(Number(process.hrtime.bigint() - t) / 1e6); }
    return Math.round(times.sort((a, b) => a - b)[2] * 100) / 100;
  };
  const adversarial = sized('no pars defect but C7-T1 C7/T1 L4-5 possible history of mother if listhesis: none, ', 100_000);
  for (const [kind, text] of [['note', sized(note, 10_000)], ['note', sized(note, 100_000)], ['adversarial', adversarial]] as const) {
    let mentions = 0;
    const ms = median(() => { mentions = readChart(lexicon, text).mentions.length; });
    print({ name: 'chart-reading', kind, kb: Math.round(text.length / 1000), ms, mentions });
  }
  const scrubber = createScrubber(ruleSet);
  const claim = {
    id: 'CHART-100KB', type: 'professional', payer: { id: 'MEDICARE-JH', type: 'medicare' }, patient: { birthDate: '1961-04-02', sex: 'F' },
    serviceDate: '2026-01-15', diagnoses: ['M43.03', 'M54.13'], lines: [{ procedureCode: '22551', units: 1, charge: 1604.91, diagnosisPointers: [1, 2] }],
    documentation: adversarial,
  };
  const times: number[] = [];
  let findings = 0;
  for (let i = 0; i < 6; i++) {
    const t = process.hrtime.bigint();
    const result = await scrubber.scrubInput(claim);
    if (i > 0) times.push(Number(process.hrtime.bigint() - t) / 1e6);
    findings = result.status === 'scrubbed' ? result.findings.length : -1;
  }
  print({ name: 'chart-scrub', kind: 'adversarial', kb: Math.round(adversarial.length / 1000), ms: Math.round(times.sort((x, y) => x - y)[2] * 100) / 100, findings });
}

/**
 * A pre-submission check from a cold process: `claimscrub check` of one FY2026 claim against a bare
 * `node -e ''` (median of 7 runs each, alternating, in the same run), and loadRuleSet() + the first scrub
 * in a fresh process (the library's start-up).
 */
function startup(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimscrub-bench-'));
  const one = path.join(dir, 'one.json');
  const seed = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'samples', 'seed.json'), 'utf8')) as unknown[];
  fs.writeFileSync(one, JSON.stringify(seed[0]));
  const bin = path.join(__dirname, '..', '..', 'bin', 'claimscrub.js');
  const timed = (args: string[]): number => {
    const t = process.hrtime.bigint();
    spawnSync(process.execPath, args, { encoding: 'utf8' });
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
  const bare: number[] = [];
  const check: number[] = [];
  for (let i = 0; i < 7; i++) { bare.push(timed(['-e', ''])); check.push(timed([bin, 'check', one, '--format', 'json'])); }
  const median = (xs: number[]) => Math.round(xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]);
  print({ name: 'cli-one-claim', unit: 'ms', bareNode: median(bare), check: median(check), ratio: Math.round((median(check) / median(bare)) * 10) / 10 });
  const index = path.join(__dirname, '..', 'src', 'index.js');
  const library = spawnSync(process.execPath, ['-e', `
    const t = process.hrtime.bigint();
    const { loadRuleSet, createScrubber } = require(${JSON.stringify(index)});
    loadRuleSet().then(async (r) => {
      await createScrubber(r.right).scrubInput(${JSON.stringify(seed[0])});
      process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6));
    });`], { encoding: 'utf8' });
  print({ name: 'load-and-first-scrub', unit: 'ms', ms: Math.round(Number(library.stdout)), note: 'require + loadRuleSet() + first scrub of a FY2026 claim, fresh process' });
  fs.rmSync(dir, { recursive: true, force: true });
}

async function main(): Promise<void> {
  if (flag('help') || flag('h')) {
    // The usage is this file's opening comment.
    const source = fs.readFileSync(__filename, 'utf8');
    const usage = /\/\*\*\n([\s\S]*?)\*\//.exec(source)?.[1] ?? '';
    process.stdout.write(`${usage.replace(/^ \* ?/gm, '')}`);
    return;
  }
  print({ name: 'machine', cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version });
  const t0 = process.hrtime.bigint();
  const loaded = await loadRuleSet();
  if (loaded._tag === 'Left') throw new Error(JSON.stringify(loaded.left));
  const generateTo = text('generate');
  if (generateTo) {
    await writeClaims(loaded.right, arg('claims', 200000), generateTo);
    print({ name: 'generated', claims: arg('claims', 200000), file: generateTo, mb: Math.round(fs.statSync(generateTo).size / 1e5) / 10 });
    return;
  }
  print({ name: 'load-rule-set', ms: Math.round(Number(process.hrtime.bigint() - t0) / 1e6), rules: loaded.right.rules.length, dataFiles: loaded.right.data.size, rssMb: Math.round(process.memoryUsage().rss / 2 ** 20) });
  if (!flag('batch-only') && !flag('chart-only') && !flag('ncci-only')) startup();
  if (!flag('batch-only') && !flag('chart-only')) await ncciClaims(loaded.right);
  if (flag('ncci-only')) return;
  if (!flag('batch-only')) await chartReading(loaded.right);
  if (flag('chart-only')) return;
  if (!flag('batch-only')) await ruleCountScaling(loaded.right, await singleClaimLatency(loaded.right));
  if (flag('latency-only')) return;
  // The CLI path runs in a child process by default too: its peak RSS is the batch's own, not this process's.
  await batchThroughput(loaded.right, arg('claims', 1000000), text('format') ?? 'ndjson');
  if (flag('batch-only')) return;
  // X12 in its own process as well, so its peak RSS does not inherit the batch's heap.
  const x12 = spawnSync(process.execPath, [path.join(__dirname, 'bench-x12.js')], { encoding: 'utf8', maxBuffer: 1 << 20 });
  process.stdout.write(x12.stdout);
  if (x12.status !== 0) process.stderr.write(x12.stderr);
  for (const figure of await benchHttp()) print(figure);
}

main().catch((error: unknown) => { process.stderr.write(`bench failed: ${String(error)}\n`); process.exitCode = 1; });
