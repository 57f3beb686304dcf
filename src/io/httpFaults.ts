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

export function statusError(res: HttpResponse, name: string): NetworkError {
  const reason = res.status === 429 ? 'rate limited' : 'server error';
  return new NetworkError(`${name} answered ${res.status} (${reason})`, res.url, res.status);
}

export function tokenRefused(url: string, token: HfToken): NetworkError {
  const off = token.source === 'HF_TOKEN' ? 'unset HF_TOKEN' : `remove ${token.source}, or set HF_HUB_DISABLE_IMPLICIT_TOKEN=1`;
  return new TokenRefusedError(`Hugging Face refused the token from ${token.source} (401)`, url, 401, `check the token, or ${off} to go without one`);
}

export function tooLarge(url: string, name: string, max: number): NetworkError {
  return new NetworkError(`the answer from ${name} is larger than ${Math.round(max / 1048576)} MiB; refused`, url);
}

export function errorCode(error: unknown): string | undefined {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  return e?.code ?? e?.cause?.code;
}

/** The client's own words for a failure, with its code: for --verbose and PAPERS_DEBUG only. */
export function describe(error: unknown): string {
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  return code && !message.includes(code) ? `${message} (${code})` : message;
}

/** Certificate checks that failed: the connection is not safe, and no retry makes it so. */
const CERTIFICATE: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'its certificate chain has a self-signed certificate',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its certificate cannot be verified',
  UNABLE_TO_GET_ISSUER_CERT: 'the issuer of its certificate is unknown',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'the issuer of its certificate is unknown',
  CERT_UNTRUSTED: 'its certificate is not trusted',
  CERT_HAS_EXPIRED: 'its certificate has expired',
  CERT_NOT_YET_VALID: 'its certificate is not valid yet',
  CERT_REVOKED: 'its certificate was revoked',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its certificate is for another name',
};
const CERTIFICATE_HINT = 'a proxy or firewall may be intercepting HTTPS: set NODE_EXTRA_CA_CERTS to its CA certificate file';
const PROXY_HINT = 'check HTTP_PROXY / HTTPS_PROXY and NO_PROXY';

/**
 * A request that got no answer, in papers' words: what failed and where (the host, never the full
 * URL), and what to do. undici's own wording ("Proxy response (501) !== 200 when HTTP Tunneling",
 * "other side closed", OpenSSL's) is only for --verbose: see describe().
 */
export function transportError(url: string, error: unknown, proxy?: string): NetworkError {
  const code = errorCode(error) ?? '';
  const host = safeHost(url);
  const message = error instanceof Error ? error.message : String(error);
  const tunnel = /^Proxy response \((\d{3})\)/.exec(message);
  // The proxy's status is no answer of the server's: the error carries none (a 404 here is not "no such paper").
  if (proxy && tunnel) {
    const status = Number(tunnel[1]);
    if (status === 407)
      return new NetworkError(
        `the proxy ${safeHost(proxy)} wants a user name and password (407)`,
        url,
        undefined,
        'put them in the proxy URL of HTTPS_PROXY / HTTP_PROXY, as user:password@ before its host',
      );
    return new NetworkError(`the proxy ${safeHost(proxy)} would not connect to ${host} (it answered ${status})`, url, undefined, PROXY_HINT);
  }
  if (proxy && (code === 'ECONNREFUSED' || code === 'ENOTFOUND')) {
    const what = `the proxy ${safeHost(proxy)} (for ${host})`;
    return new NetworkError(code === 'ECONNREFUSED' ? `cannot connect to ${what}: connection refused` : `cannot resolve ${what}`, url, undefined, PROXY_HINT);
  }
  if (code in CERTIFICATE) return new NetworkError(`cannot connect safely to ${host}: ${CERTIFICATE[code]}`, url, undefined, CERTIFICATE_HINT);
  if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) {
    return new NetworkError(
      `cannot connect safely to ${host}: the secure connection failed`,
      url,
      undefined,
      'check that the address is an https server, and any proxy in HTTPS_PROXY',
    );
  }
  return connectionError(`${connectionWords(code, host)}`, url);
}

function connectionWords(code: string, host: string): string {
  switch (code) {
    case 'ECONNREFUSED':
      return `cannot connect to ${host}: connection refused`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `cannot resolve ${host}`;
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'ETIMEDOUT':
      return `cannot connect to ${host}: no answer`;
    case 'UND_ERR_HEADERS_TIMEOUT':
      return `${host} did not answer in time`;
    case 'UND_ERR_BODY_TIMEOUT':
      return `${host} stopped sending its answer`;
    case 'UND_ERR_SOCKET':
    case 'ECONNRESET':
    case 'EPIPE':
      return `${host} closed the connection`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `cannot reach ${host}: no route to it`;
    default:
      return `the request to ${host} failed`;
  }
}

function connectionError(message: string, url: string): NetworkError {
  return new NetworkError(message, url, undefined, undefined, CONNECTION_HINT);
}

export function safeHost(url: string): string {
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
