// The public API of claimscrub: decode claims, load a rule set, scrub. No global state, no console,
// no file access except loadRuleSet.
export { Claim, Diagnosis, IsoDate, CptCode, PcsCode, normalizeDiagnosisCode } from './claim/codecs';
export type { IcdCode, DiagnosisSystem, ServiceLine } from './claim/codecs';
export { decodeClaim, type DecodeProblem } from './claim/decode';
export { loadRuleSet, loadRuleSetOrThrow, RuleSetLoadError, ruleSetFromJson, type LoadOptions } from './rules/load';
export type { RuleSet, RuleSetProblem } from './rules/rule-set';
export type { RuleFile, DataFile, Preset, RuleSetJson, Severity, Category, SourceCitation } from './rules/formats';
export { createScrubber, type Scrubber, type ScrubberOptions, type ScrubContext, type Batch } from './scrub/scrubber';
export type { ValueSet, ValueSetRow } from './rules/value-sets';
export type { IntakeDefect } from './input/types';
export { factsMarkdown } from './rules/facts-doc';
export type { ScrubResult, ScrubbedResult, RejectedResult, Finding, DrgResult, SourceRef, Outcome } from './scrub/result';
export { computeDrg, isInpatient, type DrgComputation } from './scrub/drg';
export { readClaims, readJson, readNdjson, readCsv, readX12, emptyX12Stats, formatOf, type InputItem, type InputFormat, type Chunks, type ReadOptions, type X12ReadOptions, type X12Stats } from './input';
export { createFormatter, type OutputFormat } from './report/formatters';
export { addToSummary, emptySummary, summaryLine, type Summary } from './report/summary';
export { createServer, DEFAULT_LIMITS, type ScrubServer, type ServerOptions, type ServerLimits, type ErrorBody } from './server/server';
export { jsonLineLogger, type AccessLogEntry, type LogEntry, type Logger } from './server/access-log';
export type { RuleList, RuleSummary, RuleDetail } from './server/rules-view';
