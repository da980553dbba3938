import * as path from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { InputItem } from '../input/types';
import type { ScrubResult } from '../scrub/result';
import { ClaimIds } from '../scrub/claim-ids';
import type { Batch, ScrubberOptions } from '../scrub/scrubber';
import type { WorkerBatch, WorkerInit, WorkerMessage } from './scrub-worker';
import { shareSidecars } from '../rules/load';

export interface ParallelOptions {
  /** Worker threads; each loads its own copy of the rule set. */
  readonly jobs: number;
  /** The rule folder (absolute); undefined for the shipped rules. */
  readonly rulesDir?: string;
  readonly scrubber: ScrubberOptions;
  /** Items per message: large enough to amortize the thread hop, small enough to keep order latency low. */
  readonly batchSize?: number;
  /** Batches in flight per worker: the backpressure bound (memory is jobs × inFlight × batchSize items). */
  readonly inFlight?: number;
}

/**
 * scrubAll on worker threads: exactly one result per item, in input order. Reading stops while the
 * in-flight bound is reached, and nothing is read while the consumer does not pull, so a slow output
 * slows the reader instead of filling memory.
 */
export async function* scrubInWorkers(items: AsyncIterable<InputItem>, options: ParallelOptions): AsyncGenerator<ScrubResult> {
  const batchSize = options.batchSize ?? 128;
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

  const ids: Batch = new ClaimIds();
  const done = new Map<number, readonly ScrubResult[]>();
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
      else { done.set(message.id, message.results); load[index]--; }
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
    const iterator = items[Symbol.asyncIterator]();
    let exhausted = false;
    let sent = 0;
    let yielded = 0;
    for (;;) {
      if (failure) throw failure;
      while (!exhausted && sent - yielded < limit) {
        const batch: InputItem[] = [];
        while (batch.length < batchSize) {
          const r = await iterator.next();
          if (r.done) { exhausted = true; break; }
          batch.push(r.value);
        }
        if (batch.length === 0) break;
        // Duplicate claim ids are a property of the whole input: this thread sees every item in order.
        const earlier = batch.map((item) => (item.kind === 'claim' ? ids.register(item.claim.id, item.source) : undefined));
        const target = load.indexOf(Math.min(...load)); // least loaded: a slow batch does not stall one worker's queue
        load[target]++;
        workers[target].postMessage({ id: sent, items: batch, earlier } satisfies WorkerBatch);
        sent++;
      }
      const results = done.get(yielded);
      if (results) {
        done.delete(yielded);
        yielded++;
        for (const result of results) yield result;
        continue;
      }
      if (exhausted && yielded === sent) return;
      await next();
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
