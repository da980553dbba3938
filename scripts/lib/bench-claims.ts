import type { RuleSet } from '../../src/rules/rule-set';

// The claims every bench scrubs (in-process latency, batch files, HTTP bodies): one mix, so the figures
// are comparable.

/** A small deterministic PRNG (mulberry32), so every run scrubs the same claims. */
function random(seed: number): () => number {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Realistic claims: mostly valid billable codes, some headers, invalid and spine cases with chart text. */
export function claimGenerator(ruleSet: RuleSet): (i: number) => Record<string, unknown> {
  const fy2026 = [...ruleSet.codeSets.find((s) => s.version === 'FY2026')!.entries()];
  const billable = fy2026.filter(([, e]) => e.billable).map(([code]) => code);
  const headers = fy2026.filter(([, e]) => !e.billable).map(([code]) => code);
  const rnd = random(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const spine = [
    { diagnoses: ['M43.03'], documentation: 'CT: bilateral pars defect at C7-T1 without listhesis. Radicular pain C8 distribution.' },
    { diagnoses: ['M43.00', 'M54.12'], documentation: 'Pars defect at C7-T1. No myelopathy.' },
    { diagnoses: ['M54.12', 'M50.121'], documentation: 'Cervical radiculopathy with disc herniation C4-C5.' },
  ];
  return (i) => {
    const kind = rnd();
    const base = {
      id: `BENCH-${i}`, type: 'professional', payer: { id: 'P', type: rnd() < 0.4 ? 'medicare' : 'commercial' },
      patient: { birthDate: `19${40 + Math.floor(rnd() * 60)}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 10)}`, sex: rnd() < 0.5 ? 'F' : 'M' },
      serviceDate: rnd() < 0.8 ? '2026-01-15' : '2026-10-20',
    };
    const lines = [{ procedureCode: rnd() < 0.1 ? '22551' : '99213', units: 1, charge: 100 + Math.floor(rnd() * 1500), diagnosisPointers: [1] }];
    if (kind < 0.15) return { ...base, ...pick(spine), lines };
    const diagnoses = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => (rnd() < 0.05 ? pick(headers) : rnd() < 0.02 ? 'M99.99' : pick(billable)));
    return { ...base, diagnoses, lines };
  };
}
