import { BIN, type Run } from './cli.js';
import { spawn } from 'node:child_process';

/**
 * What a person sees of each line: a carriage return or a jump to column 1 (how a spinner redraws)
 * starts the line over, then CSI and OSC sequences are dropped so the text can be measured.
 */
export function visible(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .replace(/\r+$/, '')
        .split(/\r|\x1b\[1?G/)
        .at(-1)!,
    )
    .map((line) => line.replace(/\x1b\[[0-?]*[ -/]*[@-~]/g, '').replace(/\x1b\][^\x07]*\x07/g, ''))
    .join('\n');
}

/** Runs the built CLI under a pseudo-terminal of the given width (`script -qec`). */
export function runInPty(args: string[], env: NodeJS.ProcessEnv, columns: number): Promise<Run> {
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', `stty cols ${columns} rows 50; ${quoted}; echo "[exit=$?]"`, '/dev/null'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const m = /\[exit=(\d+)\]/.exec(stdout);
      resolve({ code: m ? Number(m[1]) : code, signal, stdout: stdout.replace(/\[exit=\d+\]\r?\n?/, ''), stderr, ms: Date.now() - started });
    });
  });
}
