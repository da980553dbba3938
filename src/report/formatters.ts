import type { ScrubResult } from '../scrub/result';
import { csvFormatter } from './csv';
import { htmlFormatter, type HtmlOptions } from './html';
import type { ResultContext } from './context';
import { stylishFormatter, type StylishOptions } from './stylish';
import type { Summary } from './summary';

export type OutputFormat = 'stylish' | 'json' | 'ndjson' | 'csv' | 'html';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['stylish', 'json', 'ndjson', 'csv', 'html'];

export type { ResultContext } from './context';

/**
 * A streaming formatter: results go out as they come, so a batch never sits in memory. The HTML report is
 * the exception by nature (a sorted table): it keeps a bounded number of rows and writes all at the end.
 */
export interface Formatter {
  result(result: ScrubResult, context?: ResultContext): string;
  end(summary: Summary): string;
  /** The same end in pieces, for a formatter whose end is large (the HTML report): write them one by one. */
  endParts?(summary: Summary): Iterable<string>;
}

export interface FormatterOptions extends HtmlOptions, StylishOptions {}

export function createFormatter(format: OutputFormat, options: FormatterOptions = {}): Formatter {
  switch (format) {
    case 'csv': return csvFormatter();
    case 'html': return htmlFormatter(options);
    case 'ndjson': return { result: (r) => `${JSON.stringify(r)}\n`, end: () => '' };
    case 'json': {
      let count = 0;
      return {
        result: (r) => `${count++ === 0 ? '[\n' : ',\n'}${JSON.stringify(r)}`,
        end: () => (count === 0 ? '[]\n' : '\n]\n'),
      };
    }
    case 'stylish': return stylishFormatter(options);
  }
}

