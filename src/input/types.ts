import type { Claim } from '../claim/codecs';
import type { DecodeProblem } from '../claim/decode';
import { decodeClaim } from '../claim/decode';
import { prepareRecord } from './intake';
import type { RejectedResult, SourceRef } from '../scrub/result';

/**
 * A defect of a record that still became a claim (an unknown JSON property, an X12 envelope count, a
 * pointer past the diagnoses …): the claim is scrubbed and each defect becomes a finding through the
 * `intakeDefects` fact, whose `kind` param selects defects by `kind` (an exact kind or a prefix ending in '/').
 */
export interface IntakeDefect {
  /** What kind of defect, namespaced by reader: "json/unknown-property", "x12/se-count", … */
  readonly kind: string;
  /** JSONPath into the claim (or "$" for the record as a whole). */
  readonly path: string;
  /** One sentence in a coder's words: what is wrong with the record. */
  readonly message: string;
  /** Further fields a rule's message may use ({{suggestion}}, {{segment}}, {{element}}, {{snip}}, {{ack}} …). */
  readonly fields?: Readonly<Record<string, string | number>>;
}

/** What a reader yields for each input record: a decoded claim, or the rejection that stands for it. */
export type InputItem =
  | { readonly kind: 'claim'; readonly claim: Claim; readonly source: SourceRef; readonly defects?: readonly IntakeDefect[] }
  | { readonly kind: 'rejected'; readonly result: RejectedResult };

/** Chunks of a file or stream (fs.createReadStream, process.stdin, or an array of strings in tests). */
export type Chunks = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

export type InputFormat = 'json' | 'ndjson' | 'csv' | 'x12';

export interface ReadOptions {
  /** The name to put in each source reference. */
  readonly file?: string;
  /** Longest record (NDJSON line, CSV row) in characters; a longer one is rejected, not read. Default 8 MiB. */
  readonly maxRecordLength?: number;
}

export const DEFAULT_MAX_RECORD_LENGTH = 8 * 1024 * 1024;

/**
 * Bytes a file stream reads at a time for the readers. At the streams' default 64 KB, a batch waited on
 * the thread pool for ~10 % of its time; at 1 MB, about half that.
 */
export const FILE_READ_BYTES = 1 << 20;

/**
 * A number when the text is one (X12's decimal form: "12", "12.5", ".5", "12."); otherwise the text itself,
 * so the decoder names the bad value and its path.
 */
export const numeric = (text: string): number | string => (/^-?(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : text);

export function problem(path: string, value: unknown, expected: string, message: string): DecodeProblem {
  return { path, value, expected, message };
}

export function rejectedItem(source: SourceRef, problems: readonly DecodeProblem[], claimId?: string): InputItem {
  return { kind: 'rejected', result: { status: 'rejected', ...(claimId ? { claimId } : {}), source, problems } };
}

/** Decodes one parsed record into an InputItem. */
export function decodeItem(record: unknown, source: SourceRef): InputItem {
  const rawId = typeof record === 'object' && record !== null && Object.prototype.hasOwnProperty.call(record, 'id') ? (record as { id?: unknown }).id : undefined;
  const id = typeof rawId === 'string' ? rawId : undefined;
  const prepared = prepareRecord(record);
  if (!prepared.ok) return rejectedItem(source, prepared.problems, id);
  const decoded = decodeClaim(prepared.record);
  if (decoded._tag === 'Right') return { kind: 'claim', claim: decoded.right, source, ...(prepared.defects.length > 0 ? { defects: prepared.defects } : {}) };
  return rejectedItem(source, decoded.left, id);
}
