import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NetworkError } from '../../src/core/errors.js';
import { fetchDailyPages } from '../../src/io/hfApi.js';
import { HttpClient } from '../../src/io/http.js';
import { dayItems, FakeHf, json } from '../helpers/server.js';

let server: FakeHf;
beforeAll(async () => {
  server = new FakeHf();
  await server.start();
});
afterAll(() => server.stop());
beforeEach(() => {
  server.reset();
  // 1350 papers: pages 0 to 12 are full, page 13 (50 papers) is the short one.
  for (let d = 1; d <= 30; d++) {
    const day = `2026-10-${String(d).padStart(2, '0')}`;
    server.days.set(day, dayItems(day, 45, d));
  }
});

const client = (): HttpClient =>
  new HttpClient({ userAgent: 'papers/test', deadline: Date.now() + 20_000, signal: new AbortController().signal, env: {}, sleep: async () => undefined });
const pageOf = (url: URL): number => Number(url.searchParams.get('p'));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const monthPages = (http: HttpClient) => fetchDailyPages(http, server.url, { month: '2026-10' }, { parallel: 4 });

describe('fetchDailyPages with 4 pages at once', () => {
  it('asks for page k + 4 as soon as page k is read, without waiting for the rest of its batch', async () => {
    const events: string[] = [];
    server.fault = async (_req, _res, url) => {
      const p = pageOf(url);
      events.push(`asked ${p}`);
      if (p >= 1 && p <= 3) await sleep(300);
      events.push(`answered ${p}`);
      return false;
    };
    const http = client();
    const got = await monthPages(http);
    await http.close();
    expect(got.papers).toHaveLength(1350);
    // Page 0 came at once: page 4 was asked for while pages 1 to 3 were still on their way.
    expect(events.indexOf('asked 4')).toBeGreaterThan(-1);
    expect(events.indexOf('asked 4')).toBeLessThan(events.indexOf('answered 1'));
  });

  it('never has more than 4 in flight, asks at most 3 pages past the short one, and cancels them rather than wait for them', async () => {
    server.fault = async (_req, res, url) => {
      // Pages past the end would keep the command waiting for 10 s.
      if (pageOf(url) > 13) await sleep(10_000);
      return res.destroyed;
    };
    const started = Date.now();
    const http = client();
    const got = await monthPages(http);
    await http.close();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(got.papers).toHaveLength(1350);
    expect(new Set(got.papers.map((p) => p.id)).size).toBe(1350);
    expect(server.maxInFlight).toBeLessThanOrEqual(4);
    const asked = server.requests.map((r) => pageOf(new URL(r, server.url)));
    expect(Math.max(...asked)).toBeLessThanOrEqual(13 + 3);
    expect(new Set(asked).size).toBe(asked.length);
  });

  it('asks for the next pages on the connections of the answers just in, opening no others', async () => {
    server.delay = 50;
    const connections = new Set<number>();
    server.fault = (req) => {
      connections.add(req.socket.remotePort!);
      return false;
    };
    const http = client();
    const got = await monthPages(http);
    await http.close();
    expect(got.papers).toHaveLength(1350);
    // Asked for at once, a page would find its answer's connection not yet free and open one more
    // (a TLS handshake, against the real server).
    expect(connections.size).toBe(4);
  });

  it('drops the failure of a page past the short one', async () => {
    server.fault = (_req, res, url) => (pageOf(url) > 13 ? (json(res, 400, { error: 'no such page' }), true) : false);
    const http = client();
    const got = await monthPages(http);
    await http.close();
    expect(got.papers).toHaveLength(1350);
  });

  it('fails with the first page that fails before the short one, and cancels the pages still in flight', async () => {
    server.fault = async (_req, res, url) => {
      const p = pageOf(url);
      if (p === 5) {
        json(res, 400, { error: 'bad page' });
        return true;
      }
      if (p > 5) await sleep(10_000);
      return res.destroyed;
    };
    const started = Date.now();
    const http = client();
    await expect(monthPages(http)).rejects.toThrow(NetworkError);
    await http.close();
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('reads a page only once every request allowed by the answers in has been asked for, those that came in while it waited too', async () => {
    // A client whose answers the test hands out one by one.
    const answer = new Map<number, (items: number) => void>();
    const stub = {
      nameOf: () => 'Hugging Face',
      get: (url: string) =>
        new Promise((resolve) =>
          answer.set(pageOf(new URL(url)), (n) =>
            resolve({ url, status: 200, contentType: 'application/json', body: JSON.stringify(dayItems('2026-10-01', n, pageOf(new URL(url)))) }),
          ),
        ),
    } as unknown as HttpClient;
    const turn = () => new Promise((resolve) => setImmediate(resolve));
    let askedBeforeFirstRead: number[] | null = null;
    const paging = fetchDailyPages(
      stub,
      'http://127.0.0.1:1',
      { month: '2026-10' },
      { parallel: 2, onPage: (n) => void (n === 1 && (askedBeforeFirstRead = [...answer.keys()])) },
    );
    answer.get(0)!(100);
    // Two turns: the pager has asked for page 2 and is about to read page 0 when page 1 comes in.
    await turn();
    await turn();
    answer.get(1)!(100);
    for (let i = 0; i < 50 && askedBeforeFirstRead === null; i++) await turn();
    expect(askedBeforeFirstRead!.sort()).toEqual([0, 1, 2, 3]);
    answer.get(2)!(100);
    answer.get(3)!(5);
    // Page 4 may have been asked for before page 3 came in short: it is then cancelled.
    await turn();
    answer.get(4)?.(0);
    expect((await paging).papers).toHaveLength(305);
  });

  it('has the next page on the wire before it reads the page just in (onPage is called in between)', async () => {
    // The server runs in a worker thread and marks each page asked for in shared memory, so that the
    // client, blocked in onPage, can see whether the request reached the server before it goes on.
    const seen = new Int32Array(new SharedArrayBuffer(4 * 64));
    const worker = new Worker(
      `const { workerData, parentPort } = require('node:worker_threads');
       const seen = new Int32Array(workerData);
       const server = require('node:http').createServer((req, res) => {
         const p = Number(new URL(req.url, 'http://x').searchParams.get('p'));
         Atomics.store(seen, p, 1);
         Atomics.notify(seen, p);
         const items = Array.from({ length: p < 5 ? 100 : 10 }, (_, i) => ({ paper: { id: '2610.' + (10000 + p * 100 + i), title: 'T' }, title: 'T' }));
         res.end(JSON.stringify(items));
       });
       server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));`,
      { eval: true, workerData: seen.buffer },
    );
    try {
      const port = await new Promise<number>((resolve) => worker.once('message', resolve));
      const waits: string[] = [];
      const http = client();
      // Two at once: pages 0 and 1, then page k + 2 once page k is in; page 5 is the short one.
      const got = await fetchDailyPages(
        http,
        `http://127.0.0.1:${port}`,
        { month: '2026-10' },
        {
          parallel: 2,
          onPage: (n) => {
            if (n <= 4) waits.push(`page ${n + 1}: ${Atomics.wait(seen, n + 1, 0, 2_000)}`);
          },
        },
      );
      await http.close();
      expect(got.papers).toHaveLength(510);
      expect(waits.map((w) => w.replace(/not-equal/, 'ok'))).toEqual(['page 2: ok', 'page 3: ok', 'page 4: ok', 'page 5: ok']);
    } finally {
      await worker.terminate();
    }
  });
});
