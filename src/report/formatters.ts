import type { ScrubResult } from '../scrub/result';
import { csvFormatter } from './csv';
import { htmlFormatter, type HtmlOptions } from './html';
import { type Summary, summaryLine } from './summary';
import { denialText, fixLabel } from './finding-text';

export type OutputFormat = 'stylish' | 'json' | 'ndjson' | 'csv' | 'html';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['stylish', 'json', 'ndjson', 'csv', 'html'];

/** What the caller knows about a result beyond the result itself (it has the claim; the result has not). */
export interface ResultContext {
  /** The claim's charge in USD (summary claimCharge). */
  readonly charge?: number;
}

/**
 * A streaming formatter: results go out as they come, so a batch never sits in memory. The HTML report is
 * the exception by nature (a sorted table): it keeps a bounded number of rows and writes all at the end.
 */
export interface Formatter {
  result(result: ScrubResult, context?: ResultContext): string;
  end(summary: Summary): string;
}

export interface FormatterOptions extends HtmlOptions {
  readonly color?: boolean;
}

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
    case 'stylish': return stylish(options.color ?? false);
  }
}

const ESC = '\u001b[';
function stylish(color: boolean): Formatter {
  const paint = (code: string, text: string) => (color ? `${ESC}${code}m${text}${ESC}0m` : text);
  const severityText = { error: paint('31', 'error  '), warning: paint('33', 'warning'), info: paint('36', 'info   ') };
  const outcomeText = { clean: paint('32', 'clean'), review: paint('33', 'review'), 'likely-denial': paint('31', 'likely-denial') };
  let lastFile: string | undefined;
  return {
    result(r) {
      const file = r.source?.file ?? '<input>';
      const where = r.source?.line !== undefined ? `line ${r.source.line}` : r.source?.record !== undefined ? `record ${r.source.record}` : '';
      let out = file !== lastFile ? `\n${paint('4', file)}\n` : '';
      lastFile = file;
      if (r.status === 'rejected') {
        out += `  ${paint('1', r.claimId ?? '(no id)')} ${where}  ${paint('35', 'rejected')}\n`;
        for (const p of r.problems) out += `    ${paint('35', 'invalid')}  ${p.path}  ${p.message}\n`;
        return out;
      }
      out += `  ${paint('1', r.claimId)} ${where}  ${outcomeText[r.outcome]}  risk ${r.riskScore.toFixed(2)}  ${r.ruleSet.codeSet}\n`;
      if (r.drg) {
        const weight = r.drg.weight !== undefined ? ` (weight ${r.drg.weight.toFixed(4)})` : '';
        out += `    ${paint('1', r.drg.drg ? `DRG ${r.drg.drg} ${r.drg.title}` : r.drg.title)}${weight} — ${r.drg.explanation}  ${paint('2', r.drg.version)}\n`;
      }
      for (const f of r.findings) {
        out += `    ${severityText[f.severity]}  ${f.evidence[0]?.path ?? ''}  ${f.message}  ${paint('2', f.ruleId)}\n`;
        if (f.fix) out += `             ${fixLabel(f.fix)}: ${f.fix.description}\n`;
        const denial = denialText(f.denial);
        out += `             denial risk ${f.denial.risk.toFixed(2)}${denial ? ` (${denial})` : ''}; sources: ${f.sources.map((s) => s.title).join('; ')}\n`;
      }
      return out;
    },
    end: (summary) => `\n${summaryLine(summary)}\n`,
  };
}
