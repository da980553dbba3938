import type { Finding, ScrubResult } from '../scrub/result';
import { type ResultContext, judgedText, problemText, whereText } from './context';
import { denialText, fixLabel, sourceText } from './finding-text';
import type { Formatter } from './formatters';
import { formatMoney, judgingText, plural, type Summary, topRules } from './summary';

// The terminal format, after ESLint's "stylish": one header per claim (id, outcome, risk, payer, date of
// service, charge, where it came from), then one row per finding — severity, where (service lines and
// diagnoses counted from 1, the X12 segment for 837 input), message, rule id — wrapped to the terminal,
// with the fix and the CARC on one indented line. Clean claims are counted in the summary, not listed
// (as ESLint lists no clean file), unless verbose. A summary table ends the output.

export interface StylishOptions {
  /** ANSI colours (a terminal, and neither NO_COLOR nor --no-color). */
  readonly color?: boolean;
  /** Terminal width; default 100. */
  readonly width?: number;
  /** List clean claims too, and print each finding's sources. */
  readonly verbose?: boolean;
}

const ESC = '\u001b[';
const ANSI = /\u001b\[[0-9;]*m/g;
const visible = (s: string): number => s.replace(ANSI, '').length;

/** Wraps text at spaces to `width` columns; a word longer than the width is cut. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let w = word;
    while (visible(w) > width) { if (line) { lines.push(line); line = ''; } lines.push(w.slice(0, width)); w = w.slice(width); }
    if (!line) line = w;
    else if (visible(line) + 1 + visible(w) <= width) line += ` ${w}`;
    else { lines.push(line); line = w; }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

export function stylishFormatter(options: StylishOptions = {}): Formatter {
  const color = options.color ?? false;
  const width = Math.max(60, Math.min(options.width ?? 100, 200));
  const verbose = options.verbose ?? false;
  const paint = (code: string, text: string) => (color ? `${ESC}${code}m${text}${ESC}0m` : text);
  const SEVERITY = { error: paint('31', 'error  '), warning: paint('33', 'warning'), info: paint('36', 'info   ') };
  const OUTCOME = { clean: paint('32', 'clean'), review: paint('33', 'review'), 'likely-denial': paint('31;1', 'likely-denial') };
  const WHERE = 16; // the where column; a longer location takes its own line
  const INDENT = 2 + 7 + 2 + WHERE + 2;
  let judged: string | undefined;

  /** A row: `  severity  where  message rule-id`, continuation lines under the message. */
  function row(severity: string, where: string, message: string, tail: string): string {
    const body = wrap(`${message} ${tail}`, width - INDENT);
    const pad = ' '.repeat(INDENT);
    const head = `  ${severity}  ${where.padEnd(WHERE)}  `;
    const first = where.length > WHERE ? `  ${severity}  ${where}\n${pad}` : head;
    return `${first}${body.join(`\n${pad}`)}\n`;
  }
  const note = (text: string) => `${wrap(text, width - INDENT).map((l) => `${' '.repeat(INDENT)}${l}`).join('\n')}\n`;

  function finding(f: Finding, context: ResultContext): string {
    const where = whereText(f.evidence[0]?.path ?? '$', context, true);
    let out = row(SEVERITY[f.severity], where, f.message, paint('2', f.ruleId));
    const denial = denialText(f.denial);
    const parts = [
      f.fix ? `${paint('32', fixLabel(f.fix))}: ${f.fix.description}` : undefined,
      denial ? `denial ${denial}` : undefined,
      `risk ${f.denial.risk.toFixed(2)}`,
    ].filter(Boolean);
    out += note(`${paint('2', '→')} ${parts.join(' · ')}`);
    if (verbose && f.sources.length) out += note(paint('2', `sources: ${f.sources.map(sourceText).join('; ')}`));
    return out;
  }

  return {
    result(r: ScrubResult, context: ResultContext = {}) {
      const src = r.source;
      const from = [src?.file, src?.line ?? src?.record].filter((x) => x !== undefined).join(':')
        + (src?.segment !== undefined ? ` (segment ${src.segment}${src.transaction ? `, ST ${src.transaction}` : ''})` : '');
      let out = '';
      if (r.status === 'scrubbed') {
        const how = judgedText(r.ruleSet, false);
        // How the claims were judged, once, and again whenever it changes (a what-if says so).
        if (how !== judged) {
          judged = how;
          const text = `judged with ${how}${r.ruleSet.asOf ? ` — a what-if: claims are judged as if on ${r.ruleSet.asOf}, not their own date of service` : ''}`;
          out += `${wrap(text, width).map((l) => paint(r.ruleSet.asOf ? '35;1' : '2', l)).join('\n')}\n`;
        }
        if (r.outcome === 'clean' && r.findings.length === 0 && !r.drg && !verbose) return out;
      }
      const facts = [
        context.payer ? `payer ${context.payer}` : undefined,
        context.serviceDate ? `DOS ${context.serviceDate}` : undefined,
        context.charge !== undefined ? formatMoney(context.charge) : undefined,
        context.procedureCodes?.length ? context.procedureCodes.slice(0, 6).join(' ') + (context.procedureCodes.length > 6 ? ' …' : '') : undefined,
      ].filter(Boolean).join(' · ');
      const outcome = r.status === 'rejected' ? paint('35;1', 'rejected') : `${OUTCOME[r.outcome]}  risk ${r.riskScore.toFixed(2)}`;
      const header = `${paint('1', r.claimId ?? '(no id)')}  ${outcome}${facts ? `  ${facts}` : ''}  ${paint('2', from)}`;
      out += `\n${wrap(header, width).join('\n    ')}\n`;
      if (r.status === 'rejected') {
        for (const p of r.problems) out += row(paint('35', 'invalid'), whereText(p.path, context), problemText(p, context), '');
        return out;
      }
      if (r.drg) {
        const weight = r.drg.weight !== undefined ? ` (weight ${r.drg.weight.toFixed(4)})` : '';
        out += row(paint('1', 'drg    '), '', `${r.drg.drg ? `DRG ${r.drg.drg} ${r.drg.title}` : r.drg.title}${weight} — ${r.drg.explanation}`, paint('2', r.drg.version));
      }
      for (const f of r.findings) out += finding(f, context);
      return out;
    },
    end: (s: Summary) => `\n${summaryTable(s, paint, width)}`,
  };
}

/** The closing table: outcomes with charges and expected denied amount, findings, top rules, how judged. */
export function summaryTable(s: Summary, paint: (code: string, text: string) => string = (_c, t) => t, width = 100): string {
  const lines: string[] = [];
  const cell = (text: string, n: number, right = false) => (right ? text.padStart(n) : text.padEnd(n));
  lines.push(paint('1', `${cell('outcome', 15)}${cell('claims', 9, true)}${cell('charges', 16, true)}`));
  const outcomes = [['likely-denial', '31'], ['review', '33'], ['clean', '32']] as const;
  for (const [o, c] of outcomes) lines.push(`${paint(c, cell(o, 15))}${cell(String(s.outcomes[o]), 9, true)}${cell(formatMoney(s.charges[o]), 16, true)}`);
  lines.push(`${paint('35', cell('rejected', 15))}${cell(String(s.rejected), 9, true)}${cell('—', 16, true)}`);
  lines.push(`${cell('total', 15)}${cell(String(s.inputs), 9, true)}${cell(formatMoney(s.charges.clean + s.charges.review + s.charges['likely-denial']), 16, true)}`);
  lines.push('');
  lines.push(`${plural(s.inputs, 'input')} = ${s.scrubbed} scrubbed + ${s.rejected} rejected · findings: ${paint('31', plural(s.findings.error, 'error'))}, ${paint('33', plural(s.findings.warning, 'warning'))}, ${s.findings.info} info`);
  if (s.scrubbed > 0) lines.push(`expected denied amount (charge × risk): ${paint('1', formatMoney(s.expectedDenied))}`);
  const rules = topRules(s, 8);
  if (rules.length > 0) {
    lines.push('');
    lines.push(paint('1', `${cell('rule', 44)}${cell('claims', 8, true)}${cell('findings', 10, true)}${cell('charges', 16, true)}`));
    for (const { ruleId, tally } of rules) lines.push(`${cell(ruleId, 44)}${cell(String(tally.claims), 8, true)}${cell(String(tally.findings), 10, true)}${cell(formatMoney(tally.charges), 16, true)}`);
    const more = Object.keys(s.rules).length - rules.length;
    if (more > 0) lines.push(paint('2', `… and ${plural(more, 'more rule')}`));
  }
  const judged = judgingText(s);
  if (judged) lines.push('', ...wrap(`judged with ${judged}`, width).map((l) => paint(s.judging.asOf.length ? '35;1' : '2', l)));
  return `${lines.join('\n')}\n`;
}
