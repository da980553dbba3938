import { run } from './run';

// The bin: the process's streams in, the exit code out. Everything else is in run().
void run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  stderrIsTTY: Boolean(process.stderr.isTTY),
  cwd: process.cwd(),
}).then((code) => { process.exitCode = code; });
