import { csvFormatter, CSV_LINES } from './csv';
import { type Formatter, type LineFormat, lineFormatter } from './line-format';
import type * as Html from './html';
import type * as Stylish from './stylish';

export type OutputFormat = 'stylish' | 'json' | 'ndjson' | 'csv' | 'html';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['stylish', 'json', 'ndjson', 'csv', 'html'];

export type { ResultContext } from './context';

export type { Formatter, LineFormat } from './line-format';

const NDJSON_LINES: LineFormat = { header: '', text: (r) => `${JSON.stringify(r)}\n` };

/** The line formats (NDJSON, CSV) by name: a worker thread formats its own results with them. */
export const lineFormatOf = (format: OutputFormat): LineFormat | undefined => (format === 'ndjson' ? NDJSON_LINES : format === 'csv' ? CSV_LINES : undefined);

export interface FormatterOptions extends Html.HtmlOptions, Stylish.StylishOptions {}

export function createFormatter(format: OutputFormat, options: FormatterOptions = {}): Formatter {
  switch (format) {
    case 'csv': return csvFormatter();
    // Loaded when asked for: a JSON or NDJSON check does not compile the report and its charts.
    case 'html': return (require('./html') as typeof Html).htmlFormatter(options);
    case 'ndjson': return lineFormatter(NDJSON_LINES);
    case 'json': {
      let count = 0;
      return {
        result: (r) => `${count++ === 0 ? '[\n' : ',\n'}${JSON.stringify(r)}`,
        end: () => (count === 0 ? '[]\n' : '\n]\n'),
      };
    }
    case 'stylish': return (require('./stylish') as typeof Stylish).stylishFormatter(options);
  }
}

