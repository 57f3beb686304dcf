import { spawn } from 'node:child_process';
import { WriteStream } from 'node:tty';
import { Interrupt } from '../../src/cli/interrupt.js';
import { run } from '../../src/cli/run.js';
import { BIN } from './cli.js';
import { NOW } from './clock.js';
import { Capture } from './context.js';

/** A capture that says it is a terminal of this size, for runs that must look like a person's. */
class TerminalCapture extends Capture {
  constructor(
    readonly columns: number,
    readonly rows = 40,
  ) {
    super();
    this.isTTY = true;
  }
  /** Node's own reading of the environment (TERM, NO_COLOR, COLORTERM...), as a real terminal gives. */
  getColorDepth(env?: NodeJS.ProcessEnv): number {
    return WriteStream.prototype.getColorDepth.call(this, env);
  }
}

export interface InProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** A terminal for stdout: a width, and a height (40 when not given). */
export interface FakeTty {
  columns: number;
  rows?: number;
}

/**
 * Runs papers in this process (`run(argv, proc)`) with captured streams: stdout a pipe, or a terminal
 * of the given size (`{ columns }`, or `{ tty }` beside a clock). The clock is the fixed NOW of
 * tests/helpers/clock.ts (so TODAY is the CLI's today) unless `now` is given (as a Date, or in the options).
 */
export async function runIn(
  argv: string[],
  env: NodeJS.ProcessEnv,
  opts: Date | FakeTty | { tty?: FakeTty; now?: Date } | undefined = {},
  /** A terminal of 80 columns, beside a clock given as a Date. */
  onTerminal = false,
  interrupt = new Interrupt(),
): Promise<InProcessRun> {
  const given = opts ?? {};
  const picked = given instanceof Date ? { tty: undefined, now: given } : 'columns' in given ? { tty: given, now: undefined } : given;
  const tty = picked.tty ?? (onTerminal ? { columns: 80 } : undefined);
  const now = picked.now ?? NOW;
  const stdout = tty ? new TerminalCapture(tty.columns, tty.rows) : new Capture();
  const stderr = new Capture();
  const code = await run(
    argv,
    {
      env,
      platform: process.platform,
      stdin: () => process.stdin,
      stdout: () => stdout as unknown as NodeJS.WriteStream,
      stderr: () => stderr as unknown as NodeJS.WriteStream,
      stdoutFd: null,
      stderrFd: null,
      now: () => now,
    },
    interrupt,
  );
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** Like runIn, with stdout written to a file descriptor (a file, /dev/full) as in a pipe or a redirect. */
export async function runInTo(argv: string[], env: NodeJS.ProcessEnv, stdoutFd: number, now: Date = NOW): Promise<InProcessRun> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await run(argv, {
    env,
    platform: process.platform,
    stdin: () => process.stdin,
    stdout: () => stdout as unknown as NodeJS.WriteStream,
    stderr: () => stderr as unknown as NodeJS.WriteStream,
    stdoutFd,
    stderrFd: null,
    now: () => now,
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

export interface TimedRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Killed by the test's timeout: the command hung. */
  hung: boolean;
}

/**
 * Spawns the built CLI and kills it with SIGKILL after `limitMs`, so that a hang fails the test
 * (`hung`) instead of hanging the suite. `stdout` may be a file descriptor to write to instead of a
 * pipe; `onSpawn` gets the child (to signal it).
 */
export function runBounded(
  args: string[],
  env: NodeJS.ProcessEnv,
  limitMs: number,
  opts: { stdout?: number; onSpawn?: (child: ReturnType<typeof spawn>) => void } = {},
): Promise<TimedRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', opts.stdout ?? 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let hung = false;
    const timer = setTimeout(() => {
      hung = true;
      child.kill('SIGKILL');
    }, limitMs);
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, hung });
    });
    opts.onSpawn?.(child);
  });
}
