// Network failures in papers' words (issue 18): one fallback, one warning naming the thing in words;
// undici's and OpenSSL's wording and codes never reach the user; the URL only under --verbose, once
// per request. Every fault is real: a local proxy, a closed port, a socket cut mid-body, a TLS server.
import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import { TODAY, runPapers } from '../helpers/run.js';
import { type FakeHf, atomEntry, atomFeed, hfItem, json } from '../helpers/server.js';
import { useHarness } from '../helpers/harness.js';

const day = addDays(TODAY, -1);
let server: FakeHf;
let env: NodeJS.ProcessEnv;
useHarness((h) => ({ server, env } = h));

const lines = (stderr: string) => stderr.trimEnd().split('\n');
/** Nothing of undici's or OpenSSL's own wording: no error code, no "Proxy response", no "other side closed". */
const INTERNALS =
  /UND_ERR|\bE(CONN|NOTFOUND|AI_|PIPE|TIMEDOUT)|ERR_(SSL|TLS)|_CERT\b|SELF_SIGNED|Proxy response|HTTP Tunneling|other side closed|SSL routines|ssl3_|!==/;

async function listen(server: Server | ReturnType<typeof createHttpsServer>): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** A proxy that answers every CONNECT with this status line. */
async function proxyAnswering(status: string): Promise<{ url: string; close: () => void }> {
  const proxy = createServer((socket) => {
    socket.on('error', () => undefined);
    socket.once('data', () => socket.end(`HTTP/1.1 ${status}\r\ncontent-length: 0\r\n\r\n`));
  });
  const port = await listen(proxy);
  return { url: `http://127.0.0.1:${port}`, close: () => proxy.close() };
}

describe('one fallback, one warning', () => {
  it('a failing server with the list cached: exactly one warning line, naming the list and the server, no URL', async () => {
    server.days.set(day, [hfItem('2611.00001', day, 3)]);
    expect((await runPapers(['day', day], env)).code).toBe(0);
    server.fault = (_req, res) => json(res, 503, { error: 'down' });
    const r = await runPapers(['day', day, '--refresh'], env);
    expect(r.code).toBe(0);
    expect(lines(r.stderr)).toEqual(['papers: warning: showing the list of ' + day + ' cached just now: Hugging Face answered 503 (server error)']);
    // The connection cut instead: the same one line, in words.
    server.fault = (_req, res) => void res.destroy();
    const cut = await runPapers(['day', day, '--refresh'], env);
    expect(lines(cut.stderr)).toEqual([`papers: warning: showing the list of ${day} cached just now: ${new URL(server.url).host} closed the connection`]);
  });

  it('new over several cached days with the network failing: one warning for all of them', async () => {
    const days = [-3, -2, -1].map((k) => addDays(TODAY, k));
    for (const d of days) server.days.set(d, [hfItem(`2611.0000${d.slice(-1)}`, d, 3)]);
    server.days.set(TODAY, []);
    expect((await runPapers(['new', '--since', days[0]!, '--peek'], env)).code).toBe(0);
    server.fault = (_req, res) => json(res, 500, { error: 'down' });
    const r = await runPapers(['new', '--since', days[0]!, '--refresh', '--quiet', '--format', 'tsv'], env);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(3);
    expect(lines(r.stderr)).toEqual([
      'papers: warning: showing 4 day lists from the cache, the oldest cached just now: Hugging Face answered 500 (server error)',
    ]);
  });

  it("papers on a morning with today empty and the network failing: today's list, the latest day and its list all from the cache, one warning", async () => {
    const yesterday = addDays(TODAY, -1);
    server.days.set(yesterday, [hfItem('2611.00001', yesterday, 3)]);
    server.days.set(TODAY, []);
    expect((await runPapers([], env)).code).toBe(0);
    server.fault = (_req, res) => json(res, 503, {});
    // Four hours on: every entry is stale, so each is asked for again and each request fails.
    const r = await runPapers(['--format', 'tsv'], env, { now: new Date(Date.parse('2026-11-25T17:00:00Z') + 4 * 3_600_000) });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2611.00001');
    expect(lines(r.stderr)).toEqual([
      `papers: no papers yet for Wednesday ${TODAY}; showing Tuesday ${yesterday}`,
      'papers: warning: showing 3 entries from the cache, the oldest cached 4 h ago: Hugging Face answered 503 (server error)',
    ]);
  });

  it('a week 53, read day by day, with the network failing: one warning for its seven days', async () => {
    const later = { now: new Date('2027-01-10T17:00:00Z') };
    server.days.set('2026-12-29', [hfItem('2612.00001', '2026-12-29', 3)]);
    expect((await runPapers(['week', '2026-W53'], env, later)).code).toBe(0);
    server.fault = (_req, res) => json(res, 503, {});
    const r = await runPapers(['week', '2026-W53', '--refresh', '--format', 'tsv'], env, later);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2612.00001');
    expect(lines(r.stderr)).toEqual([
      'papers: warning: showing 7 day lists from the cache, the oldest cached just now: Hugging Face answered 503 (server error)',
    ]);
  });

  it('Hugging Face failing and arXiv answering: one warning, no URL', async () => {
    server.fault = (_req, res, url) => (url.pathname.startsWith('/api/papers/') ? void json(res, 502, {}) : false);
    server.arxiv.set('2611.00077', atomFeed(atomEntry('2611.00077', 'From arXiv', 'An abstract.', ['A. Author'])));
    const r = await runPapers(['show', '2611.00077'], env);
    expect(r.code).toBe(0);
    expect(lines(r.stderr)).toEqual(["papers: warning: Hugging Face answered 502 (server error); showing arXiv's record (no upvotes, day or organization)"]);
  });
});

describe('--verbose names each URL once per request', () => {
  it('a fetch, its retries and the fallback: one line per request with its URL, none elsewhere', async () => {
    server.days.set(day, [hfItem('2611.00001', day, 3)]);
    await runPapers(['day', day], env);
    server.requests = [];
    server.fault = (_req, res) => json(res, 503, {});
    const r = await runPapers(['day', day, '--refresh', '--verbose'], env);
    expect(r.code).toBe(0);
    expect(server.requests).toHaveLength(4); // the request and its 3 retries
    const url = `${server.url}${server.requests[0]}`;
    const withUrl = lines(r.stderr).filter((l) => l.includes('http://'));
    expect(withUrl).toEqual(Array.from({ length: 4 }, () => expect.stringMatching(new RegExp(`^papers: debug: GET ${url.replace(/[?.]/g, '\\$&')}: 503, `))));
    expect(lines(r.stderr).filter((l) => l.includes('retrying'))).toEqual(
      Array.from({ length: 3 }, () => expect.stringMatching(/^papers: debug: retrying in \d+ ms: Hugging Face answered 503/)),
    );
    expect(lines(r.stderr).filter((l) => l.includes('warning:'))).toHaveLength(1);
  });

  it('a request that gets no answer says so on its own line, with the URL once, and the client wording only there', async () => {
    const closed = createServer();
    const port = await listen(closed);
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const r = await runPapers(['day', day, '--verbose'], { ...env, PAPERS_API_URL: `http://127.0.0.1:${port}` });
    expect(r.code).toBe(1);
    const said = lines(r.stderr);
    expect(said.filter((l) => l.includes(`http://127.0.0.1:${port}/`))).toEqual([
      expect.stringMatching(/^papers: debug: GET \S+: failed after \d+ ms: .*ECONNREFUSED/),
    ]);
    expect(said.slice(-2)).toEqual([
      `papers: cannot connect to 127.0.0.1:${port}: connection refused`,
      'hint: check the network connection and try again; nothing is cached for it yet',
    ]);
  });
});

describe('no internals', () => {
  const target = { PAPERS_API_URL: 'https://huggingface.example' };

  it('a proxy that answers CONNECT with 501: the proxy named, in our words, with a hint', async () => {
    const proxy = await proxyAnswering('501 Not Implemented');
    try {
      const r = await runPapers(['day', day], { ...env, ...target, HTTPS_PROXY: proxy.url });
      expect(r.code).toBe(1);
      expect(r.stderr).not.toMatch(INTERNALS);
      expect(lines(r.stderr)).toEqual([
        `papers: the proxy ${new URL(proxy.url).host} would not connect to huggingface.example (it answered 501)`,
        'hint: check HTTP_PROXY / HTTPS_PROXY and NO_PROXY',
      ]);
    } finally {
      proxy.close();
    }
  });

  it('a proxy that wants credentials (407): says so, and where they go', async () => {
    const proxy = await proxyAnswering('407 Proxy Authentication Required');
    try {
      const r = await runPapers(['day', day], { ...env, ...target, HTTPS_PROXY: proxy.url });
      expect(r.code).toBe(1);
      expect(r.stderr).not.toMatch(INTERNALS);
      expect(lines(r.stderr)).toEqual([
        `papers: the proxy ${new URL(proxy.url).host} wants a user name and password (407)`,
        'hint: put them in the proxy URL of HTTPS_PROXY / HTTP_PROXY, as user:password@ before its host',
      ]);
    } finally {
      proxy.close();
    }
  });

  it('a socket cut mid-body: the answer was cut off, the server named in words', async () => {
    server.fault = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '5000' });
      res.write('[{"paper":');
      setTimeout(() => res.destroy(), 20);
    };
    const r = await runPapers(['day', day], env);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(INTERNALS);
    expect(lines(r.stderr)).toEqual(['papers: the answer from Hugging Face was cut off (status 200)', 'hint: try again later; nothing is cached for it yet']);
  });

  it('a server whose certificate is not trusted: a secure connection refused, with what to do about an intercepting proxy', async () => {
    const dir = new URL('../../fixtures/tls/', import.meta.url);
    const tls = createHttpsServer({ key: readFileSync(new URL('self-signed.key', dir)), cert: readFileSync(new URL('self-signed.crt', dir)) }, (_req, res) =>
      res.end('[]'),
    );
    const port = await listen(tls);
    try {
      const r = await runPapers(['day', day], { ...env, PAPERS_API_URL: `https://127.0.0.1:${port}` });
      expect(r.code).toBe(1);
      expect(r.stderr).not.toMatch(INTERNALS);
      expect(lines(r.stderr)).toEqual([
        `papers: cannot connect safely to 127.0.0.1:${port}: its certificate is self-signed`,
        'hint: a proxy or firewall may be intercepting HTTPS: set NODE_EXTRA_CA_CERTS to its CA certificate file',
      ]);
    } finally {
      tls.close();
    }
  });

  it('https to a server that does not speak TLS: no OpenSSL text', async () => {
    const plain = createServer((socket) => {
      socket.on('error', () => undefined);
      socket.once('data', () => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n'));
    });
    const port = await listen(plain);
    try {
      const r = await runPapers(['day', day], { ...env, PAPERS_API_URL: `https://127.0.0.1:${port}` });
      expect(r.code).toBe(1);
      expect(r.stderr).not.toMatch(INTERNALS);
      expect(lines(r.stderr)[0]).toBe(`papers: cannot connect safely to 127.0.0.1:${port}: the secure connection failed`);
    } finally {
      plain.close();
    }
  });
});
