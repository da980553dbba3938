import * as fs from 'node:fs';
import * as path from 'node:path';
import { createScrubber } from '../../../src/scrub/scrubber';
import { shippedRuleSet } from '../../helpers/rule-tester';

// Every edit the CMS MCE v43.1 reports on the 5,060 oracle-sample claims is a finding of the matching rule on the
// same code, and every mce/* (and code-validity) finding is an edit the MCE reports: 100 % both ways.
const FIXTURE = path.join(__dirname, '..', '..', 'fixtures', 'mce-oracle');
const RULE_OF: Readonly<Record<string, string>> = {
  AGE_CONFLICT: 'mce/age-conflict', SEX_CONFLICT: 'mce/sex-conflict', E_CODE_AS_PDX: 'mce/external-cause-as-principal',
  MANIFESTATION_AS_PDX: 'mce/manifestation-as-principal', UNACCEPTABLE_PDX: 'mce/unacceptable-principal',
  DUPLICATE_OF_PDX: 'mce/duplicate-of-principal', REQUIRES_SDX: 'mce/requires-secondary', QUESTIONABLE_ADMISSION: 'mce/questionable-admission',
  UNSPECIFIED: 'mce/unspecified-code', WRONG_PROCEDURE_PERFORMED: 'mce/wrong-procedure-performed', NON_COVERED: 'mce/non-covered-procedure',
  LIMITED_COVERAGE: 'mce/limited-coverage-procedure', INCONSISTENT_WITH_LENGTH_OF_STAY: 'mce/procedure-inconsistent-with-los',
  QUESTIONABLE_OBSTETRIC_ADMISSION: 'mce/questionable-obstetric-admission', INVALID_AGE: 'mce/invalid-age',
  INVALID_DISCHARGE_STATUS: 'mce/invalid-discharge-status', INVALID_ADMIT_DX: 'mce/invalid-admitting-diagnosis',
};
// Invalid codes stay with the validity rules: a diagnosis not in the code set, a header, an ICD-9 code, an invalid procedure.
const INVALID_CODE_RULES = ['validity/code-not-in-code-set', 'validity/header-code', 'validity/icd9-after-transition', 'validity/procedure-not-in-code-set'];
const undotted = (code: string) => code.replace('.', '');

it('agrees with the CMS MCE v43.1 on every claim of the oracle sample, edit by edit, both ways', async () => {
  const ruleSet = await shippedRuleSet();
  const only = [...new Set([...Object.values(RULE_OF), ...INVALID_CODE_RULES])];
  const scrubber = createScrubber(ruleSet, { only });
  const expected = new Map<string, Set<string>>();
  const [, ...rows] = fs.readFileSync(path.join(FIXTURE, 'sample-edits.tsv'), 'utf8').trim().split('\n');
  for (const row of rows) {
    const [id, edit, role, code] = row.split('\t');
    const rule = edit === 'INVALID_CODE' ? 'invalid-code' : RULE_OF[edit];
    const key = `${rule} ${role === 'CLAIM' ? 'CLAIM' : code}`;
    (expected.get(id) ?? expected.set(id, new Set()).get(id)!).add(key);
  }
  const mismatches: string[] = [];
  let claims = 0;
  for (const line of fs.readFileSync(path.join(FIXTURE, 'sample-claims.ndjson'), 'utf8').trim().split('\n')) {
    claims++;
    const raw = JSON.parse(line) as { id: string };
    const result = await scrubber.scrubInput(raw);
    if (result.status !== 'scrubbed') { mismatches.push(`${raw.id}: rejected ${JSON.stringify(result.problems)}`); continue; }
    const got = new Set(result.findings.map((f) => {
      const rule = INVALID_CODE_RULES.includes(f.ruleId) ? 'invalid-code' : f.ruleId;
      const claimLevel = ['mce/invalid-age', 'mce/invalid-discharge-status'].includes(f.ruleId);
      return `${rule} ${claimLevel ? 'CLAIM' : undotted(f.evidence[0].code ?? '')}`;
    }));
    const want = expected.get(raw.id) ?? new Set<string>();
    for (const k of want) if (!got.has(k)) mismatches.push(`${raw.id}: MCE reports ${k}, claimscrub does not`);
    for (const k of got) if (!want.has(k)) mismatches.push(`${raw.id}: claimscrub reports ${k}, the MCE does not`);
  }
  expect(claims).toBe(5060);
  const kinds = new Map<string, number>();
  for (const m of mismatches) { const k = m.replace(/^\S+ /, '').replace(/ \S+, claimscrub/, ', claimscrub').replace(/ \S+, the MCE/, ', the MCE'); kinds.set(k, (kinds.get(k) ?? 0) + 1); }
  expect({ kinds: Object.fromEntries(kinds), first: mismatches.slice(0, 10) }).toEqual({ kinds: {}, first: [] });
  expect(mismatches).toHaveLength(0);
}, 120_000);
