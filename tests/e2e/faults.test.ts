import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import type { tempDirs } from '../helpers/cli.js';
import { TODAY as today, runPapers } from '../helpers/run.js';
import { type FakeHf, hfItem, json } from '../helpers/server.js';
import { useHarness } from '../helpers/harness.js';
import { runIn } from '../helpers/inProcess.js';

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

describe('a server that misbehaves', () => {
  it('never answers: exit 1 within the deadline plus a second, naming the server', async () => {
    server.fault = () => new Promise(() => undefined);
    const r = await runPapers(['day', day, '--timeout', '400'], env);
    expect(r.code).toBe(1);
    expect(r.ms).toBeLessThan(400 + 2500); // the deadline, and slack for a loaded machine
    expect(r.stderr).toMatch(/^papers: timed out waiting for Hugging Face\n/);
    // Nothing is cached, so --offline would not help.
    expect(r.stderr).toMatch(/hint: raise --timeout, or try again later\n$/);
  });

  it('drips one byte every 50 ms: exit 1 within the deadline', async () => {
    server.fault = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('[');
      const timer = setInterval(() => res.write(' '), 50);
      res.on('close', () => clearInterval(timer));
    };
    const r = await runPapers(['day', day, '--timeout', '500'], env);
    expect(r.code).toBe(1);
    expect(r.ms).toBeLessThan(500 + 2500);
    expect(r.stderr).toMatch(/timed out waiting for Hugging Face/);
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
    const r = await runPapers(['day', day], env);
    expect(r.code).toBe(0);
    expect(ids(r.stdout)).toEqual(['2611.00002', '2611.00001']);
    expect(r.stderr).toBe('');
    // It waited the second the server asked for (through the injected sleep, not in real time).
    expect(r.slept).toEqual([1000]);
    n = 0;
    const verbose = await runPapers(['day', day, '--verbose', '--refresh'], env);
    expect(verbose.stderr).toMatch(/debug: GET http:\S+: 429.*\n.*debug: retrying in 1000 ms: Hugging Face answered 429/);
    n = 0;
    const debug = await runPapers(['day', day, '--refresh'], { ...env, PAPERS_DEBUG: '1' });
    expect(debug.stderr).toMatch(/debug: retrying/);
  });

  it('503 twice, then 200: success', async () => {
    let n = 0;
    server.fault = (_req, res) => (n++ < 2 ? json(res, 503, { error: 'busy' }) : false);
    const r = await runPapers(['day', day], env);
    expect(r.code).toBe(0);
    expect(ids(r.stdout)).toHaveLength(2);
    expect(server.requests).toHaveLength(3);
    expect(r.slept).toHaveLength(2);
  });

  it('a Retry-After beyond the deadline fails at once, saying when to try again', async () => {
    server.fault = (_req, res) => {
      res.writeHead(429, { 'retry-after': '120' });
      res.end();
    };
    const r = await runPapers(['day', day, '--timeout', '5000'], env);
    expect(r.code).toBe(1);
    expect(r.slept).toEqual([]);
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
    const r = await runPapers(['day', day], env);
    expect(r.code).toBe(0);
    expect(ids(r.stdout)).toHaveLength(2);
  });

  it('connection refused: exit 1 with a hint; with a cache, the stale list and a warning, exit 0', async () => {
    const refused = { ...env, PAPERS_API_URL: 'http://127.0.0.1:9' };
    const r = await runPapers(['day', day], refused);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot connect to 127\.0\.0\.1:9: connection refused\nhint: check the network connection and try again/);
    expect(r.stderr).not.toMatch(/--offline/);
    await runPapers(['day', day], env);
    const stale = await runPapers(['day', day, '--refresh'], refused);
    expect(stale.code).toBe(0);
    expect(ids(stale.stdout)).toHaveLength(2);
    expect(stale.stderr).toMatch(/warning: showing the list of .* cached just now: cannot connect/);
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
    await runPapers(['day', day], env);
    const raw = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
    for (const format of ['table', 'tsv', 'csv', 'markdown', 'bibtex', 'json', 'jsonl']) {
      const r = await runPapers(
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
    const show = await runPapers(['show', '2611.00001', '--offline'], env);
    expect(show.stdout).not.toMatch(raw);
    expect(show.stdout).toContain('Author');
    const json = JSON.parse((await runPapers(['day', day, '--offline', '--json'], env)).stdout) as { summary: string }[];
    expect(json[0]!.summary).toBe(`Abstract ${evil}`);
  });

  it('odd numbers, ids of the wrong shape, huge titles and 10,000 authors: no crash, sensible output', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({ name: `Author ${i}` }));
    server.days.set(day, [
      { paper: { id: '2611.00003', title: 'x'.repeat(20_000), upvotes: '12', authors: many, submittedOnDailyAt: `${day}T00:00:00Z` }, numComments: -3 },
      { paper: { id: '../../etc/passwd', title: 'Bad id', upvotes: 1 }, numComments: 'many' },
      { paper: { id: '2611.00004', title: 'No numbers' } },
    ]);
    const r = await runPapers(['day', day, '--json'], env);
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
    const show = await runPapers(['show', '1', '--offline'], { ...env, COLUMNS: '80' });
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('Author 9999');
    const bad = await runPapers(['show', '2', '--offline'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/row 2 of the last list has no arXiv id/);
  });
});

describe('cache files', () => {
  it('a cache entry that is empty or of the wrong shape is set aside, never a crash', async () => {
    await runPapers(['day', day], env);
    const file = path.join(dirs.cache, `day-${day}.json`);
    for (const content of ['', '{"v":1,"key":"day:x","fetchedAt":"soon","data":3}', 'null']) {
      writeFileSync(file, content);
      const r = await runPapers(['day', day], env);
      expect(r.code).toBe(0);
      expect(ids(r.stdout)).toHaveLength(2);
      expect(r.stderr).toMatch(/set aside/);
    }
  });
});
