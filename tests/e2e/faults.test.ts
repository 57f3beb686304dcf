import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { addDays, nyDay } from '../../src/core/dates.js';
import { BIN, runCli, runShell, type tempDirs } from '../helpers/cli.js';
import { dayItems, type FakeHf, hfItem, json } from '../helpers/server.js';
import { useHarness } from '../helpers/harness.js';
import { runIn } from '../helpers/inProcess.js';

const today = nyDay(new Date());
const day = addDays(today, -1);
let server: FakeHf;
let dirs: ReturnType<typeof tempDirs>;
let env: NodeJS.ProcessEnv;
useHarness((h) => ({ server, dirs, env } = h));
beforeEach(() => {
  server.days.set(day, [hfItem('2611.00001', day, 5, 1), hfItem('2611.00002', day, 7, 0)]);
});

const ids = (out: string) =>
  out
    .trimEnd()
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split('\t')[3]);
const cacheFiles = () => (existsSync(dirs.cache) ? readdirSync(dirs.cache).filter((f) => f.endsWith('.json')) : []);

describe('a server that misbehaves', () => {
  it('never answers: exit 1 within the deadline plus a second, naming the URL', async () => {
    server.fault = () => new Promise(() => undefined);
    const r = await runCli(['day', day, '--timeout', '1500'], env);
    expect(r.code).toBe(1);
    expect(r.ms).toBeLessThan(1500 + 1000 + 1500); // + the process's own start and exit
    expect(r.stderr).toMatch(/^papers: timed out waiting for http:\/\/127\.0\.0\.1:\d+\/api\/daily_papers\?date=/);
    expect(r.stderr).toMatch(/hint: raise --timeout, or try --offline/);
  });

  it('drips one byte every 200 ms: exit 1 within the deadline', async () => {
    server.fault = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('[');
      const timer = setInterval(() => res.write(' '), 200);
      res.on('close', () => clearInterval(timer));
    };
    const r = await runCli(['day', day, '--timeout', '2000'], env);
    expect(r.code).toBe(1);
    expect(r.ms).toBeLessThan(2000 + 1000 + 1500);
    expect(r.stderr).toMatch(/timed out waiting for http/);
  });

  it('429 with Retry-After: 1, then 200: success; the retry shows only with --verbose', async () => {
    let n = 0;
    server.fault = (_req, res) => {
      if (n++ === 0) {
        res.writeHead(429, { 'retry-after': '1' });
        res.end('{"error":"slow down"}');
        return;
      }
      return false;
    };
    const r = await runCli(['day', day], env);
    expect(r.code).toBe(0);
    expect(ids(r.stdout)).toEqual(['2611.00002', '2611.00001']);
    expect(r.stderr).toBe('');
    expect(r.ms).toBeGreaterThanOrEqual(1000);
    n = 0;
    const verbose = await runCli(['day', day, '--verbose', '--refresh'], env);
    expect(verbose.stderr).toMatch(/debug: retrying .* in 1000 ms \(.*answered 429/);
    n = 0;
    const debug = await runCli(['day', day, '--refresh'], { ...env, PAPERS_DEBUG: '1' });
    expect(debug.stderr).toMatch(/debug: retrying/);
  });

  it('503 twice, then 200: success', async () => {
    let n = 0;
    server.fault = (_req, res) => (n++ < 2 ? json(res, 503, { error: 'busy' }) : false);
    const r = await runCli(['day', day], env);
    expect(r.code).toBe(0);
    expect(ids(r.stdout)).toHaveLength(2);
    expect(server.requests).toHaveLength(3);
  });

  it('a Retry-After beyond the deadline fails at once, saying when to try again', async () => {
    server.fault = (_req, res) => {
      res.writeHead(429, { 'retry-after': '120' });
      res.end();
    };
    const r = await runCli(['day', day, '--timeout', '5000'], env);
    expect(r.code).toBe(1);
    expect(r.ms).toBeLessThan(2500);
    expect(r.stderr).toMatch(/answered 429: try again in 60 s/);
  });

  it('follows a redirect to another path', async () => {
    server.fault = (_req, res, url) => {
      if (url.pathname === '/api/daily_papers' && !url.searchParams.has('moved')) {
        res.writeHead(301, { location: `/api/daily_papers${url.search}&moved=1` });
        res.end();
        return;
      }
      return false;
    };
    const r = await runCli(['day', day], env);
    expect(r.code).toBe(0);
    expect(ids(r.stdout)).toHaveLength(2);
  });

  it('a 100 MB body is refused at the size cap without buffering it all', async () => {
    const hasTime = existsSync('/usr/bin/time');
    const maxRss = (stderr: string) => Number(/maxrss=(\d+)/.exec(stderr)![1]);
    const timed = `/usr/bin/time -f 'maxrss=%M' "${process.execPath}" "${BIN}" day ${day}`;
    // The same fetch of a normal answer, for the baseline: Node, undici and conf loaded, a list cached.
    const baseline = hasTime ? maxRss((await runShell(timed, env)).stderr) : 0;
    server.fault = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(256 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < 100 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('error', () => undefined);
      pump();
    };
    // A fresh cache: with the baseline's entry, the failure would rightly show that list instead.
    const fresh = { ...env, PAPERS_CACHE_DIR: path.join(dirs.root, 'fresh-cache') };
    const r = hasTime ? await runShell(timed, fresh) : await runCli(['day', day], fresh);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/larger than 16 MiB; refused/);
    if (hasTime) {
      // What is held is bounded by the 16 MiB cap, far below the 100 MB sent.
      expect(maxRss(r.stderr) - baseline).toBeLessThan(40 * 1024);
    }
  });

  it('connection refused: exit 1 with a hint; with a cache, the stale list and a warning, exit 0', async () => {
    const refused = { ...env, PAPERS_API_URL: 'http://127.0.0.1:9' };
    const r = await runCli(['day', day], refused);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot connect to 127\.0\.0\.1:9: connection refused\nhint: try --offline/);
    await runCli(['day', day], env);
    const stale = await runCli(['day', day, '--refresh'], refused);
    expect(stale.code).toBe(0);
    expect(ids(stale.stdout)).toHaveLength(2);
    expect(stale.stderr).toMatch(/warning: showing the list of .* cached just now: cannot connect/);
  });

  it('Ctrl-C during a fetch on a terminal: the spinner stops, the cursor comes back, exit 130, cache untouched', async () => {
    server.fault = () => new Promise(() => undefined);
    // set -m: a background job of a shell without job control would ignore SIGINT.
    const script = `stty cols 80 rows 24; set -m; "${process.execPath}" "${BIN}" day ${day} & pid=$!; sleep 1.2; kill -INT $pid; wait $pid; echo "[exit=$?]"`;
    const child = spawn('script', ['-qec', script, '/dev/null'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    await new Promise((r) => child.on('close', r));
    expect(out).toMatch(/\[exit=130\]/);
    expect(out).toContain('fetching');
    expect(out.lastIndexOf('\x1b[?25h')).toBeGreaterThan(out.lastIndexOf('\x1b[?25l'));
    expect(out).toContain('papers: interrupted');
    expect(cacheFiles()).toEqual([]);
  });
});

describe('hostile data', () => {
  const evil = '\x1b]52;c;cm0gLXJmIH4=\x07\x1b]8;;https://evil.test\x07link\x1b]8;;\x07 \x1b[2J\x9b31m \r\x07 \u202eevil\u202c';
  beforeEach(() => {
    server.days.set(day, [
      {
        ...hfItem('2611.00001', day, 5, 1, `Title ${evil}`),
        paper: {
          ...(hfItem('2611.00001', day, 5, 1).paper as object),
          title: `Title ${evil}`,
          summary: `Abstract ${evil}`,
          authors: [{ name: `Author ${evil}` }],
          ai_keywords: [`kw ${evil}`],
          ai_summary: `AI ${evil}`,
        },
        summary: `Abstract ${evil}`,
      },
    ]);
  });

  it('is neutralised in every format and in show; JSON keeps it losslessly as \\u escapes', async () => {
    await runCli(['day', day], env);
    const raw = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
    for (const format of ['table', 'tsv', 'csv', 'markdown', 'bibtex', 'json', 'jsonl']) {
      const r = await runCli(
        [
          'day',
          day,
          '--offline',
          '--format',
          format,
          ...(format === 'tsv' || format === 'csv' ? ['--fields', 'title,summary,authors,keywords,aiSummary'] : []),
        ],
        env,
      );
      expect(r.code, format).toBe(0);
      expect(r.stdout, format).not.toMatch(raw);
      expect(r.stdout, format).toContain('Title');
    }
    const show = await runCli(['show', '2611.00001', '--offline'], env);
    expect(show.stdout).not.toMatch(raw);
    expect(show.stdout).toContain('Author');
    const json = JSON.parse((await runCli(['day', day, '--offline', '--json'], env)).stdout) as { summary: string }[];
    expect(json[0]!.summary).toBe(`Abstract ${evil}`);
  });

  it('odd numbers, ids of the wrong shape, huge titles and 10,000 authors: no crash, sensible output', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({ name: `Author ${i}` }));
    server.days.set(day, [
      { paper: { id: '2611.00003', title: 'x'.repeat(20_000), upvotes: '12', authors: many, submittedOnDailyAt: `${day}T00:00:00Z` }, numComments: -3 },
      { paper: { id: '../../etc/passwd', title: 'Bad id', upvotes: 1 }, numComments: 'many' },
      { paper: { id: '2611.00004', title: 'No numbers' } },
    ]);
    const r = await runCli(['day', day, '--json'], env);
    expect(r.code).toBe(0);
    const papers = JSON.parse(r.stdout) as { id: string | null; upvotes: number | null; comments: number | null; authorCount: number; url: string | null }[];
    expect(papers.map((p) => [p.id, p.upvotes, p.comments])).toEqual([
      ['2611.00003', 12, -3],
      [null, 1, null],
      ['2611.00004', null, null],
    ]);
    expect(papers[0]!.authorCount).toBe(10_000);
    expect(papers[1]!.url).toBeNull();
    const table = await runIn(['day', day, '--offline', '--no-color'], env, { columns: 60 });
    for (const line of table.stdout.trimEnd().split('\n')) expect([...line].length).toBeLessThanOrEqual(60);
    const show = await runCli(['show', '1', '--offline'], { ...env, COLUMNS: '80' });
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('Author 9999');
    const bad = await runCli(['show', '2', '--offline'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/row 2 of the last list has no arXiv id/);
  });
});

describe('concurrent use and files', () => {
  it('eight processes fetching different days at once all succeed, and every day is cached', async () => {
    const days = Array.from({ length: 8 }, (_, i) => addDays(today, -(i + 1)));
    for (const [i, d] of days.entries()) server.days.set(d, dayItems(d, 20, i));
    server.delay = 50;
    const runs = await Promise.all(days.map((d) => runCli(['day', d, '--json'], env)));
    server.delay = 0;
    expect(runs.map((r) => r.code)).toEqual(days.map(() => 0));
    for (const r of runs) expect(JSON.parse(r.stdout)).toHaveLength(20);
    expect(cacheFiles().sort()).toEqual(days.map((d) => `day-${d}.json`).sort());
    for (const f of cacheFiles()) expect(JSON.parse(readFileSync(path.join(dirs.cache, f), 'utf8')).data).toHaveLength(20);
    server.requests = [];
    const offline = await Promise.all(days.map((d) => runCli(['day', d, '--offline'], env)));
    expect(offline.map((r) => r.code)).toEqual(days.map(() => 0));
    expect(server.requests).toEqual([]);
  });

  it('a cache entry that is empty or of the wrong shape is set aside, never a crash', async () => {
    await runCli(['day', day], env);
    const file = path.join(dirs.cache, `day-${day}.json`);
    for (const content of ['', '{"v":1,"key":"day:x","fetchedAt":"soon","data":3}', 'null']) {
      (await import('node:fs')).writeFileSync(file, content);
      const r = await runCli(['day', day], env);
      expect(r.code).toBe(0);
      expect(ids(r.stdout)).toHaveLength(2);
      expect(r.stderr).toMatch(/set aside/);
    }
  });

  it('3,000 papers through --json | cat arrive whole', async () => {
    server.days.set(day, dayItems(day, 3000));
    const r = await runShell(`eval "$PAPERS day ${day} --json --limit 0" | cat`, env);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(3000);
  });
});
