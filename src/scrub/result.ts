import type { DecodeProblem } from '../claim/decode';
import type { Category, Severity, SourceCitation } from '../rules/formats';

// The result contract of DESIGN §2.2. Other programs parse it: change it only on purpose.

export interface SourceRef {
  readonly file?: string; readonly line?: number; readonly record?: number;
  readonly transaction?: string; readonly segment?: number;
}

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly category: Category;
  readonly message: string;
  readonly evidence: readonly { readonly path: string; readonly code?: string; readonly text?: string }[];
  readonly fix?: {
    readonly action: 'replace' | 'add' | 'remove' | 'document' | 'review';
    readonly code?: string; readonly replaces?: string;
    /** Every candidate code when the fix is one of several (e.g. the billable codes under a header). */
    readonly candidates?: readonly string[];
    readonly description: string;
  };
  readonly denial: { readonly risk: number; readonly group?: 'CO' | 'PR' | 'OA' | 'PI'; readonly carc?: string; readonly rarc?: readonly string[] };
  readonly sources: readonly SourceCitation[];
}

export interface DrgResult {
  readonly drg: string | null; readonly mdc: string | null; readonly title: string; readonly weight?: number;
  readonly severity: 'MCC' | 'CC' | 'none'; readonly mccs: readonly { readonly code: string; readonly path: string }[];
  readonly explanation: string; readonly version: string;
}

export type Outcome = 'clean' | 'review' | 'likely-denial';

export interface ScrubbedResult {
  readonly status: 'scrubbed';
  readonly claimId: string;
  readonly source?: SourceRef;
  readonly outcome: Outcome;
  readonly riskScore: number;
  readonly findings: readonly Finding[];
  readonly drg?: DrgResult;
  /** How the claim was judged: rule-set version, code set, preset, and the what-if date when one was set. */
  readonly ruleSet: { readonly version: string; readonly codeSet: string; readonly preset?: string; readonly asOf?: string };
}

export interface RejectedResult {
  readonly status: 'rejected';
  readonly claimId?: string;
  readonly source: SourceRef;
  readonly problems: readonly DecodeProblem[];
}

export type ScrubResult = ScrubbedResult | RejectedResult;
