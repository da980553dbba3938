import type { InputFormat, X12Stats } from '../input';
import type { Severity } from '../rules/formats';
import type { ScrubberOptions } from '../scrub/scrubber';
import type { ChunkPlan } from './plan';

// What travels through Redis: chunk descriptors (file path, byte range, offsets, options) and counts.
// Never claim content: no claim id, code, date or text goes to Redis (PHI stays on the shared file
// system the inputs and results live on). A worker's error message is cut to its first line.

/** One job: a chunk of one input file. */
export interface ChunkJob extends ChunkPlan {
  readonly batch: string;
  /** Position of the chunk in the batch (input order); the result file is results/<batch>/<chunk>.ndjson. */
  readonly chunk: number;
  readonly path: string;
  readonly name: string;
  readonly format: InputFormat;
  readonly preset?: string;
  readonly asOf?: string;
  /** The rule set version the batch was submitted against; a worker with another refuses the chunk. */
  readonly rulesVersion: string;
  readonly resultsDir: string;
}

/** What a worker records for a finished chunk. */
export interface ChunkCounts {
  readonly inputs: number;
  readonly scrubbed: number;
  readonly rejected: number;
  readonly findings: Record<Severity, number>;
  readonly x12?: X12Stats;
  /** Milliseconds the chunk took, and when it finished (epoch ms). */
  readonly ms: number;
  readonly finishedAt: number;
}

export interface BatchFile { readonly name: string; readonly path: string; readonly format: InputFormat; readonly bytes: number; readonly chunks: number }

/** The batch record (a Redis hash field "meta", JSON). */
export interface BatchMeta {
  readonly id: string;
  readonly createdAt: number;
  readonly chunks: number;
  readonly files: readonly BatchFile[];
  /** Records the inputs hold, when every chunk's count is known (NDJSON, CSV); null otherwise. */
  readonly records: number | null;
  readonly resultsDir: string;
  readonly rulesVersion: string;
  readonly preset?: string;
  readonly asOf?: string;
}

export interface DeadChunk { readonly chunk: number; readonly attempts: number; readonly error: string; readonly at: number }

/** Redis keys of a batch; they expire a week after submission (BATCH_TTL_SECONDS). */
export const keys = (queue: string, batch: string) => ({
  meta: `claimscrub:${queue}:batch:${batch}`,
  done: `claimscrub:${queue}:batch:${batch}:done`,
  dead: `claimscrub:${queue}:batch:${batch}:dead`,
});

export const BATCH_TTL_SECONDS = 7 * 24 * 3600;
export const DEFAULT_QUEUE = 'claimscrub';
export const jobId = (batch: string, chunk: number): string => `${batch}-${chunk}`;
export const chunkFile = (chunk: number): string => `${String(chunk).padStart(6, '0')}.ndjson`;

/** First line of an error, at most 300 characters: enough to act on, too little to carry a record. */
export const errorLine = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).split('\n')[0].slice(0, 300);

/** How a chunk is judged: the preset and as-of date the batch was submitted with. */
export const jobScrubberOptions = (job: Pick<ChunkJob, 'preset' | 'asOf'>): ScrubberOptions =>
  ({ ...(job.preset ? { preset: job.preset } : {}), ...(job.asOf ? { asOf: job.asOf } : {}) });
