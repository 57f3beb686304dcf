import { Readable, Writable } from 'node:stream';
import { Interrupt } from '../../src/cli/interrupt.js';
import { run, type ProcessLike } from '../../src/cli/run.js';
import { NOW } from './clock.js';
import type { Run } from './cli.js';

export { TODAY } from './clock.js';

export interface RunOptions {
  /** What stdin holds (it is never the test process's own stdin); empty by default. */
  input?: string;
  /** The CLI's clock (default NOW). */
  now?: Date;
  /** stdout as a terminal of this size and colour depth, instead of a pipe (stderr stays a pipe: no spinner). */
  tty?: { columns: number; rows?: number; colorDepth?: 1 | 4 | 8 | 24 };
  /** stderr as a terminal of this size too (the spinner may then run). */
  stderrTty?: { columns: number; colorDepth?: 1 | 4 | 8 | 24 };
}

export interface InProcessRun extends Run {
  /** Every wait the HTTP client asked for (Retry-After, backoff), in ms; none was waited in real time. */
  slept: number[];
}

/** A stream that keeps what is written: stdout or stderr of an in-process run, a pipe unless `tty` says. */
class Capture extends Writable {
  text = '';
  isTTY: boolean;
  columns: number | undefined;
  rows: number | undefined;

  constructor(private readonly tty: RunOptions['tty']) {
    super({ decodeStrings: false });
    this.isTTY = tty !== undefined;
    this.columns = tty?.columns;
    this.rows = tty?.rows;
  }

  getColorDepth(): number {
    return this.tty?.colorDepth ?? 8;
  }

  hasColors(): boolean {
    return this.getColorDepth() > 1;
  }

  override _write(chunk: string | Buffer, _enc: string, done: () => void): void {
    this.text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    done();
  }
}

/**
 * Runs papers in this process, as `papers <args>` would run with this environment, and returns what
 * it printed and its exit code, like runCli (tests/helpers/cli.ts) without starting a process: the
 * same `run` the real entry calls, over capture streams, a fixed clock and a sleep that does not
 * wait. A string third argument is stdin, as for runCli. Spawn the built CLI only where a process is
 * the point (signals, a real terminal, pipes, concurrency, start-up).
 */
export async function runPapers(args: string[], env: NodeJS.ProcessEnv, options: RunOptions | string = {}): Promise<InProcessRun> {
  const opts = typeof options === 'string' ? { input: options } : options;
  const stdout = new Capture(opts.tty);
  const stderr = new Capture(opts.stderrTty);
  const slept: number[] = [];
  const stdin = Readable.from([Buffer.from(opts.input ?? '')]) as unknown as NodeJS.ReadStream;
  const now = opts.now ?? NOW;
  const proc: ProcessLike = {
    env,
    platform: process.platform,
    stdin: () => stdin,
    stdout: () => stdout as unknown as NodeJS.WriteStream,
    stderr: () => stderr as unknown as NodeJS.WriteStream,
    stdoutFd: null,
    stderrFd: null,
    now: () => now,
    sleep: async (ms, signal) => {
      slept.push(ms);
      if (signal.aborted) throw signal.reason;
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
  const started = Date.now();
  const code = await run(args, proc, new Interrupt());
  return { code, signal: null, stdout: stdout.text, stderr: stderr.text, ms: Date.now() - started, slept };
}
