import { claim } from '../../helpers/rule-tester';

// Claims for the NCCI rule tests. A line is a procedure code, or [code, units, modifiers, serviceDate].
export type LineSpec = string | readonly [string, number?, (readonly string[])?, string?];

function line(spec: LineSpec): Record<string, unknown> {
  const [procedureCode, units = 1, modifiers = [], serviceDate] = typeof spec === 'string' ? [spec] : spec;
  return { procedureCode, units, charge: 100, diagnosisPointers: [1], ...(modifiers.length > 0 ? { modifiers } : {}), ...(serviceDate ? { serviceDate } : {}) };
}

/** A Medicare professional claim (837P) with these lines on serviceDate. */
export function professional(serviceDate: string, ...lines: LineSpec[]): Record<string, unknown> {
  return claim({ serviceDate, diagnoses: ['M50.121'], patient: { birthDate: '1958-03-02', sex: 'F' }, lines: lines.map(line) });
}

/** A Medicare outpatient hospital claim (837I, type of bill 131) with these lines (revenue code 0360, OR services). */
export function outpatient(serviceDate: string, ...lines: LineSpec[]): Record<string, unknown> {
  return claim({
    type: 'institutional', billType: '131', serviceDate, diagnoses: [{ code: 'M50.121' }], patient: { birthDate: '1958-03-02', sex: 'F' },
    lines: lines.map((l) => ({ ...line(l), revenueCode: '0360' })),
  });
}
