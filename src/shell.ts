import type { Context } from './context.js';
import { Cache } from './io/cache.js';
import type { HttpClient } from './io/http.js';
import { statePaths } from './io/paths.js';
import { SettingsStore } from './io/settingsStore.js';
import { Spinner } from './ui/spinner.js';
import { readTerminal } from './ui/terminal.js';
import { VERSION } from './version.js';

export interface ShellFlags {
  noColor: boolean;
  quiet: boolean;
  verbose: boolean;
}

/** The edge: the one place that reads the real process (streams, env, clock) to build a Context. */
export function createContext(
  proc: { env: NodeJS.ProcessEnv; stdin: NodeJS.ReadStream; stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream; platform: NodeJS.Platform },
  flags: ShellFlags,
  signal: AbortSignal,
  clock: () => Date = () => new Date(),
): Context {
  const { env, stdout, stderr } = proc;
  const terminal = readTerminal(stdout, stderr, env, flags.noColor);
  const spinner = new Spinner(stderr, terminal.stderrTTY && !flags.quiet, terminal.colorLevel > 0);
  const debugOn = flags.verbose || env.PAPERS_DEBUG === '1';
  const say = (line: string) => spinner.log(line);
  let cache: Cache | undefined;
  let settings: SettingsStore | undefined;
  let http: HttpClient | undefined;
  const ctx: Context = {
    env,
    platform: proc.platform,
    now: clock,
    stdin: proc.stdin,
    stdout,
    terminal,
    spinner,
    note: (m) => flags.quiet || say(`papers: ${m}`),
    warn: (m) => say(`papers: warning: ${m}`),
    debug: (m) => debugOn && say(`papers: debug: ${m}`),
    cache: () => {
      if (cache) return cache;
      const capMb = ctx.settings().peek().settings['cache-max-mb'];
      cache = new Cache({ dir: statePaths(env).cacheDir, warn: ctx.warn, ...(capMb ? { maxBytes: capMb * 1024 * 1024 } : {}) });
      return cache;
    },
    settings: () => (settings ??= new SettingsStore(statePaths(env).configDir, ctx.warn)),
    async http(timeoutMs) {
      if (http) return http;
      const { HttpClient } = await import('./io/http.js');
      http = new HttpClient({
        userAgent: `papers/${VERSION}`,
        deadline: Date.now() + timeoutMs,
        signal,
        env,
        onRetry: ctx.debug,
      });
      return http;
    },
    apiBase: env.PAPERS_API_URL || 'https://huggingface.co',
    arxivBase: env.PAPERS_ARXIV_URL || 'https://export.arxiv.org',
    signal,
    async close() {
      await spinner.stop();
      await http?.close();
    },
  };
  return ctx;
}
