import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { finished } from 'node:stream/promises';
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import IORedis, { type RedisOptions } from 'ioredis';
import { emptyX12Stats } from '../input';
import type { RuleSet } from '../rules/rule-set';
import type { ScrubResult } from '../scrub/result';
import { createScrubber } from '../scrub/scrubber';
import { type ResultContext, withContexts } from '../report/context';
import { queuedWriter } from '../report/writer';
import { BATCH_TTL_SECONDS, type ChunkCounts, type ChunkJob, chunkFile, type DeadChunk, errorLine, jobScrubberOptions, keys } from './protocol';
import { readChunk } from './read-chunk';

// A queue worker: takes chunk jobs, scrubs each with the same reader and scrubber as `check`
// (readClaims → Scrubber.scrubAll), writes results/<batch>/<chunk>.ndjson through a temp file and a
// rename (a retried chunk replaces, never duplicates), then records the chunk's counts in Redis. A
// worker killed mid-chunk leaves a temp file and an expired lock: BullMQ's stalled-job check puts
// the job back and another worker does it again.

export interface WorkerSettings {
  readonly redis: RedisOptions;
  readonly queue: string;
  readonly ruleSet: RuleSet;
  /** Chunks in progress at once in this process (they share its one JavaScript thread). */
  readonly concurrency: number;
  /** How long a chunk's lock lasts without renewal: a dead worker's chunk is retried after about this. */
  readonly lockMs: number;
  readonly log: (line: string) => void;
}

/**
 * One line of a chunk file: the result; what the reports show of the claim (charge, payer, date of service,
 * procedures: the result has no claim data, `check` takes them from the claim it holds); and first, the id
 * of a scrubbed claim (null for a rejection), so collect can find ids repeated across chunks without
 * parsing whole lines.
 */
export interface ChunkLine { readonly id: string | null; readonly context: ResultContext; readonly result: ScrubResult }

export const chunkLine = (result: ScrubResult, context: ResultContext): string =>
  `${JSON.stringify({ id: result.status === 'scrubbed' ? result.claimId : null, context, result } satisfies ChunkLine)}\n`;


// Test hook (the kill-mid-chunk test): after this many results of a chunk the worker says so and stops
// working, still holding the chunk's lock, until it is killed.
const HOLD_AFTER = Number(process.env.CLAIMSCRUB_QUEUE_TEST_HOLD_AFTER ?? '0');

// Test setting (the queue tests): how often, in ms, the worker looks for chunks whose worker died. Unset (as
// in production), it is half the lock, at least 1 s. The kill-mid-chunk test sets 500 with a long lock, so
// the dead worker's chunk is taken back soon after its lock expires, without waiting for a 5 s check.
const STALLED_MS = Number(process.env.CLAIMSCRUB_QUEUE_TEST_STALLED_MS ?? '0');
const stalledInterval = (lockMs: number): number => (STALLED_MS > 0 ? STALLED_MS : Math.max(1000, Math.round(lockMs / 2)));

export async function scrubChunk(job: ChunkJob, ruleSet: RuleSet, attempt: number, log: (line: string) => void): Promise<ChunkCounts> {
  const started = Date.now();
  const dir = path.join(job.resultsDir, job.batch);
  fs.mkdirSync(dir, { recursive: true });
  const final = path.join(dir, chunkFile(job.chunk));
  const temp = path.join(dir, `.${chunkFile(job.chunk)}.${os.hostname()}.${process.pid}.${attempt}.tmp`);
  const scrubber = createScrubber(ruleSet, jobScrubberOptions(job));
  const x12 = job.format === 'x12' ? emptyX12Stats() : undefined;
  const contexts: ResultContext[] = [];
  const out = fs.createWriteStream(temp);
  const writer = queuedWriter(out);
  const counts = { inputs: 0, scrubbed: 0, rejected: 0, findings: { error: 0, warning: 0, info: 0 } };
  try {
    for await (const result of scrubber.scrubAll(withContexts(readChunk(job, x12), job.format, contexts))) {
      const line = chunkLine(result, contexts.shift() ?? {});
      counts.inputs++;
      if (result.status === 'rejected') counts.rejected++;
      else {
        counts.scrubbed++;
        for (const f of result.findings) counts.findings[f.severity]++;
      }
      const wait = writer.write(line);
      if (wait) await wait;
      if (HOLD_AFTER > 0 && counts.inputs === HOLD_AFTER) {
        await new Promise<void>((resolve) => out.write('', () => resolve()));
        log(`holding chunk ${job.chunk} after ${HOLD_AFTER} results (test hook)`);
        await new Promise(() => undefined);
      }
    }
    out.end();
    await finished(out);
    const writeError = writer.failed();
    if (writeError) throw writeError;
    // On disk before the rename makes it the chunk's result.
    const fd = fs.openSync(temp, 'r');
    try { fs.fsyncSync(fd); } finally { fs.closeSync(fd); }
    fs.renameSync(temp, final);
  } catch (error) {
    out.destroy();
    fs.rmSync(temp, { force: true });
    throw error;
  }
  if (job.records !== null && counts.inputs !== job.records) {
    // The plan and the reader disagree: keep the file for inspection, fail the chunk loudly.
    throw new UnrecoverableError(`chunk ${job.chunk} gave ${counts.inputs} results where the plan counted ${job.records} records`);
  }
  return { ...counts, ...(x12 ? { x12 } : {}), ms: Date.now() - started, finishedAt: Date.now() };
}

/** Runs until close() is called (SIGTERM / SIGINT in the CLI): finishes the chunks in hand, then stops. */
export async function startWorker(settings: WorkerSettings): Promise<{ close: () => Promise<void> }> {
  const connection = new IORedis(settings.redis);
  const workerConnection = new IORedis(settings.redis);
  const worker = new Worker<ChunkJob, ChunkCounts>(settings.queue, async (job: Job<ChunkJob, ChunkCounts>) => {
    const data = job.data;
    if (data.rulesVersion !== settings.ruleSet.version) {
      throw new UnrecoverableError(`the batch was submitted with rule set ${data.rulesVersion}; this worker has ${settings.ruleSet.version}`);
    }
    const k = keys(settings.queue, data.batch);
    await connection.hsetnx(k.meta, 'startedAt', String(Date.now()));
    const counts = await scrubChunk(data, settings.ruleSet, job.attemptsStarted, settings.log);
    await connection.multi().hset(k.done, String(data.chunk), JSON.stringify(counts)).expire(k.done, BATCH_TTL_SECONDS).exec();
    settings.log(`chunk ${data.chunk} of batch ${data.batch}: ${counts.inputs} records in ${counts.ms} ms`);
    return counts;
  }, {
    connection: workerConnection, concurrency: settings.concurrency,
    lockDuration: settings.lockMs, stalledInterval: stalledInterval(settings.lockMs), maxStalledCount: 5,
  });
  // A chunk that failed its last attempt (or cannot succeed) goes to the batch's dead-letter list.
  worker.on('failed', (job, error) => {
    if (!job) return;
    // Final: no attempt left, a chunk that cannot succeed, or one whose workers kept dying (BullMQ fails a
    // job that stalled more than maxStalledCount times, whatever its attempts).
    const final = error.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1) || /stalled more than/.test(error.message);
    settings.log(`chunk ${job.data.chunk} of batch ${job.data.batch} failed (attempt ${job.attemptsMade}): ${errorLine(error)}`);
    if (!final) return;
    const k = keys(settings.queue, job.data.batch);
    const dead: DeadChunk = { chunk: job.data.chunk, attempts: job.attemptsMade, error: errorLine(error), at: Date.now() };
    void connection.multi().rpush(k.dead, JSON.stringify(dead)).expire(k.dead, BATCH_TTL_SECONDS).exec().catch(() => undefined);
  });
  worker.on('error', (error) => settings.log(`worker error: ${errorLine(error)}`));
  await worker.waitUntilReady();
  return {
    close: async () => {
      await worker.close();
      await Promise.all([connection.quit(), workerConnection.quit()]);
    },
  };
}
