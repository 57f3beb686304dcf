import { EXIT } from '../core/errors.js';
import { Interrupt } from './interrupt.js';
import { run } from './run.js';
import { realProcess } from './shell.js';

// The program's entry (bin/papers.cjs loads the bundle of this file): the only code that touches
// the real process's signals and exit code.
const interrupt = new Interrupt();
process.on('SIGINT', () => {
  if (interrupt.deferred) return;
  if (interrupt.aborted || !interrupt.armed) {
    process.stderr.write('papers: interrupted\n');
    process.exit(EXIT.interrupted);
  }
  interrupt.abort();
  process.exitCode = EXIT.interrupted;
});
void run(process.argv.slice(2), realProcess(), interrupt).then((code) => {
  process.exitCode = code;
  // The run is over and nothing of it is in flight: exit now, rather than let Node take the whole
  // environment down first (~4 ms of every run on this machine; BENCHMARKS.md). Every write papers
  // makes is synchronous by then (a pipe or a file through its descriptor, a terminal on POSIX). Anything
  // still pending (the reader's last marks being written, a browser starting) shows here as a
  // resource, and the process then ends on its own once it is done, as before.
  if (process.platform !== 'win32' && process.getActiveResourcesInfo().every((r) => r === 'TTYWrap')) process.exit(code);
});
