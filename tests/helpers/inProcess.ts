import { run } from '../../src/cli/run.js';
import { Capture } from './context.js';

export interface InProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs papers in this process (`run(argv, proc)`) with captured streams, a pipe for stdout (no terminal). */
export async function runIn(argv: string[], env: NodeJS.ProcessEnv, now?: Date): Promise<InProcessRun> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await run(argv, {
    env,
    platform: process.platform,
    stdin: () => process.stdin,
    stdout: () => stdout as unknown as NodeJS.WriteStream,
    stderr: () => stderr as unknown as NodeJS.WriteStream,
    stdoutFd: null,
    ...(now ? { now: () => now } : {}),
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}
