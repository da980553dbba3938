import { parseArgs, type ParseArgsConfig } from 'node:util';
import { editDistance } from '../input/intake';

// Option parsing for every command: node's parseArgs, with the errors a user can act on — an unknown
// option names the closest known one ("did you mean --format?"), as ESLint and git do.

export class UsageError extends Error {}

type Spec = NonNullable<ParseArgsConfig['options']>;

/** The known word closest to `word`, when it is close enough to be a typo (or `word` is a prefix of it). */
export function closest(word: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = candidate.startsWith(word) && word.length >= 2 ? 0.5 : editDistance(word, candidate);
    if (d < bestDistance) { best = candidate; bestDistance = d; }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

export function parseOptions<S extends Spec>(args: readonly string[], options: S, allowPositionals = true): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const parsed = parseArgs({ args: [...args], options, allowPositionals, strict: true });
    return { values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = (error as Error).message;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const given = /option '([^']+)'/.exec(message)?.[1] ?? '';
      const name = given.replace(/^-+/, '').split('=')[0];
      const long = Object.keys(options);
      const guess = closest(name, long);
      throw new UsageError(`unknown option '${given}'${guess ? `; did you mean --${guess}?` : ''}`);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const given = /Option '([^']+)'/.exec(message)?.[1] ?? message;
      throw new UsageError(message.includes('argument missing') ? `option ${given.split(' ')[0]} needs a value` : message);
    }
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') throw new UsageError(`unexpected argument: ${message.replace(/^Unexpected argument '([^']+)'.*$/s, '$1')}`);
    throw new UsageError(message);
  }
}
