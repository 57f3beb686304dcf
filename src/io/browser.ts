import { mkdtempSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { PapersError } from '../core/errors.js';

/** Only web links are opened, and never one that an opener could take for an option. */
export function assertOpenable(url: string): void {
  let ok: boolean;
  try {
    const u = new URL(url);
    ok = (u.protocol === 'http:' || u.protocol === 'https:') && !url.startsWith('-');
  } catch {
    ok = false;
  }
  if (!ok) throw new PapersError(`refusing to open ${url}`, 1, 'only http and https links are opened');
}

export interface Opener {
  command: string;
  /** The arguments, the URL among them. */
  args: string[];
}

/**
 * The openers to try, in order, for this URL: each entry of `$BROWSER` (a colon-separated list; an
 * entry is split on spaces, `%s` in it is the URL and `%%` a percent sign, else the URL is appended),
 * or, without `$BROWSER`, the system's. No shell ever sees the URL: it is one argument.
 */
export function openers(url: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): Opener[] {
  const entries = (env.BROWSER ?? '')
    .split(':')
    .map((e) => e.trim().split(/\s+/).filter(Boolean))
    .filter((words) => words.length > 0);
  if (entries.length > 0) {
    return entries.map(([command, ...rest]) => {
      const args = rest.map((word) => word.replace(/%([%s])/g, (_, c: string) => (c === 's' ? url : '%')));
      return { command: command!, args: rest.some((w) => /%s/.test(w.replace(/%%/g, ''))) ? args : [...args, url] };
    });
  }
  if (platform === 'darwin') return [{ command: 'open', args: [url] }];
  if (platform === 'win32') return [{ command: 'rundll32', args: ['url.dll,FileProtocolHandler', url] }];
  return [{ command: 'xdg-open', args: [url] }];
}

/** Browsers that draw in the terminal: they get the terminal, and papers waits for them. */
const TERMINAL_BROWSERS = new Set(['w3m', 'lynx', 'links', 'links2', 'elinks', 'browsh', 'carbonyl']);

export type Opened = { kind: 'opened'; command: string } | { kind: 'none' } | { kind: 'failed'; command: string; message: string };

export interface OpenOptions {
  /** papers runs on a terminal (stdin and stdout): a terminal browser is given it. */
  terminal: boolean;
  /** How long to wait for a graphical opener's exit status before taking it as opened (a browser started directly stays). */
  graceMs?: number;
}

/**
 * Opens the URL with the first opener that exists (see `openers`). A terminal browser on a terminal
 * inherits it and is waited for; any other opener's exit status is awaited for a moment, its stderr
 * kept in a private temporary file, so a failing opener (`BROWSER=false`, a broken xdg-open) is
 * reported with its message instead of as success.
 */
export async function openUrl(url: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform, options: OpenOptions): Promise<Opened> {
  assertOpenable(url);
  for (const opener of openers(url, env, platform)) {
    const inTerminal = options.terminal && TERMINAL_BROWSERS.has(basename(opener.command));
    const result = inTerminal ? await runInTerminal(opener) : await runDetached(opener, options.graceMs ?? 3000);
    if (result !== 'missing') return result;
  }
  return { kind: 'none' };
}

/** The opener is absent (or not a program): the next one is tried. */
const missing = (error: NodeJS.ErrnoException) => error.code === 'ENOENT' || error.code === 'EACCES';

function exitMessage(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `killed by ${signal}` : `exit code ${code}`;
}

/** node:child_process loads net, streams and dgram (~3 ms): only a path that starts a program pays for it. */
const childProcess = () => import('node:child_process');

async function runInTerminal(opener: Opener): Promise<Opened | 'missing'> {
  const { spawn } = await childProcess();
  return new Promise((resolve) => {
    const child = spawn(opener.command, opener.args, { stdio: 'inherit', shell: false });
    child.once('error', (error: NodeJS.ErrnoException) =>
      resolve(missing(error) ? 'missing' : { kind: 'failed', command: opener.command, message: error.message }),
    );
    child.once('close', (code, signal) =>
      resolve(code === 0 ? { kind: 'opened', command: opener.command } : { kind: 'failed', command: opener.command, message: exitMessage(code, signal) }),
    );
  });
}

async function runDetached(opener: Opener, graceMs: number): Promise<Opened | 'missing'> {
  const { spawn } = await childProcess();
  const dir = mkdtempSync(join(tmpdir(), 'papers-open-'));
  const file = join(dir, 'stderr');
  const fd = openSync(file, 'wx', 0o600);
  const done = (result: Opened | 'missing'): Opened | 'missing' => {
    rmSync(dir, { recursive: true, force: true });
    return result;
  };
  return new Promise<Opened | 'missing'>((resolve) => {
    const child = spawn(opener.command, opener.args, { stdio: ['ignore', 'ignore', fd], detached: true, shell: false });
    closeSync(fd);
    let timer: NodeJS.Timeout | undefined;
    child.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve(done(missing(error) ? 'missing' : { kind: 'failed', command: opener.command, message: error.message }));
    });
    child.once('spawn', () => {
      // Still running after a moment: a browser started directly, which stays open. Let it be.
      timer = setTimeout(() => {
        child.removeAllListeners('exit');
        child.unref();
        resolve(done({ kind: 'opened', command: opener.command }));
      }, graceMs);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve(done({ kind: 'opened', command: opener.command }));
      const said = readSaid(file);
      resolve(done({ kind: 'failed', command: opener.command, message: said || exitMessage(code, signal) }));
    });
  });
}

/** What a failed opener wrote on stderr, in short; empty when it wrote nothing. */
function readSaid(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim().slice(0, 2000);
  } catch {
    return '';
  }
}
