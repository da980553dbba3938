import { run } from './run';

// The bin: the process's streams in, the exit code out. Everything else is in run().
// A reader that goes away (`| head`) closes the pipe: later writes fail with EPIPE, which is no error of
// ours — stop quietly instead of printing a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});
void run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  stderrIsTTY: Boolean(process.stderr.isTTY),
  cwd: process.cwd(),
}).then((code) => { process.exitCode = code; });
