import type { ScrubResult } from '../scrub/result';
import type { ResultContext } from './context';
import type { Summary } from './summary';

/**
 * A streaming formatter: results go out as they come, so a batch never sits in memory. The HTML report is
 * the exception by nature (a sorted table): it keeps a bounded number of rows and writes all at the end.
 */
export interface Formatter {
  result(result: ScrubResult, context?: ResultContext): string;
  end(summary: Summary): string;
  /** The same end in pieces, for a formatter whose end is large (the HTML report): write them one by one. */
  endParts?(summary: Summary): Iterable<string>;
  /**
   * A formatter that keeps only its top-ranked results (the HTML table, see tableRank), for results another
   * thread ranked and rendered: add(rank, row) takes the next record's row (detachedRow); one ranked at or
   * below floor() can never be kept, so the thread may leave it out and the formatter only counts it (skip).
   */
  readonly table?: { floor(): number; skip(): void; add(rank: number, row: string): void };
}

/**
 * A format of independent lines (NDJSON, CSV): a header, then each result's text, which depends on that
 * result alone. So threads can format their own results and the output only joins the texts in order.
 */
export interface LineFormat {
  readonly header: string;
  text(result: ScrubResult, context?: ResultContext): string;
}

/** The streaming formatter of a line format: the header before the first result (or alone, when there is none). */
export function lineFormatter(format: LineFormat): Formatter {
  let started = false;
  const header = (): string => {
    if (started) return '';
    started = true;
    return format.header;
  };
  return { result: (r, context) => header() + format.text(r, context), end: () => header() };
}
