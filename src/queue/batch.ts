import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { Queue } from 'bullmq';
import IORedis, { type RedisOptions } from 'ioredis';
import { addX12Stats, emptyX12Stats, type InputFormat, type X12Stats } from '../input';
import type { Formatter } from '../report/formatters';
import { addToSummary, emptySummary, type Summary } from '../report/summary';
import { planChunks } from './plan';
import { BATCH_TTL_SECONDS, type BatchFile, type BatchMeta, type ChunkCounts, type ChunkJob, chunkFile, type DeadChunk, errorLine, jobId, jobScrubberOptions, keys } from './protocol';
import type { RuleSet } from '../rules/rule-set';
import type { SourceRef } from '../scrub/result';
import { createScrubber } from '../scrub/scrubber';
import { readChunk } from './read-chunk';
import { chunkLine, type ChunkLine } from './worker';
import { itemContext } from '../report/context';

// submit / status / collect: the batch as a whole. Submit plans the chunks and enqueues one job per
// chunk; status reads the counts the workers recorded; collect merges the chunk files in input order
// through the same formatter and summary as `check`, after checking that every record is accounted for.

export interface SubmitSettings {
  readonly redis: RedisOptions;
  readonly queue: string;
  readonly files: readonly { readonly name: string; readonly path: string; readonly format: InputFormat }[];
  readonly perChunk: number;
  readonly rulesVersion: string;
  readonly resultsDir: string;
  readonly preset?: string;
  readonly asOf?: string;
  /** Attempts per chunk before it goes to the dead-letter list, and the first retry's delay (doubling). */
  readonly attempts: number;
  readonly backoffMs: number;
}

const newBatchId = (): string => `${new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-')}-${randomBytes(3).toString('hex')}`;

export async function submit(settings: SubmitSettings): Promise<BatchMeta> {
  const id = newBatchId();
  const jobs: ChunkJob[] = [];
  const files: BatchFile[] = [];
  let records: number | null = 0;
  for (const file of settings.files) {
    const plans = await planChunks(file.path, file.format, settings.perChunk);
    files.push({ name: file.name, path: file.path, format: file.format, bytes: fs.statSync(file.path).size, chunks: plans.length });
    for (const plan of plans) {
      jobs.push({ ...plan, batch: id, chunk: jobs.length, path: file.path, name: file.name, format: file.format, rulesVersion: settings.rulesVersion,
        resultsDir: settings.resultsDir, ...(settings.preset ? { preset: settings.preset } : {}), ...(settings.asOf ? { asOf: settings.asOf } : {}) });
      records = records === null || plan.records === null ? null : records + plan.records;
    }
  }
  const meta: BatchMeta = { id, createdAt: Date.now(), chunks: jobs.length, files, records, resultsDir: settings.resultsDir, rulesVersion: settings.rulesVersion,
    ...(settings.preset ? { preset: settings.preset } : {}), ...(settings.asOf ? { asOf: settings.asOf } : {}) };
  fs.mkdirSync(path.join(settings.resultsDir, id), { recursive: true });
  const redis = new IORedis(settings.redis);
  const queueConnection = new IORedis(settings.redis);
  const queue = new Queue<ChunkJob>(settings.queue, { connection: queueConnection });
  try {
    const k = keys(settings.queue, id);
    // The chunk descriptors again, for collect (it re-reads a chunk whose claim ids repeat an earlier chunk's).
    await redis.multi().hset(k.meta, 'meta', JSON.stringify(meta), 'chunks', JSON.stringify(jobs)).expire(k.meta, BATCH_TTL_SECONDS).exec();
    for (let i = 0; i < jobs.length; i += 500) {
      await queue.addBulk(jobs.slice(i, i + 500).map((data) => ({
        name: 'chunk', data,
        opts: { jobId: jobId(id, data.chunk), attempts: settings.attempts, backoff: { type: 'exponential', delay: settings.backoffMs },
          removeOnComplete: true, removeOnFail: { age: BATCH_TTL_SECONDS } },
      })));
    }
  } finally {
    await queue.close();
    await Promise.all([redis.quit(), queueConnection.quit()]);
  }
  return meta;
}

export interface BatchState {
  readonly meta: BatchMeta;
  readonly chunks: readonly ChunkJob[];
  readonly startedAt?: number;
  readonly done: ReadonlyMap<number, ChunkCounts>;
  readonly dead: readonly DeadChunk[];
}

export class UnknownBatchError extends Error {}

export async function readState(redisOptions: RedisOptions, queue: string, batch: string, withChunks = false): Promise<BatchState> {
  const redis = new IORedis(redisOptions);
  try {
    const k = keys(queue, batch);
    // The chunk descriptors are read only for collect: status polls, and they are the bulk of the batch record.
    const [[meta, startedAt, chunks], doneHash, deadList] = await Promise.all([
      redis.hmget(k.meta, 'meta', 'startedAt', ...(withChunks ? ['chunks'] : [])), redis.hgetall(k.done), redis.lrange(k.dead, 0, -1)]);
    const metaHash = { meta, startedAt, chunks };
    if (!metaHash.meta) throw new UnknownBatchError(`no batch "${batch}" in queue "${queue}" (batches are kept ${BATCH_TTL_SECONDS / 86400} days)`);
    const done = new Map(Object.entries(doneHash).map(([chunk, json]) => [Number(chunk), JSON.parse(json) as ChunkCounts]));
    // A chunk retried after it was put on the dead list by a manual retry may have finished since.
    const dead = deadList.map((d) => JSON.parse(d) as DeadChunk).filter((d) => !done.has(d.chunk));
    // BullMQ fails a job that stalled too often (its workers kept dying) without a worker 'failed' event:
    // such chunks are found in the queue's failed set.
    const failedQueue = new Queue<ChunkJob>(queue, { connection: redis });
    for (const job of await failedQueue.getFailed(0, -1)) {
      if (job?.data.batch !== batch || done.has(job.data.chunk) || dead.some((d) => d.chunk === job.data.chunk)) continue;
      dead.push({ chunk: job.data.chunk, attempts: job.attemptsMade, error: errorLine(job.failedReason), at: job.finishedOn ?? 0 });
    }
    await failedQueue.close();
    return { meta: JSON.parse(metaHash.meta) as BatchMeta, chunks: JSON.parse(metaHash.chunks ?? '[]') as ChunkJob[], ...(metaHash.startedAt ? { startedAt: Number(metaHash.startedAt) } : {}), done, dead };
  } finally {
    await redis.quit();
  }
}

const n = (x: number): string => x.toLocaleString('en-US');

/** Where a chunk is: file and byte range. */
export function chunkPlace(meta: BatchMeta, chunk: number): string {
  let first = 0;
  for (const file of meta.files) {
    if (chunk < first + file.chunks) return `${file.name}, chunk ${chunk - first + 1} of ${file.chunks}`;
    first += file.chunks;
  }
  return `chunk ${chunk}`;
}

export function statusText(state: BatchState, now = Date.now()): string {
  const { meta, done, dead } = state;
  let inputs = 0;
  let last = 0;
  for (const c of done.values()) { inputs += c.inputs; last = Math.max(last, c.finishedAt); }
  const lines = [`batch ${meta.id}: ${n(done.size)} of ${n(meta.chunks)} chunks done${dead.length ? `, ${n(dead.length)} dead` : ''}; `
    + `${n(inputs)}${meta.records !== null ? ` of ${n(meta.records)}` : ''} records`];
  if (state.startedAt !== undefined && done.size > 0) {
    const complete = done.size === meta.chunks;
    const seconds = Math.max(0.001, ((complete ? last : now) - state.startedAt) / 1000);
    const rate = inputs / seconds;
    const left = meta.chunks - done.size - dead.length;
    const eta = meta.records !== null ? (meta.records - inputs) / Math.max(rate, 1e-9) : (left * seconds) / done.size;
    lines.push(`${n(Math.round(rate))} claims/s over ${seconds.toFixed(1)} s since the first chunk started${complete ? '; complete' : left > 0 ? `; about ${Math.ceil(eta)} s to go` : ''}`);
  } else if (state.startedAt === undefined) {
    lines.push('waiting for a worker (claimscrub queue work)');
  }
  for (const d of dead) lines.push(`dead: chunk ${d.chunk} (${chunkPlace(meta, d.chunk)}) after ${d.attempts} attempt${d.attempts === 1 ? '' : 's'}: ${d.error}`);
  return `${lines.join('\n')}\n`;
}

/** Why a batch cannot be collected yet (or ever): missing and dead chunks, counts that do not add up. */
export function accountingProblems(state: BatchState): string[] {
  const { meta, done, dead } = state;
  const problems: string[] = [];
  const deadSet = new Set(dead.map((d) => d.chunk));
  const missing: number[] = [];
  for (let c = 0; c < meta.chunks; c++) if (!done.has(c) && !deadSet.has(c)) missing.push(c);
  for (const d of dead) problems.push(`chunk ${d.chunk} (${chunkPlace(meta, d.chunk)}) is on the dead-letter list after ${d.attempts} attempts: ${d.error}`);
  if (missing.length) problems.push(`${n(missing.length)} chunk${missing.length === 1 ? ' is' : 's are'} not done yet: ${missing.slice(0, 20).map((c) => `${c} (${chunkPlace(meta, c)})`).join(', ')}${missing.length > 20 ? ', ...' : ''}`);
  let inputs = 0;
  for (const [chunk, c] of done) {
    inputs += c.inputs;
    if (c.inputs !== c.scrubbed + c.rejected) problems.push(`chunk ${chunk}: ${c.inputs} inputs but ${c.scrubbed} scrubbed + ${c.rejected} rejected`);
  }
  if (problems.length === 0 && meta.records !== null && inputs !== meta.records) problems.push(`the chunks hold ${n(inputs)} results but the inputs hold ${n(meta.records)} records`);
  return problems;
}

async function countLines(file: string): Promise<number> {
  let count = 0;
  for await (const buf of fs.createReadStream(file) as AsyncIterable<Buffer>) for (let i = buf.indexOf(10); i >= 0; i = buf.indexOf(10, i + 1)) count++;
  return count;
}

export interface Collected { readonly summary: Summary; readonly x12: X12Stats | undefined; readonly rescrubbed: number }

/** Every chunk file holds as many results as its worker counted; else the problems. */
export async function checkFiles(state: BatchState): Promise<string[]> {
  const problems: string[] = [];
  for (let c = 0; c < state.meta.chunks; c++) {
    const file = path.join(state.meta.resultsDir, state.meta.id, chunkFile(c));
    let lines: number;
    try { lines = await countLines(file); } catch (error) { problems.push(`chunk ${c}: ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`); continue; }
    const expected = state.done.get(c)?.inputs;
    if (lines !== expected) problems.push(`chunk ${c}: ${file} holds ${lines} results where its worker recorded ${expected}`);
  }
  return problems;
}

function addTo(map: Map<number, Set<string>>, key: number, id: string): void {
  const set = map.get(key) ?? new Set<string>();
  set.add(id);
  map.set(key, set);
}

const lineId = (line: string): string | null => {
  const m = /^\{"id":("(?:[^"\\]|\\.)*"|null)/.exec(line);
  return m ? (JSON.parse(m[1]) as string | null) : null;
};

/**
 * The lines of chunk c, as `check` would have them. A worker sees its chunk only, so a claim whose id
 * an earlier chunk already used lacks the duplicate-claim-id finding `check` gives it (the scrubber's
 * batch state spans one scrubAll). Such a chunk is scrubbed again here, in a batch that already holds
 * each repeated id under its earlier source.
 */
async function* chunkLines(state: BatchState, c: number, seen: Map<string, number>, ruleSet: () => Promise<RuleSet>): AsyncGenerator<string> {
  const fileOf = (k: number) => path.join(state.meta.resultsDir, state.meta.id, chunkFile(k));
  const lines = (k: number) => readline.createInterface({ input: fs.createReadStream(fileOf(k)), crlfDelay: Infinity });
  // Ids only (each line leads with its id): a full parse here would double the merge's cost.
  const mine = new Set<string>();
  const repeated = new Map<string, SourceRef | undefined>();
  for await (const line of lines(c)) {
    const id = lineId(line);
    if (id === null || mine.has(id)) continue;
    mine.add(id);
    if (seen.has(id)) repeated.set(id, undefined);
  }
  for (const id of mine) if (!seen.has(id)) seen.set(id, c);
  if (repeated.size === 0) {
    yield* lines(c);
    return;
  }
  // The earlier record of each repeated id: its source, from the first chunk that has it.
  const byChunk = new Map<number, Set<string>>();
  for (const id of repeated.keys()) addTo(byChunk, seen.get(id)!, id);
  for (const [k, ids] of byChunk) {
    for await (const line of lines(k)) {
      const id = lineId(line);
      if (id === null || !ids.has(id)) continue;
      ids.delete(id);
      repeated.set(id, (JSON.parse(line) as ChunkLine).result.source);
      if (ids.size === 0) break;
    }
  }
  const job = state.chunks[c];
  const scrubber = createScrubber(await ruleSet(), jobScrubberOptions(job));
  const batch = scrubber.createBatch();
  for (const [id, source] of repeated) batch.register(id, source ?? {});
  for await (const item of readChunk(job)) yield chunkLine(await scrubber.scrubItem(item, { batch }), itemContext(item, job.format)).slice(0, -1);
}

/**
 * Streams the chunk files in order through the formatter; `write` applies backpressure. `ruleSet` is
 * asked for only when a chunk must be scrubbed again (claim ids repeated across chunks).
 */
export async function collect(state: BatchState, formatter: Formatter, write: (text: string) => Promise<void>, ruleSet: () => Promise<RuleSet>): Promise<Collected> {
  const summary = emptySummary();
  const x12 = state.meta.files.some((f) => f.format === 'x12') ? emptyX12Stats() : undefined;
  // Claim id -> the chunk where it was first scrubbed (memory grows with distinct ids, as check's batch does).
  const seen = new Map<string, number>();
  let rescrubbed = 0;
  for (let c = 0; c < state.meta.chunks; c++) {
    const counts = state.done.get(c);
    if (x12 && counts?.x12) addX12Stats(x12, counts.x12);
    let again = false;
    for await (const text of chunkLines(state, c, seen, async () => { again = true; return ruleSet(); })) {
      const { context, result } = JSON.parse(text) as ChunkLine;
      addToSummary(summary, result, context.charge, context.payer);
      const out = formatter.result(result, context);
      if (out) await write(out);
    }
    if (again) rescrubbed++;
  }
  return { summary, x12, rescrubbed };
}
