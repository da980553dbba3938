import * as path from 'node:path';
import type { X12Stats } from '../input';
import { plural, type Summary } from '../report/summary';
import { loadRuleSet } from '../rules/load';
import type { RuleSet } from '../rules/rule-set';
import { UsageError } from './args';
import { IsoDate } from '../claim/codecs';

// What the commands (check, serve, rules, queue …) share: writing with the stream's callback, loading the
// rule set with its problems in words, whole-number options, the X12 counts line and the exit code.

/** Writes text and waits for the stream to take it (a failed write rejects). */
export const writeTo = (stream: NodeJS.WritableStream, text: string): Promise<void> =>
  new Promise((resolve, reject) => {
    if (text.length === 0) { resolve(); return; }
    stream.write(text, (error) => (error ? reject(error) : resolve()));
  });

/** The rule set of `dir` (the shipped one when undefined), or undefined after saying on stderr why it does not load. */
export async function loadRules(dir: string | undefined, io: { readonly cwd: string; readonly stderr: NodeJS.WritableStream }): Promise<RuleSet | undefined> {
  const loaded = await loadRuleSet(dir === undefined ? undefined : path.resolve(io.cwd, dir));
  if (loaded._tag === 'Right') return loaded.right;
  await writeTo(io.stderr, `claimscrub: the rule set could not be loaded:\n${loaded.left.map((p) => `  ${p.file} ${p.path}: ${p.message}`).join('\n')}\n`);
  return undefined;
}

/** --as-of: a calendar date YYYY-MM-DD (the claim's own date codec), or undefined when not given. */
export function asOfOption(value: string | undefined): string | undefined {
  if (value !== undefined && !IsoDate.is(value)) throw new UsageError(`--as-of must be a date YYYY-MM-DD (got "${value}")`);
  return value;
}

/** A whole-number option in [min, max]; `orWord` names a word the caller also accepts ("auto"). */
export function intOption(name: string, value: string | undefined, fallback: number, min: number, max: number, orWord?: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}${orWord ? `, or ${orWord}` : ''} (got "${value}")`);
  }
  return n;
}

/** The X12 envelope counts line of the summary ('' when no 837 was read). */
export function x12Line(s: X12Stats): string {
  if (s.interchanges + s.transactions === 0) return '';
  return `x12: ${plural(s.interchanges, 'interchange')}, ${plural(s.transactions, 'transaction')}, ${plural(s.claims, 'claim')}, ${plural(s.rejections, 'rejection')}`
    + `${s.envelopeProblems > 0 ? ` (${plural(s.envelopeProblems, 'envelope problem')})` : ''}`
    + `${s.ignoredCharacters > 0 ? `; ${plural(s.ignoredCharacters, 'character')} of non-X12 text skipped` : ''}\n`;
}

/** 1 when the run has findings at or above --fail-on (a rejected record counts as an error), else 0. */
export function failOnExitCode(summary: Summary, failOn: 'error' | 'warning' | 'never'): 0 | 1 {
  if (failOn === 'never') return 0;
  const errors = summary.rejected + summary.findings.error;
  return errors > 0 || (failOn === 'warning' && summary.findings.warning > 0) ? 1 : 0;
}
