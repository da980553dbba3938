import type { Finding, RejectedResult, ScrubbedResult } from '../../src/scrub/result';

// Hand-built results: the report tests do not depend on which rules ship.

export function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'validity/header-code', severity: 'error', category: 'validity',
    message: "M54.5 ('Low back pain') is a header, not a billable code",
    evidence: [{ path: '$.diagnoses[0]', code: 'M54.5' }],
    fix: { action: 'replace', code: 'M54.50', description: 'Report M54.50, M54.51 or M54.59' },
    denial: { risk: 0.85, group: 'CO', carc: '16', rarc: ['M81'] },
    sources: [{ title: 'ICD-10-CM Official Guidelines', version: 'FY2026', section: 'I.B.3', url: 'https://www.cms.gov/guidelines' }],
    ...overrides,
  };
}

export function scrubbed(claimId: string, riskScore: number, findings: readonly Finding[], line = 1): ScrubbedResult {
  const outcome = findings.some((f) => f.severity === 'error') || riskScore >= 0.5 ? 'likely-denial' : findings.length ? 'review' : 'clean';
  return { status: 'scrubbed', claimId, source: { file: 'batch.ndjson', line }, outcome, riskScore, findings, ruleSet: { version: '2026.1', codeSet: 'ICD-10-CM FY2026' } };
}

export function rejected(line: number, path = '$.lines[0].units', expected = 'positive number', claimId?: string): RejectedResult {
  return {
    status: 'rejected', ...(claimId ? { claimId } : {}), source: { file: 'batch.ndjson', line },
    problems: [{ path, value: 0, expected, message: `${path} is 0: expected ${expected}` }],
  };
}
