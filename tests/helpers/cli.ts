import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = path.join(ROOT, 'bin', 'papers.cjs');

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Temporary config, cache and data dirs for one test; `cleanup` removes them. */
export function tempDirs(): { config: string; cache: string; data: string; root: string; cleanup: () => void } {
  const root = mkdtempSync(path.join(tmpdir(), 'papers-test-'));
  return {
    root,
    config: path.join(root, 'config'),
    cache: path.join(root, 'cache'),
    data: path.join(root, 'data'),
    cleanup: () => removeAgain(root),
  };
}

/**
 * Removes a test's directory, again while something is still writing into it: a CLI a test has just
 * ended (a tmux session killed under the reader) writes its last file (the row file) as it goes, and a
 * removal that met it fails with ENOTEMPTY.
 */
function removeAgain(dir: string): void {
  for (let attempt = 1; ; attempt++) {
    try {
      rmSync(dir, { recursive: true, force: true });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOTEMPTY' || attempt === 40) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    }
  }
}

let scratchData: string | undefined;

/**
 * An environment with nothing of the caller's that could change the output or reach a real host; the
 * marks go to a scratch directory unless PAPERS_DATA_DIR is given, never to the user's own.
 */
export function cleanEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  scratchData ??= mkdtempSync(path.join(tmpdir(), 'papers-test-data-'));
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8', TERM: 'xterm-256color', PAPERS_DATA_DIR: scratchData };
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) env[k] = v;
  return env;
}

/** Runs the built CLI with piped stdio and returns what it printed. */
export function runCli(args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<Run> {
  return runProcess(process.execPath, [BIN, ...args], env, input);
}

/** Runs a bash script (for pipelines); `$PAPERS` in it is the command that starts the built CLI. */
export function runShell(script: string, env: NodeJS.ProcessEnv): Promise<Run> {
  return runProcess('bash', ['-c', script], { ...env, PAPERS: `"${process.execPath}" "${BIN}"` });
}

/** Spawns without blocking the event loop, so a test server in this process keeps answering. */
export function runProcess(command: string, args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, ms: Date.now() - started }));
    child.stdin.end(input ?? '');
  });
}
