import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { InterruptedError, NetworkError } from '../../src/core/errors.js';
import { HttpClient, type HttpOptions } from '../../src/io/http.js';
import { retryAfter } from '../../src/io/httpFaults.js';
import { getJson } from '../../src/io/fetchBody.js';

type Route = (req: IncomingMessage, res: ServerResponse, hit: number) => void;
let route: Route;
let hits: number;
let base: string;
const server = createServer((req, res) => route(req, res, ++hits));

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});
beforeEach(() => {
  hits = 0;
});

/**
 * A client whose waits before a retry are recorded in `slept` instead of waited out, unless
 * `realSleep` (the client's own timer) is asked for.
 */
function client(extra: Partial<HttpOptions> = {}, realSleep = false): { http: HttpClient; retries: string[]; slept: number[] } {
  const retries: string[] = [];
  const slept: number[] = [];
  const sleep = async (ms: number) => void slept.push(ms);
  const http = new HttpClient({
    userAgent: 'papers/test',
    deadline: Date.now() + 10_000,
    signal: new AbortController().signal,
    env: {},
    onRetry: (m) => retries.push(m),
    ...(realSleep ? {} : { sleep }),
    ...extra,
  });
  return { http, retries, slept };
}

describe('retryAfter', () => {
  it('reads seconds and HTTP dates, caps them, and ignores nonsense', () => {
    const now = Date.parse('2026-11-28T12:00:00Z');
    expect(retryAfter('2', now)).toBe(2000);
    expect(retryAfter('Sat, 28 Nov 2026 12:00:05 GMT', now)).toBe(5000);
    expect(retryAfter('99999', now)).toBe(60_000);
    expect(retryAfter('soon', now)).toBeNull();
    expect(retryAfter(null, now)).toBeNull();
  });
});

describe('HttpClient', () => {
  it('retries 503 twice, then succeeds', async () => {
    route = (_req, res, hit) => (hit <= 2 ? (res.writeHead(503), res.end()) : res.end('[1]'));
    const { http, retries, slept } = client();
    expect(await getJson(http, `${base}/x`)).toEqual([1]);
    expect(hits).toBe(3);
    expect(retries).toHaveLength(2);
    // Backoff: about 250 ms, then about 500 ms (plus up to 100 ms of jitter).
    expect(slept).toHaveLength(2);
    expect(slept[0]).toBeGreaterThanOrEqual(250);
    expect(slept[0]).toBeLessThan(350);
    expect(slept[1]).toBeGreaterThanOrEqual(500);
    expect(slept[1]).toBeLessThan(600);
    await http.close();
  });

  it('waits as long as Retry-After says on 429', async () => {
    route = (_req, res, hit) => (hit === 1 ? (res.writeHead(429, { 'retry-after': '1' }), res.end()) : res.end('[]'));
    const { http, slept } = client();
    expect(await getJson(http, `${base}/x`)).toEqual([]);
    expect(slept).toEqual([1000]);
    await http.close();
  });

  it('waits in real time by default, and Ctrl-C ends the wait at once', async () => {
    route = (_req, res, hit) => (hit === 1 ? (res.writeHead(429, { 'retry-after': '0' }), res.end()) : res.end('[2]'));
    const quick = client({}, true);
    expect(await getJson(quick.http, `${base}/x`)).toEqual([2]);
    expect(hits).toBe(2);
    await quick.http.close();
    route = (_req, res) => (res.writeHead(429, { 'retry-after': '30' }), res.end());
    const ctl = new AbortController();
    const waiting = client({ signal: ctl.signal, deadline: Date.now() + 60_000 }, true);
    setTimeout(() => ctl.abort(), 100);
    const started = Date.now();
    await expect(waiting.http.get(`${base}/x`)).rejects.toBeInstanceOf(InterruptedError);
    expect(Date.now() - started).toBeLessThan(10_000);
    await waiting.http.close();
  });

  it('fails at once, saying when to try again, when Retry-After is past the deadline', async () => {
    route = (_req, res) => (res.writeHead(429, { 'retry-after': '30' }), res.end());
    const { http, slept } = client({ deadline: Date.now() + 3000 });
    const started = Date.now();
    await expect(http.get(`${base}/x`)).rejects.toThrow(/try again in 30 s/);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(slept).toEqual([]);
    expect(hits).toBe(1);
    await http.close();
  });

  it('gives up after 3 retries', async () => {
    route = (_req, res) => (res.writeHead(502), res.end());
    const { http, slept } = client();
    await expect(http.get(`${base}/x`)).rejects.toThrow(/answered 502/);
    expect(hits).toBe(4);
    expect(slept).toHaveLength(3);
    await http.close();
  });

  it('does not retry a 404 and sends the User-Agent', async () => {
    let agent: string | undefined;
    route = (req, res) => {
      agent = req.headers['user-agent'];
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":"Paper not found"}');
    };
    const { http } = client();
    await expect(getJson(http, `${base}/x`)).rejects.toMatchObject({ status: 404, message: expect.stringMatching(/404: Paper not found/) });
    expect(hits).toBe(1);
    expect(agent).toBe('papers/test');
    await http.close();
  });

  it('follows up to 3 redirects and refuses a 4th', async () => {
    route = (req, res) => {
      const n = Number(req.url?.slice(1));
      if (n > 0) return (res.writeHead(302, { location: `/${n - 1}` }), res.end());
      res.end('"here"');
    };
    const { http } = client();
    expect(await getJson(http, `${base}/3`)).toBe('here');
    await expect(getJson(http, `${base}/4`)).rejects.toThrow(/redirected more than 3 times/);
    await http.close();
  });

  it('refuses a body over the size cap while it streams, declared or not', async () => {
    route = (req, res) => {
      if (req.url === '/declared') res.writeHead(200, { 'content-length': String(10 * 1024 * 1024) });
      const chunk = Buffer.alloc(64 * 1024, 32);
      let sent = 0;
      const pump = () => {
        while (sent < 10 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return res.once('drain', pump);
        }
        res.end();
      };
      pump();
    };
    const { http } = client({ maxBytes: 1024 * 1024 });
    await expect(http.get(`${base}/declared`)).rejects.toThrow(/larger than 1 MiB/);
    await expect(http.get(`${base}/chunked`)).rejects.toThrow(/larger than 1 MiB/);
    await http.close();
  });

  it('refuses more than the byte budget of a command over all responses, each of them under the per-response cap', async () => {
    route = (_req, res) => res.end(Buffer.alloc(600 * 1024, 32));
    const { http } = client({ maxBytes: 1024 * 1024, maxTotalBytes: 1024 * 1024 });
    await expect(http.get(`${base}/one`)).resolves.toMatchObject({ status: 200 });
    await expect(http.get(`${base}/two`)).rejects.toThrow(/the server sent more than 1 MiB for this command; refused/);
    await http.close();
  });

  it('refuses more requests than the budget of a command', async () => {
    route = (_req, res) => res.end('[]');
    const { http } = client({ maxRequests: 2 });
    await http.get(`${base}/1`);
    await http.get(`${base}/2`);
    await expect(http.get(`${base}/3`)).rejects.toThrow(/more than 2 requests for this command; refused/);
    expect(hits).toBe(2);
    await http.close();
  });

  it('a proxy variable that is not a URL is warned about and ignored; a refused proxy is named as the proxy', async () => {
    route = (_req, res) => res.end('ok');
    const warnings: string[] = [];
    const direct = client({ env: { HTTP_PROXY: '::::' }, onWarn: (m) => warnings.push(m) }).http;
    await expect(direct.get(`${base}/x`)).resolves.toMatchObject({ body: 'ok' });
    expect(warnings).toEqual(['ignoring HTTP_PROXY: not an http or https URL; connecting directly']);
    await direct.close();
    const exempt = client({ env: { HTTP_PROXY: 'http://127.0.0.1:9', NO_PROXY: '127.0.0.1' } }).http;
    await expect(exempt.get(`${base}/x`)).resolves.toMatchObject({ body: 'ok' });
    await exempt.close();
  });

  it('stops at the deadline on a body that drips', async () => {
    route = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => res.write(' '), 50);
      res.on('close', () => clearInterval(timer));
    };
    const { http } = client({ deadline: Date.now() + 500 });
    const started = Date.now();
    await expect(http.get(`${base}/x`)).rejects.toThrow(/timed out waiting for/);
    expect(Date.now() - started).toBeLessThan(500 + 1500);
    await http.close();
  });

  it('says interrupted when the signal is aborted (Ctrl-C)', async () => {
    route = () => undefined; // never answers
    const ctl = new AbortController();
    const { http } = client({ signal: ctl.signal });
    setTimeout(() => ctl.abort(), 200);
    await expect(http.get(`${base}/x`)).rejects.toBeInstanceOf(InterruptedError);
    await http.close();
  });

  it('turns a refused connection into a NetworkError with a hint', async () => {
    const { http } = client();
    const error = await http.get('http://127.0.0.1:9/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).message).toMatch(/connection refused/);
    expect((error as NetworkError).hint).toMatch(/--offline/);
    await http.close();
  });
});
