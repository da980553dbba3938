import type { ScrubResult } from '../scrub/result';

/** One claim's result; a bug in the scrubber becomes a rejection naming the internal error, never a 500. */
export async function scrubSafely(scrubber: { scrubInput(input: unknown, source?: { record?: number }): Promise<ScrubResult> }, claim: unknown, record: number): Promise<ScrubResult> {
  try {
    return await scrubber.scrubInput(claim, { record });
  } catch (error) {
    const id = typeof claim === 'object' && claim !== null && typeof (claim as { id?: unknown }).id === 'string' ? (claim as { id: string }).id : undefined;
    const message = `the claim could not be scrubbed: internal error (${error instanceof Error ? error.name : 'error'}); please report it`;
    return { status: 'rejected', ...(id ? { claimId: id } : {}), source: { record }, problems: [{ path: '$', value: null, expected: 'a claim the scrubber can judge', message }] };
  }
}

