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
});
