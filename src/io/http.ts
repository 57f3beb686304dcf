import type { Dispatcher } from 'undici';
import { InterruptedError, NetworkError, PapersError } from '../core/errors.js';
import { plural } from '../core/plural.js';
import type { HfToken } from './token.js';
import {
  abortableSleep,
  describe,
  discard,
  errorCode,
  exempt,
  proxyOf,
  retryAfter,
  safeHost,
  statusError,
  tokenRefused,
  tooLarge,
  transportError,
} from './httpFaults.js';

/** What the HTTP client needs from the outside world; all of it is passed in. */
export interface HttpOptions {
  userAgent: string;
  /** Epoch ms by which all network work of the command must be done (`--timeout`). */
  deadline: number;
  /** Aborted on Ctrl-C. */
  signal: AbortSignal;
  env: NodeJS.ProcessEnv;
  /** A response larger than this is refused while it streams in. */
  maxBytes?: number;
  /** All responses of the command together larger than this are refused: a server cannot make one command read gigabytes. */
  maxTotalBytes?: number;
  /** More requests than this in one command are refused: a server that never sends a short page cannot keep it paging. */
  maxRequests?: number;
  /** A problem with the environment (a proxy that is not a URL) that the client worked around. */
  onWarn?: (message: string) => void;
  retries?: number;
  /** Called before each retry, for `--verbose` / PAPERS_DEBUG. */
  onRetry?: (message: string) => void;
  /** Called after each request (URL, status, size, time taken, or why it failed), for `--verbose` / PAPERS_DEBUG. */
  onFetch?: (message: string) => void;
  /** What a URL is, in words, for messages ("Hugging Face"); the host by default. Full URLs are only for onFetch. */
  nameOf?: (url: string) => string;
  now?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** A Hugging Face token, sent only to URLs of this origin (the HF base), never to arXiv. */
  auth?: { origin: string; token: HfToken };
}

export interface HttpResponse {
  url: string;
  status: number;
  contentType: string;
  body: string;
}

const RETRY_STATUS = new Set([429, 500, 502, 503, 504]);
const RETRY_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_SOCKET',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
]);
/** The largest answer the APIs give is a page of 100 papers (under 1 MiB); anything near this is not a feed. */
const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;
/** A month is a dozen pages of under 1 MiB; a command that reads more than this is being fed, not answered. */
const DEFAULT_MAX_TOTAL_BYTES = 64 * 1024 * 1024;
/** A month read day by day is about 60 pages; retries included, a real command stays far below this. */
const DEFAULT_MAX_REQUESTS = 500;

/** One client per command: one undici Agent (proxy-aware), redirects, retries, a deadline and a size cap. */
export class HttpClient {
  /** undici's agent, made (and undici loaded) at the first request: a command answered from the cache never loads it. */
  #dispatcher: Promise<Dispatcher> | undefined;
  readonly #options: Required<Omit<HttpOptions, 'onRetry' | 'onWarn' | 'auth' | 'onFetch'>> & Pick<HttpOptions, 'onRetry' | 'auth' | 'onFetch'>;
  /** What a URL is in words, for messages: "Hugging Face answered 503", never the full URL. */
  readonly nameOf: (url: string) => string;
  readonly #proxies: { http: string | undefined; https: string | undefined };
  /** Bytes received so far by this command, over all responses. */
  #received = 0;
  #requests = 0;

  constructor(options: HttpOptions) {
    this.#options = {
      maxBytes: DEFAULT_MAX_BYTES,
      maxTotalBytes: DEFAULT_MAX_TOTAL_BYTES,
      maxRequests: DEFAULT_MAX_REQUESTS,
      retries: 3,
      now: Date.now,
      sleep: abortableSleep,
      nameOf: safeHost,
      ...options,
    };
    this.nameOf = this.#options.nameOf;
    const { env } = options;
    const warn = options.onWarn ?? (() => undefined);
    this.#proxies = { http: proxyOf(env, 'http', warn), https: proxyOf(env, 'https', warn) };
  }

  #agent(): Promise<Dispatcher> {
    const proxies = this.#proxies;
    const { env } = this.#options;
    this.#dispatcher ??= import('undici').then(({ EnvHttpProxyAgent, interceptors }) =>
      new EnvHttpProxyAgent({
        // An empty string, not undefined: undefined would let undici read the (bad) variable itself.
        httpProxy: proxies.http ?? '',
        httpsProxy: proxies.https ?? '',
        noProxy: env.no_proxy ?? env.NO_PROXY,
        connect: { timeout: 10_000 },
        headersTimeout: 15_000,
        bodyTimeout: 15_000,
        connections: 8,
      }).compose(interceptors.redirect({ maxRedirections: 3 })),
    );
    return this.#dispatcher;
  }

  /**
   * GET a URL and return its body as text; retries 429/5xx and timeouts; throws NetworkError otherwise.
   * `cancel` drops the request (a page no longer needed): its retries end, and so does the request in
   * flight, so that closing the client does not wait for it.
   */
  async get(url: string, accept = 'application/json', cancel?: AbortSignal): Promise<HttpResponse> {
    const { retries, now, sleep, onRetry, onFetch } = this.#options;
    for (let attempt = 0; ; attempt++) {
      let failure: NetworkError;
      let wait: number | null = null;
      const started = now();
      try {
        const response = await this.#once(url, accept, cancel);
        onFetch?.(`GET ${url}: ${response.status}, ${plural(Buffer.byteLength(response.body), 'byte')} in ${now() - started} ms`);
        if (response.status === 401 && this.#authFor(url)) throw tokenRefused(url, this.#options.auth!.token);
        if (!RETRY_STATUS.has(response.status)) return response;
        failure = statusError(response, this.nameOf(url));
        wait = retryAfter(response.retryAfter, now());
        if (wait !== null && now() + wait > this.#options.deadline) {
          throw new NetworkError(
            `${this.nameOf(url)} answered ${response.status}: try again in ${Math.ceil(wait / 1000)} s`,
            url,
            response.status,
            'the server asked to wait longer than --timeout allows',
          );
        }
      } catch (error) {
        // Our own errors are final: a status we do not retry, a timeout, a refused size, a cut body.
        if (error instanceof PapersError) throw error;
        onFetch?.(`GET ${url}: failed after ${now() - started} ms: ${describe(error)}`);
        const code = errorCode(error);
        if (this.#options.signal.aborted || cancel?.aborted || now() >= this.#options.deadline) throw this.#abortError(url, cancel);
        if (!code || !RETRY_CODES.has(code)) throw transportError(url, error, this.#proxyFor(url));
        failure = transportError(url, error, this.#proxyFor(url));
      }
      if (attempt >= retries) throw failure;
      const delay = wait ?? Math.min(4000, 250 * 2 ** attempt) + Math.floor(Math.random() * 100);
      if (now() + delay > this.#options.deadline) throw failure;
      // The URL is in the line of the request that failed, just before.
      onRetry?.(`retrying in ${delay} ms: ${failure.message}`);
      try {
        await sleep(delay, this.#signal(cancel));
      } catch {
        throw this.#abortError(url, cancel);
      }
    }
  }

  /** Closes the sockets so the process can exit at once. */
  async close(): Promise<void> {
    const dispatcher = await this.#dispatcher?.catch(() => undefined);
    await dispatcher?.close().catch(() => undefined);
  }

  /** The proxy a request to this URL goes through, if any: a refused connection is then the proxy's. */
  #proxyFor(url: string): string | undefined {
    try {
      const u = new URL(url);
      const proxy = u.protocol === 'https:' ? this.#proxies.https : this.#proxies.http;
      return proxy && !exempt(this.#options.env, u) ? proxy : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * The Authorization header for a URL of the Hugging Face origin, else nothing. Across a redirect to
   * another origin undici's redirect interceptor drops it (tests/io/httpAuth.test.ts holds it to that).
   */
  #authFor(url: string): { authorization: string } | null {
    const auth = this.#options.auth;
    if (!auth) return null;
    let origin: string;
    try {
      origin = new URL(url).origin;
    } catch {
      return null;
    }
    return origin === auth.origin ? { authorization: `Bearer ${auth.token.value}` } : null;
  }

  #signal(cancel?: AbortSignal): AbortSignal {
    const deadline = AbortSignal.timeout(Math.max(0, this.#options.deadline - this.#options.now()));
    return AbortSignal.any(cancel ? [this.#options.signal, deadline, cancel] : [this.#options.signal, deadline]);
  }

  #abortError(url: string, cancel?: AbortSignal): Error {
    if (this.#options.signal.aborted) return new InterruptedError();
    if (cancel?.aborted) return new NetworkError(`the request to ${this.nameOf(url)} was cancelled`, url);
    return new NetworkError(
      `timed out waiting for ${this.nameOf(url)}`,
      url,
      undefined,
      'raise --timeout, or try --offline',
      'raise --timeout, or try again later',
    );
  }

  async #once(url: string, accept: string, cancel?: AbortSignal): Promise<HttpResponse & { retryAfter: string | null }> {
    const signal = this.#signal(cancel);
    if (signal.aborted) throw this.#abortError(url, cancel);
    if (++this.#requests > this.#options.maxRequests) {
      throw new NetworkError(
        `more than ${this.#options.maxRequests} requests for this command; refused`,
        url,
        undefined,
        'no list needs that many pages: the server is misbehaving',
      );
    }
    let res: Dispatcher.ResponseData;
    try {
      // The dispatcher's own request(): the build ships undici's client without its top-level helpers.
      const { origin, pathname, search } = new URL(url);
      const dispatcher = await this.#agent();
      res = await dispatcher.request({
        origin,
        path: `${pathname}${search}`,
        method: 'GET',
        signal,
        headers: { 'user-agent': this.#options.userAgent, accept, ...this.#authFor(url) },
      });
    } catch (error) {
      if (signal.aborted) throw this.#abortError(url, cancel);
      throw error;
    }
    const status = res.statusCode;
    const header = (name: string): string | null => {
      const v = res.headers[name];
      return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
    };
    if (status >= 300 && status < 400) {
      discard(res.body);
      throw new NetworkError(`${this.nameOf(url)} redirected more than 3 times (status ${status})`, url, status);
    }
    const declared = Number(header('content-length'));
    if (declared > this.#options.maxBytes) {
      discard(res.body);
      throw tooLarge(url, this.nameOf(url), this.#options.maxBytes);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of res.body) {
        size += (chunk as Buffer).length;
        this.#received += (chunk as Buffer).length;
        if (size > this.#options.maxBytes) {
          discard(res.body);
          throw tooLarge(url, this.nameOf(url), this.#options.maxBytes);
        }
        if (this.#received > this.#options.maxTotalBytes) {
          discard(res.body);
          throw new NetworkError(
            `the server sent more than ${Math.round(this.#options.maxTotalBytes / 1048576)} MiB for this command; refused`,
            url,
            undefined,
            'no list is that big: the server is misbehaving',
          );
        }
        chunks.push(chunk as Buffer);
      }
    } catch (error) {
      if (error instanceof NetworkError) throw error;
      if (signal.aborted) throw this.#abortError(url, cancel);
      this.#options.onFetch?.(`GET ${url}: ${status}, cut off after ${plural(size, 'byte')}: ${describe(error)}`);
      const why = errorCode(error) === 'UND_ERR_BODY_TIMEOUT' ? 'stopped coming' : 'was cut off';
      // No status on the error: a 404 cut short is no answer that the paper is unknown.
      throw new NetworkError(`the answer from ${this.nameOf(url)} ${why} (status ${status})`, url);
    }
    return {
      url,
      status,
      contentType: header('content-type') ?? '',
      body: Buffer.concat(chunks).toString('utf8'),
      retryAfter: header('retry-after'),
    };
  }
}
