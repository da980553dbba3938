import * as t from 'io-ts';
import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import { Claim, ClaimWithoutDiagnosis } from './codecs';

/** One thing wrong with an input record: where (JSONPath), what was there, what was expected, in a sentence. */
export interface DecodeProblem {
  readonly path: string;
  readonly value: unknown;
  readonly expected: string;
  readonly message: string;
}

/** Decodes one input record into a Claim, gathering every problem of the record (not only the first). */
export function decodeClaim(input: unknown, options: { readonly allowNoDiagnosis?: boolean } = {}): E.Either<readonly DecodeProblem[], Claim> {
  return pipe((options.allowNoDiagnosis ? ClaimWithoutDiagnosis : Claim).decode(input), E.mapLeft(toProblems));
}

/** Turns io-ts errors into DecodeProblems with JSONPaths such as `$.lines[0].units`. */
export function toProblems(errors: t.Errors): DecodeProblem[] {
  const byPath = new Map<string, { value: unknown; expected: string[]; message?: string }>();
  for (const error of errors) {
    const path = jsonPath(error.context);
    const expected = error.context[error.context.length - 1]?.type.name ?? 'unknown';
    const seen = byPath.get(path);
    if (seen) {
      if (!seen.expected.includes(expected)) seen.expected.push(expected);
    } else {
      byPath.set(path, { value: error.value, expected: [expected], message: error.message });
    }
  }
  return [...byPath].map(([path, { value, expected, message }]) => {
    const wanted = expected.map((name) => FRIENDLY_NAMES[name] ?? name).join(' or ');
    return {
      path, value, expected: wanted,
      message: message ?? (value === undefined ? `${path} is missing: expected ${wanted}` : `${path} is ${describe(value)}: expected ${wanted}`),
    };
  });
}

const FRIENDLY_NAMES: Record<string, string> = {
  IsoDate: 'IsoDate (a calendar date, YYYY-MM-DD)',
  CptCode: 'CptCode (CPT 5 characters or HCPCS letter + 4 digits)',
  PcsCode: 'PcsCode (ICD-10-PCS, 7 characters)',
};

function jsonPath(context: t.Context): string {
  let path = '$';
  for (let i = 1; i < context.length; i++) {
    // Intersections and unions add an entry per member, keyed by the member's index: not a data path.
    const parentTag = (context[i - 1].type as unknown as { _tag?: string })._tag;
    if (parentTag === 'IntersectionType' || parentTag === 'UnionType') continue;
    const key = context[i].key;
    if (key === '') continue;
    path += /^\d+$/.test(key) ? `[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
  }
  return path;
}

function describe(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
