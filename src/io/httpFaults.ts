import type { Dispatcher } from 'undici';
import { CONNECTION_HINT, NetworkError, TokenRefusedError } from '../core/errors.js';
import type { HfToken } from './token.js';
import type { HttpResponse } from './http.js';

// The HTTP client's helpers that need no client: proxies from the environment, the errors it
// raises, and the waits between retries.

const MAX_RETRY_AFTER_MS = 60_000;

const PROXY_VARS = { http: ['http_proxy', 'HTTP_PROXY'], https: ['https_proxy', 'HTTPS_PROXY'] } as const;

/**
 * The proxy the environment names for a scheme, when it is an http(s) URL; one that is not (`::::`)
 * is ignored with a warning, and the connection goes direct, rather than failing every request.
 */
export function proxyOf(env: NodeJS.ProcessEnv, scheme: 'http' | 'https', warn: (m: string) => void): string | undefined {
  for (const name of PROXY_VARS[scheme]) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    try {
      const u = new URL(value);
      if (u.protocol === 'http:' || u.protocol === 'https:') return value;
    } catch {
      // said below
    }
    warn(`ignoring ${name}: not an http or https URL; connecting directly`);
    return undefined;
  }
  return undefined;
}

/** Whether NO_PROXY exempts a host (`*`, or a comma-separated list of names, each matching itself and its subdomains). */
export function exempt(env: NodeJS.ProcessEnv, url: URL): boolean {
  const list = (env.no_proxy ?? env.NO_PROXY ?? '').split(/[\s,]+/).filter(Boolean);
  return list.some((entry) => {
    if (entry === '*') return true;
    const [name, port] = entry.replace(/^\*?\.?/, '').split(':');
    if (port && port !== (url.port || (url.protocol === 'https:' ? '443' : '80'))) return false;
    return url.hostname === name || url.hostname.endsWith(`.${name}`);
  });
}

/** Milliseconds a `Retry-After` header asks for (seconds or an HTTP date), capped; null when absent. */
export function retryAfter(value: string | null, now: number): number | null {
  if (!value) return null;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - now;
  if (!Number.isFinite(ms)) return null;
  return Math.min(Math.max(0, ms), MAX_RETRY_AFTER_MS);
}

export function statusError(res: HttpResponse): NetworkError {
  const reason = res.status === 429 ? 'rate limited' : 'server error';
  return new NetworkError(`${res.url} answered ${res.status} (${reason})`, res.url, res.status);
}

export function tokenRefused(url: string, token: HfToken): NetworkError {
  const off = token.source === 'HF_TOKEN' ? 'unset HF_TOKEN' : `remove ${token.source}, or set HF_HUB_DISABLE_IMPLICIT_TOKEN=1`;
  return new TokenRefusedError(`Hugging Face refused the token from ${token.source} (401 at ${url})`, url, 401, `check the token, or ${off} to go without one`);
}

export function tooLarge(url: string, max: number): NetworkError {
  return new NetworkError(`the response from ${url} is larger than ${Math.round(max / 1048576)} MiB; refused`, url);
}

export function errorCode(error: unknown): string | undefined {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  return e?.code ?? e?.cause?.code;
}

export function describe(error: unknown): string {
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  return code && !message.includes(code) ? `${message} (${code})` : message;
}

export function transportError(url: string, error: unknown, proxy?: string): NetworkError {
  const code = errorCode(error);
  const host = safeHost(url);
  if (proxy && (code === 'ECONNREFUSED' || code === 'ENOTFOUND')) {
    const what = `the proxy ${safeHost(proxy)} (for ${host})`;
    return new NetworkError(
      code === 'ECONNREFUSED' ? `cannot connect to ${what}: connection refused` : `cannot resolve ${what}`,
      url,
      undefined,
      'check HTTP_PROXY / HTTPS_PROXY and NO_PROXY',
    );
  }
  if (code === 'ECONNREFUSED') return connectionError(`cannot connect to ${host}: connection refused`, url);
  if (code === 'ENOTFOUND') return connectionError(`cannot resolve ${host}`, url);
  return connectionError(`request to ${url} failed: ${describe(error)}`, url);
}

function connectionError(message: string, url: string): NetworkError {
  return new NetworkError(message, url, undefined, undefined, CONNECTION_HINT);
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Drops a body we will not read; its abort error has nowhere to go and must not crash the process. */
export function discard(body: Dispatcher.ResponseData['body']): void {
  body.on('error', () => undefined);
  body.destroy();
}

export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
