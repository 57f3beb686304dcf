import type { Context } from '../context.js';
import { Cache } from '../io/cache.js';
import { HttpClient } from '../io/http.js';
import { statePaths } from '../io/paths.js';
import { MarksStore } from '../io/marksStore.js';
import { SettingsStore } from '../io/settingsStore.js';
import { nyDay } from '../core/dates.js';
import { Spinner } from '../ui/spinner.js';
import { readTerminal, type StdoutFacts } from '../ui/terminal.js';
import type { MessageKind } from '../ui/stderr.js';
import { fdMessages, fdOutput, streamOutput } from '../io/output.js';
import { serviceNamer } from '../io/url.js';
import { fstatSync } from 'node:fs';
import { homedir } from 'node:os';
import { findToken, type HfToken } from '../io/token.js';
import { VERSION } from '../version.js';

/**
 * The process as the shell needs it. The standard streams are functions: Node creates each one on
 * first access, and that costs at every start.
 */
export interface ProcessLike {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  stdin: () => NodeJS.ReadStream;
  stdout: () => NodeJS.WriteStream;
  stderr: () => NodeJS.WriteStream;
  /** Set when stdout is a pipe or a file: it is then written through this descriptor, no stream made. */
  stdoutFd: number | null;
  /** The same for stderr: messages then go to this descriptor, and stderr is no terminal. */
  stderrFd: number | null;
  /** The clock; tests pass a fixed one, so "today" is the same for them and for the CLI they run. */
  now?: () => Date;
  /** How the HTTP client waits before a retry (Retry-After, backoff); tests pass one that does not wait. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** The real process: stdout and stderr by descriptor unless they may be a terminal (stderr looked at only when first used). */
export function realProcess(): ProcessLike {
  let stderrFd: number | null | undefined;
  return {
    env: process.env,
    platform: process.platform,
    stdin: () => process.stdin,
    stdout: () => process.stdout,
    stderr: () => process.stderr,
    stdoutFd: mayBeTerminal(1) ? null : 1,
    get stderrFd() {
      return (stderrFd ??= mayBeTerminal(2) ? null : 2);
    },
  };
}

/** Where messages go: stderr's stream when it may be a terminal, else its descriptor (no stream made). */
export function messagesOf(proc: ProcessLike): () => { write(text: string): unknown } {
  let sink: { write(text: string): unknown } | undefined;
  return () => {
    const fd = proc.stderrFd;
    return fd === null ? proc.stderr() : (sink ??= fdMessages(fd));
  };
}

export interface ShellFlags {
  noColor: boolean;
  quiet: boolean;
  verbose: boolean;
}

/** What a Context needs of the run's Ctrl-C (cli/interrupt.ts): its signal, made on first use, and deferring it. */
export interface RunInterrupt {
  readonly signal: AbortSignal;
  /** Whether Ctrl-C came, asked without making the signal (making it costs ~1 ms). */
  readonly aborted: boolean;
  finish<T>(work: () => Promise<T>): Promise<T>;
  defer<T>(work: () => Promise<T>): Promise<T>;
}

/** The edge: the one place that reads the real process (streams, env, clock) to build a Context. */
export function createContext(proc: ProcessLike, flags: ShellFlags, interrupt: RunInterrupt, clock: () => Date = proc.now ?? (() => new Date())): Context {
  const { env } = proc;
  // A pipe or a file is written through its descriptor; only what may be a terminal gets a stream.
  const stdoutFacts: StdoutFacts = proc.stdoutFd === null ? { kind: 'stream', stream: proc.stdout() } : { kind: 'fd' };
  const terminal = readTerminal(
    stdoutFacts,
    () => (proc.stderrFd === null ? proc.stderr() : null),
    env,
    flags.noColor,
    (m) => ctx.warn(m),
  );
  const spinner = new Spinner(messagesOf(proc), proc.stderr, () => terminal.stderrTTY && !flags.quiet, terminal.colorLevel > 0);
  const debugOn = flags.verbose || env.PAPERS_DEBUG === '1';
  // The token is looked up when the first request is made; until then it cannot be in anything printed.
  let token: HfToken | null = null;
  const redact = (text: string) => (token ? text.split(token.value).join('hf_***') : text);
  const say = (line: string, kind: MessageKind) => spinner.log(redact(line), terminal.stderrColor ? kind : undefined);
  let cache: Cache | undefined;
  let settings: SettingsStore | undefined;
  let marks: MarksStore | undefined;
  let http: HttpClient | undefined;
  const ctx: Context = {
    env,
    platform: proc.platform,
    now: clock,
    stdin: proc.stdin,
    stdout: stdoutFacts.kind === 'stream' ? streamOutput(stdoutFacts.stream) : fdOutput(proc.stdoutFd!),
    tty: () => {
      if (stdoutFacts.kind !== 'stream' || !stdoutFacts.stream.isTTY) return null;
      const stdin = proc.stdin();
      return stdin.isTTY ? { stdin, stdout: stdoutFacts.stream, stderr: proc.stderr() } : null;
    },
    terminal,
    spinner,
    note: (m) => flags.quiet || say(`papers: ${m}`, 'note'),
    warn: (m) => say(`papers: warning: ${m}`, 'warning'),
    debug: (m) => debugOn && say(`papers: debug: ${m}`, 'debug'),
    cache: () => {
      if (cache) return cache;
      const capMb = ctx.settings().peek().settings['cache-max-mb'];
      cache = new Cache({ dir: statePaths(env).cacheDir, warn: ctx.warn, ...(capMb ? { maxBytes: capMb * 1024 * 1024 } : {}) });
      return cache;
    },
    settings: () => (settings ??= new SettingsStore(statePaths(env).configDir, ctx.warn)),
    marks: () => (marks ??= new MarksStore(statePaths(env).dataDir, () => nyDay(clock()), ctx.warn)),
    async http(timeoutMs) {
      if (http) return http;
      // undici parses HTTP with llhttp, in WebAssembly. V8 would also recompile llhttp with TurboFan in
      // the background, and the process waits for that job before it can exit: ~150 ms on this
      // machine, more than the request. Liftoff's code is fast enough for answers of a few MiB. The flag is
      // set before the first request, which is when http.ts loads undici.
      (await import('node:v8')).setFlagsFromString('--no-wasm-dynamic-tiering --no-wasm-tier-up');
      token = findToken(env, env.HOME || homedir(), ctx.warn);
      const origin = token && originOf(ctx.apiBase);
      http = new HttpClient({
        ...(token && origin ? { auth: { origin, token } } : {}),
        userAgent: `papers/${VERSION}`,
        deadline: Date.now() + timeoutMs,
        signal: interrupt.signal,
        env,
        onRetry: ctx.debug,
        onWarn: ctx.warn,
        ...(proc.sleep ? { sleep: proc.sleep } : {}),
        onFetch: ctx.debug,
        nameOf: serviceNamer(ctx.apiBase, ctx.arxivBase),
      });
      return http;
    },
    apiBase: env.PAPERS_API_URL || 'https://huggingface.co',
    arxivBase: env.PAPERS_ARXIV_URL || 'https://export.arxiv.org',
    redact,
    get signal() {
      return interrupt.signal;
    },
    get aborted() {
      return interrupt.aborted;
    },
    deferInterrupts: (work) => interrupt.defer(work),
    finishBeforeInterrupt: (work) => interrupt.finish(work),
    async close() {
      await spinner.stop();
      await http?.close();
    },
  };
  return ctx;
}

/** The origin a token may go to; null for a base that is not a URL (no token is sent then). */
function originOf(base: string): string | null {
  try {
    return new URL(base).origin;
  } catch {
    return null;
  }
}

/** A terminal is a character device; a pipe, a socket or a file never is. (/dev/null is one too: it gets the stream.) */
function mayBeTerminal(fd: number): boolean {
  try {
    return fstatSync(fd).isCharacterDevice();
  } catch {
    return true;
  }
}
