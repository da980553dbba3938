import * as path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { run, type CliIo } from '../../src/cli/run';

/** The project root: the CLI scenarios run there, as a user would after `npm ci`. */
export const ROOT = path.join(__dirname, '..', '..');

/** Runs the CLI in-process (run(argv, io)) with captured output. */
export async function runCli(args: string[], options: { stdin?: string | Buffer; tty?: boolean; cwd?: string } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (b: Buffer) => out.push(b));
  stderr.on('data', (b: Buffer) => err.push(b));
  const io: CliIo = { stdout, stderr, stdin: Readable.from([options.stdin ?? '']), stderrIsTTY: options.tty ?? false, cwd: options.cwd ?? ROOT };
  const code = await run(args, io);
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}
