import { UsageError } from './core/errors.js';
import { needsWholePapers, parseListOptions, type ListKind, type ListOptions, type RawOptions } from './core/listOptions.js';
import type { Cache } from './io/cache.js';
import type { Output } from './io/output.js';
import type { HttpClient } from './io/http.js';
import type { LoadOptions } from './io/cachePolicy.js';
import type { MarksStore } from './io/marksStore.js';
import type { SettingsStore } from './io/settingsStore.js';
import type { Spinner } from './ui/spinner.js';
import type { Terminal } from './ui/terminal.js';

/** Everything a command may touch, built once at the edge (cli/shell.ts) and passed in. */
export interface Context {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  now: () => Date;
  /** stdin, opened only when read (creating the stream costs at every start). */
  stdin(): NodeJS.ReadStream;
  /** Where data goes (stdout). */
  stdout: Output;
  /** The terminal's streams when stdin and stdout both are one (for the interactive reader), else null. */
  tty(): TtyStreams | null;
  terminal: Terminal;
  spinner: Spinner;
  /** A note for people (suppressed by --quiet). */
  note(message: string): void;
  /** Something went wrong but we carry on. */
  warn(message: string): void;
  /** Shown with --verbose or PAPERS_DEBUG=1. */
  debug(message: string): void;
  cache(): Cache;
  /** The settings file: settings and the reading list. */
  settings(): SettingsStore;
  /** What the reader has seen and read: read from disk only when something asks. */
  marks(): MarksStore;
  /** The HTTP client, created (and undici loaded) on first use. */
  http(timeoutMs: number): Promise<HttpClient>;
  apiBase: string;
  arxivBase: string;
  /** Aborted on Ctrl-C. */
  signal: AbortSignal;
  /** Whether Ctrl-C came: the same as `signal.aborted`, without making an AbortController when none was needed. */
  readonly aborted: boolean;
  /** Runs `work` to its end even when Ctrl-C comes meanwhile (the run is then interrupted, exit 130); a second Ctrl-C quits at once. */
  finishBeforeInterrupt<T>(work: () => Promise<T>): Promise<T>;
  /** Runs `work` (a pager) with Ctrl-C left to it: papers neither aborts nor exits meanwhile. */
  deferInterrupts<T>(work: () => Promise<T>): Promise<T>;
  /** Text with the Hugging Face token (once it has been looked up) replaced, for anything printed. */
  redact(text: string): string;
  /** Stops the spinner and closes sockets. */
  close(): Promise<void>;
}

export interface TtyStreams {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

/** The cache rules' inputs for one command's network options. */
export function loadOptions(ctx: Context, net: { offline: boolean; refresh: boolean }): LoadOptions {
  return { cache: ctx.cache(), now: () => ctx.now().getTime(), warn: ctx.warn, debug: ctx.debug, ...net };
}

/**
 * A list command's options, validated, with the user's settings as defaults. The reader needs a
 * terminal on stdin and stdout: -i without one is a usage error (before any fetching), the
 * `interactive` setting without one simply prints.
 */
export async function listOptions(ctx: Context, raw: RawOptions, kind?: ListKind): Promise<ListOptions> {
  const store = await ctx.settings().read();
  const parsed = parseListOptions(raw, store.settings, store.watches, kind);
  const opts = parsed.only.unseen || parsed.only.unread ? { ...parsed, marks: ctx.marks() } : parsed;
  const resolved = opts.interactive === 'no' || ctx.tty() !== null ? opts : { ...opts, interactive: 'no' as const };
  if (opts.interactive === 'asked' && resolved.interactive === 'no')
    throw new UsageError('interactive mode needs a terminal', 'run it in a terminal, or drop -i to print the list');
  return needsWholePapers(resolved) ? resolved : { ...resolved, lean: true };
}
