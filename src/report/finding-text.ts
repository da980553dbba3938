import type { SourceCitation } from '../rules/formats';
import type { Finding } from '../scrub/result';

// How a finding reads in every format (stylish, CSV, HTML): one wording, written once.

/** "CO-16" (group and CARC), "146" (CARC alone), or undefined. */
export function carcText(denial: Finding['denial']): string | undefined {
  if (!denial.carc) return undefined;
  return denial.group ? `${denial.group}-${denial.carc}` : denial.carc;
}

/** "CO-16 M81": the CARC then its RARCs. */
export function denialText(denial: Finding['denial']): string {
  return [carcText(denial), ...(denial.rarc ?? [])].filter(Boolean).join(' ');
}

/** "title, version, section" of a citation. */
export function sourceText(source: SourceCitation): string {
  return [source.title, source.version, source.section].filter(Boolean).join(', ');
}

/** "fix (replace M43.03)" — the label before the fix description. */
export function fixLabel(fix: NonNullable<Finding['fix']>): string {
  return `fix (${fix.action}${fix.code ? ` ${fix.code}` : ''})`;
}
