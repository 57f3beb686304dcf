import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { BIN } from './cli.js';

const run = promisify(execFile);
const quote = (a: string) => `'${a.replace(/'/g, `'\\''`)}'`;

/**
 * The built CLI in a real terminal: a private tmux server (its own socket), one pane of a given
 * size, keys sent with send-keys, the screen read with capture-pane, and every byte the program
 * writes kept by pipe-pane. Needs the Debian package `tmux`.
 */
export class Tmux {
  readonly #socket: string;
  readonly #dir: string;
  readonly #bytes: string;
  readonly #exit: string;

  constructor() {
    this.#dir = mkdtempSync(path.join(tmpdir(), 'papers-tmux-'));
    this.#socket = path.join(this.#dir, 'socket');
    this.#bytes = path.join(this.#dir, 'bytes');
    this.#exit = path.join(this.#dir, 'exit');
  }

  tmux(...args: string[]): Promise<{ stdout: string }> {
    return run('tmux', ['-S', this.#socket, ...args], { encoding: 'utf8' });
  }

  /** Starts `papers args` in a pane; the program starts only once pipe-pane records, so no byte is missed. */
  async start(args: string[], env: NodeJS.ProcessEnv, columns: number, rows: number): Promise<void> {
    const command = [process.execPath, BIN, ...args].map(quote).join(' ');
    const script = `read _; ${command}; echo $? > ${quote(this.#exit)}; sleep 60`;
    const vars = Object.entries(env).flatMap(([k, v]) => (v === undefined ? [] : ['-e', `${k}=${v}`]));
    await this.tmux('-f', '/dev/null', 'new-session', '-d', '-s', 'p', '-x', String(columns), '-y', String(rows), ...vars, 'sh', '-c', script);
    await this.tmux('set-option', '-t', 'p', 'status', 'off');
    await this.tmux('pipe-pane', '-t', 'p', '-o', `cat >> ${quote(this.#bytes)}`);
    await this.tmux('send-keys', '-t', 'p', 'Enter');
  }

  keys(...keys: string[]): Promise<unknown> {
    return this.tmux('send-keys', '-t', 'p', ...keys);
  }

  /** Typed as text, not as key names. */
  text(text: string): Promise<unknown> {
    return this.tmux('send-keys', '-t', 'p', '-l', text);
  }

  async screen(): Promise<string> {
    return (await this.tmux('capture-pane', '-p', '-t', 'p')).stdout;
  }

  resize(columns: number, rows: number): Promise<unknown> {
    return this.tmux('resize-window', '-t', 'p', '-x', String(columns), '-y', String(rows));
  }

  /** Every byte the program wrote to the terminal so far. */
  bytes(): string {
    try {
      return readFileSync(this.#bytes, 'latin1');
    } catch {
      return '';
    }
  }

  /** The program's exit status once it has ended, else null. */
  exitCode(): number | null {
    try {
      return Number(readFileSync(this.#exit, 'utf8').trim());
    } catch {
      return null;
    }
  }

  /** Polls the screen until `check` holds; fails with the last screen. */
  async waitFor(check: (screen: string) => boolean, what: string): Promise<string> {
    let screen = '';
    for (let i = 0; i < 300; i++) {
      screen = await this.screen();
      if (check(screen)) return screen;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`waited for ${what}; the screen was:\n${screen}`);
  }

  async stop(): Promise<void> {
    await this.tmux('kill-server').catch(() => undefined);
    rmSync(this.#dir, { recursive: true, force: true });
  }
}
