import { Writable } from 'node:stream';
import type { Context } from '../../src/context.js';
import { Interrupt } from '../../src/cli/interrupt.js';
import { createContext } from '../../src/cli/shell.js';

/** A stream that keeps what is written, standing in for stdout/stderr. */
export class Capture extends Writable {
  text = '';
  isTTY = false;
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

/** A Context over fake streams and a fixed clock, for testing commands in-process. */
export function testContext(env: NodeJS.ProcessEnv, now: Date): { ctx: Context; stdout: Capture; stderr: Capture } {
  const stdout = new Capture();
  const stderr = new Capture();
  const proc = {
    env,
    platform: process.platform,
    stdin: () => process.stdin,
    stdout: () => stdout as unknown as NodeJS.WriteStream,
    stderr: () => stderr as unknown as NodeJS.WriteStream,
    stdoutFd: null,
    stderrFd: null,
  };
  const ctx = createContext(proc, { noColor: true, quiet: false, verbose: false }, new Interrupt(), () => now);
  return { ctx, stdout, stderr };
}
