import * as path from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { InputFormat, InputItem } from '../input/types';
import type { ChunkInput } from '../queue/read-chunk';
import { planChunks } from '../queue/plan';
import type { OutputFormat } from '../report/formatters';
import type { RuleSet } from '../rules/rule-set';
import type { ScrubResult } from '../scrub/result';
import { ClaimIds } from '../scrub/claim-ids';
import { type Batch, createScrubber, type ScrubberOptions } from '../scrub/scrubber';
import type { TaskDone, WorkerInit, WorkerMessage, WorkerTask } from './scrub-worker';
import { shareSidecars } from '../rules/load';
import { type ChunkOutput, chunkResults, type ChunkResults } from './chunk-results';

export interface ParallelOptions {
  /** Worker threads; each loads its own copy of the rule set. */
  readonly jobs: number;
  /** The rule folder (absolute); undefined for the shipped rules. */
  readonly rulesDir?: string;
  readonly scrubber: ScrubberOptions;
  /** Items per message: large enough to amortize the thread hop, small enough to keep order latency low. */
  readonly batchSize?: number;
  /** Tasks in flight per worker: the backpressure bound (memory is jobs × inFlight × a task's results). */
  readonly inFlight?: number;
}

/**
 * Runs tasks on worker threads and yields their answers in task order. Tasks are taken from the iterable
 * only while fewer than jobs × inFlight are in flight, and only while the consumer pulls, so a slow
 * output slows the reader instead of filling memory.
 */
async function* inWorkers(tasks: AsyncIterable<WorkerTask>, options: ParallelOptions): AsyncGenerator<TaskDone> {
  const limit = Math.max(1, options.jobs) * (options.inFlight ?? 3);
  // Under ts-jest this module is TypeScript: the worker then needs ts-node to load its .ts sibling.
  const ext = path.extname(__filename);
  const file = path.join(__dirname, `scrub-worker${ext}`);
  // The code sets' sidecars in shared memory: every worker reads the same bytes (~8 MB a fiscal year).
  const init: WorkerInit = { ...(options.rulesDir ? { rulesDir: options.rulesDir } : {}), options: options.scrubber, sidecars: await shareSidecars(options.rulesDir) };
  // A worker's heap is its own: it gets the main thread's limit, so --max-old-space-size bounds them all.
  const heapMb = Math.round(getHeapStatistics().heap_size_limit / 2 ** 20);
  const workers = Array.from({ length: Math.max(1, options.jobs) }, () => new Worker(file, {
    workerData: init, resourceLimits: { maxOldGenerationSizeMb: heapMb },
    ...(ext === '.ts' ? { execArgv: ['--require', 'ts-node/register/transpile-only'] } : {}),
  }));

  const done = new Map<number, TaskDone>();
  const load = workers.map(() => 0);
  let ready = 0;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const signal = () => { const w = wake; wake = undefined; w?.(); };
  const next = () => new Promise<void>((resolve) => { wake = resolve; });

  workers.forEach((worker, index) => {
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'ready') ready++;
      else if (message.kind === 'fatal') failure ??= new Error(message.message);
      else { done.set(message.id, message.done); load[index]--; }
      signal();
    });
    worker.on('error', (error) => { failure ??= error; signal(); });
    worker.on('exit', (code) => { if (code !== 0) failure ??= new Error(`a scrub worker exited with code ${code}`); signal(); });
  });

  try {
    while (ready < workers.length) {
      if (failure) throw failure;
      await next();
    }
    const iterator = tasks[Symbol.asyncIterator]();
    let exhausted = false;
    let sent = 0;
    let yielded = 0;
    for (;;) {
      if (failure) throw failure;
      while (!exhausted && sent - yielded < limit) {
        const r = await iterator.next();
        if (r.done) { exhausted = true; break; }
        const target = load.indexOf(Math.min(...load)); // least loaded: a slow task does not stall one worker's queue
        load[target]++;
        workers[target].postMessage({ id: sent, task: r.value });
        sent++;
      }
      const answer = done.get(yielded);
      if (answer) {
        done.delete(yielded);
        yielded++;
        yield answer;
        continue;
      }
      if (exhausted && yielded === sent) return;
      await next();
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** scrubAll on worker threads, for items this thread reads: exactly one result per item, in input order. */
export async function* scrubInWorkers(items: AsyncIterable<InputItem>, options: ParallelOptions): AsyncGenerator<ScrubResult> {
  const batchSize = options.batchSize ?? 128;
  async function* tasks(): AsyncGenerator<WorkerTask> {
    const ids: Batch = new ClaimIds();
    const iterator = items[Symbol.asyncIterator]();
    for (;;) {
      const batch: InputItem[] = [];
      while (batch.length < batchSize) {
        const r = await iterator.next();
        if (r.done) break;
        batch.push(r.value);
      }
      if (batch.length === 0) return;
      // Duplicate claim ids are a property of the whole input: this thread sees every item in order.
      const earlier = batch.map((item) => (item.kind === 'claim' ? ids.register(item.claim.id, item.source) : undefined));
      yield { kind: 'items', items: batch, earlier };
    }
  }
  for await (const results of inWorkers(tasks(), options)) yield* results as readonly ScrubResult[];
}

export interface InputFile { readonly name: string; readonly path: string; readonly format: InputFormat }

/** Records a chunk holds, when a file is cut: ~1 MB of NDJSON, enough that a chunk's hop between threads costs nothing. */
const RECORDS_PER_CHUNK = 1000;

/**
 * Files read, scrubbed and formatted by the workers, each a byte range at a time (queue/plan.ts cuts
 * them on record boundaries): this thread only checks claim ids across chunks, adds up the summary and
 * writes in input order. `output` says what comes back (chunk-results.ts); `tableFloor`, asked as each
 * chunk is sent, is the HTML table's floor then (it only rises). A chunk with a claim id that an earlier
 * chunk used (its worker could not know) is judged again here with the earlier records, as one thread would.
 */
export async function* scrubFilesInWorkers(
  files: readonly InputFile[], output: { readonly lines: OutputFormat } | { readonly tableFloor: () => number }, ruleSet: RuleSet, options: ParallelOptions,
): AsyncGenerator<ChunkResults & { readonly bytes: number }> {
  // Planned while the workers start (a read of every file: ~0.2 s for 200,000 claims), not before.
  const planned = (async () => {
    const chunks: ChunkInput[] = [];
    for (const file of files) for (const plan of await planChunks(file.path, file.format, RECORDS_PER_CHUNK)) chunks.push({ ...plan, ...file });
    return chunks;
  })();
  planned.catch(() => undefined); // a failure surfaces where the plan is awaited
  const outputNow = (): ChunkOutput => ('lines' in output ? output : { tableFloor: output.tableFloor() });
  async function* tasks(): AsyncGenerator<WorkerTask> { for (const chunk of await planned) yield { kind: 'chunk', chunk, output: outputNow() }; }
  const ids: Batch = new ClaimIds();
  let own: ReturnType<typeof createScrubber> | undefined; // this thread's scrubber, made when first needed
  let c = 0;
  for await (const answer of inWorkers(tasks(), options)) {
    const chunk = (await planned)[c++];
    let results = answer as ChunkResults;
    const earlier = results.records.map((r) => (r.id === null ? undefined : ids.register(r.id, r.source)));
    if (results.records.some((r, k) => r.earlier !== earlier[k])) {
      results = await chunkResults(chunk, own ??= createScrubber(ruleSet, options.scrubber), outputNow(), (k) => earlier[k]);
    }
    yield { ...results, bytes: chunk.end - chunk.start };
  }
}
