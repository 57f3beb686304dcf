import { Interrupt } from '../../src/cli/interrupt.js';
import { run } from '../../src/cli/run.js';
import { Capture } from './context.js';

export interface InProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs papers in this process (`run(argv, proc)`) with captured streams: stdout a pipe, or a terminal
 * with `tty` (a stream that says it is one); `now` is the clock, `interrupt` its Ctrl-C.
 */
export async function runIn(argv: string[], env: NodeJS.ProcessEnv, now?: Date, tty = false, interrupt = new Interrupt()): Promise<InProcessRun> {
  const stdout = new Capture();
  const stderr = new Capture();
  stdout.isTTY = tty;
  const code = await run(
    argv,
    {
      env,
      platform: process.platform,
      stdin: () => process.stdin,
      stdout: () => stdout as unknown as NodeJS.WriteStream,
      stderr: () => stderr as unknown as NodeJS.WriteStream,
      stdoutFd: null,
      ...(now ? { now: () => now } : {}),
    },
    interrupt,
  );
  return { code, stdout: stdout.text, stderr: stderr.text };
}
