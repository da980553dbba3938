import * as fs from 'node:fs';
import * as path from 'node:path';
import { readClaims, type InputFormat, type InputItem } from '../../src/input';

// FY2026 added billable codes with a letter in second place (QA0.0101 "SCN2A-related neurodevelopmental
// disorder", rules/data/icd10cm-fy2026.tsv): every reader must build the claim, not reject it.
const ROOT = path.join(__dirname, '..', '..');
const claim = { id: 'QA-1', type: 'professional', payer: { id: 'P', type: 'commercial' }, serviceDate: '2026-01-15', diagnoses: ['QA00101', 'M43.03'], lines: [{ procedureCode: '99213', units: 1, charge: 90, diagnosisPointers: [1] }] };
const csv = 'claim_id,claim_type,service_date,payer_id,payer_type,diagnosis_codes,procedure_code,units,charge,diagnosis_pointers\nQA-1,professional,2026-01-15,P,commercial,QA0.0101;M43.03,99213,1,90,1\n';
const x12 = fs.readFileSync(path.join(ROOT, 'samples', 'seed-837p.837'), 'utf8').replace('HI*ABK:M4303*ABF:M430~', 'HI*ABK:QA00101*ABF:M4303~');

async function firstOf(text: string, format: InputFormat): Promise<InputItem> {
  for await (const item of readClaims([text], format)) return item;
  throw new Error('no record');
}

it.each([
  ['json', JSON.stringify(claim)],
  ['ndjson', `${JSON.stringify(claim)}\n`],
  ['csv', csv],
  ['x12', x12],
] as [InputFormat, string][])('%s: a claim with QA0.0101 is built, the code dotted', async (format, text) => {
  const item = await firstOf(text, format);
  expect(item.kind === 'claim' ? item.claim.diagnoses.map((d) => d.code) : item.result.problems).toEqual(['QA0.0101', 'M43.03']);
});
