import type { ScrubResult } from '../scrub/result';
import { type Summary, summaryLine } from './summary';

export type OutputFormat = 'stylish' | 'json' | 'ndjson';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['stylish', 'json', 'ndjson'];

/** A streaming formatter: results go out as they come, so a batch never sits in memory. */
export interface Formatter {
  result(result: ScrubResult): string;
  end(summary: Summary): string;
}

export function createFormatter(format: OutputFormat, options: { color?: boolean } = {}): Formatter {
  switch (format) {
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
      for (const f of r.findings) {
        out += `    ${severityText[f.severity]}  ${f.evidence[0]?.path ?? ''}  ${f.message}  ${paint('2', f.ruleId)}\n`;
        if (f.fix) out += `             fix (${f.fix.action}${f.fix.code ? ` ${f.fix.code}` : ''}): ${f.fix.description}\n`;
        const denial = [f.denial.group && f.denial.carc ? `${f.denial.group}-${f.denial.carc}` : f.denial.carc, ...(f.denial.rarc ?? [])].filter(Boolean).join(' ');
        out += `             denial risk ${f.denial.risk.toFixed(2)}${denial ? ` (${denial})` : ''}; sources: ${f.sources.map((s) => s.title).join('; ')}\n`;
      }
      return out;
    },
    end: (summary) => `\n${summaryLine(summary)}\n`,
  };
}
