// papers today and day when the cache or the network fails: what is shown, what is said, what is kept.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import type { tempDirs } from '../helpers/cli.js';
import { TODAY as today, runPapers } from '../helpers/run.js';
import { type FakeHf, hfItem, json } from '../helpers/server.js';
import { useHarness } from '../helpers/harness.js';
import { tsvIds } from '../helpers/tsv.js';

// "Today" is the New York date of the CLI's clock: the server, not the calendar, decides which days have papers.
const yesterday = addDays(today, -1);
const older = addDays(today, -20);

let server: FakeHf;
let dirs: ReturnType<typeof tempDirs>;
let env: NodeJS.ProcessEnv;

useHarness((h) => ({ server, dirs, env } = h));

describe('cache and network faults', () => {
  it('--offline works from the cache and fails with exit 1 when nothing is cached', async () => {
    server.days.set(yesterday, [hfItem('2611.00001', yesterday, 3)]);
    const miss = await runPapers(['day', yesterday, '--offline'], env);
    expect(miss.code).toBe(1);
    expect(miss.stderr).toMatch(/^papers: nothing cached for the list of/);
    expect(server.requests).toEqual([]);
    await runPapers(['day', yesterday], env);
    server.requests = [];
    const hit = await runPapers(['day', yesterday, '--offline'], env);
    expect(hit.code).toBe(0);
    expect(tsvIds(hit.stdout)).toEqual(['2611.00001']);
    expect(server.requests).toEqual([]);
  });

  it('today --offline shows the latest cached day when today is not cached', async () => {
    server.days.set(yesterday, [hfItem('2611.00001', yesterday, 3)]);
    await runPapers(['day', yesterday], env);
    const r = await runPapers(['today', '--offline'], env);
    expect(r.code).toBe(0);
    expect(tsvIds(r.stdout)).toEqual(['2611.00001']);
    expect(r.stderr).toContain(yesterday);
    expect(server.requests).toHaveLength(1);
  });

  it('shows a stale entry with a warning and exit 0 when the server fails', async () => {
    server.days.set(older, [hfItem('2610.00001', older, 3)]);
    await runPapers(['day', older], env);
    // Age the entry by 8 days: past the 7-day freshness of an old day.
    const file = path.join(dirs.cache, `day-${older}.json`);
    const entry = JSON.parse(readFileSync(file, 'utf8'));
    entry.fetchedAt -= 8 * 86_400_000;
    writeFileSync(file, JSON.stringify(entry));
    server.fault = (_req, res) => json(res, 500, { error: 'boom' });
    const r = await runPapers(['day', older], env);
    expect(r.code).toBe(0);
    expect(tsvIds(r.stdout)).toEqual(['2610.00001']);
    expect(r.stderr).toMatch(/warning: showing the list of .* cached 8 days ago: .*500/);
  });

  it('fails with exit 1, one line and a hint on a server error with nothing cached', async () => {
    server.fault = (_req, res) => json(res, 500, { error: 'boom' });
    const r = await runPapers(['day', yesterday, '--timeout', '10000'], env);
    expect(r.code).toBe(1);
    const lines = r.stderr.trimEnd().split('\n');
    // The server named in words; the URL only with --verbose.
    expect(lines[0]).toBe('papers: Hugging Face answered 500 (server error)');
    // Nothing is cached, so no hint to try --offline (it would only say so).
    expect(lines[1]).toBe('hint: try again later; nothing is cached for it yet');
    expect(lines).toHaveLength(2);
    // The first try and three retries, after backoffs that grow.
    expect(server.requests).toHaveLength(4);
    expect(r.slept).toHaveLength(3);
    expect(r.slept[1]!).toBeGreaterThan(r.slept[0]!);
  });

  it('names the URL and status when the body is an HTML page', async () => {
    server.fault = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!DOCTYPE html><html><body>Maintenance</body></html>');
    };
    const r = await runPapers(['day', yesterday], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^papers: Hugging Face answered 200 with an HTML page, not JSON\n/);
  });

  it('fails cleanly on a body cut short', async () => {
    server.fault = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('[{"paper":');
      setTimeout(() => res.destroy(), 50);
    };
    const r = await runPapers(['day', yesterday, '--timeout', '8000'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^papers: .*(cut off|failed)/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('fails with a hint when nothing listens: --offline only when the cache has the list', async () => {
    const refused = { ...env, PAPERS_API_URL: 'http://127.0.0.1:9' };
    const r = await runPapers(['day', yesterday], refused);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'papers: cannot connect to 127.0.0.1:9: connection refused\nhint: check the network connection and try again; nothing is cached for it yet\n',
    );
    // Another day is cached; this one is not, so --offline is still no help for it.
    server.days.set(older, [hfItem('2611.00001', older, 3)]);
    expect((await runPapers(['day', older], env)).code).toBe(0);
    expect((await runPapers(['day', yesterday], refused)).stderr).not.toMatch(/--offline/);
  });

  it('keeps a corrupt cache entry aside and fetches again', async () => {
    server.days.set(yesterday, [hfItem('2611.00001', yesterday, 3)]);
    await runPapers(['day', yesterday], env);
    const file = path.join(dirs.cache, `day-${yesterday}.json`);
    writeFileSync(file, '{"v":1,"key":"day:');
    const r = await runPapers(['day', yesterday], env);
    expect(r.code).toBe(0);
    expect(tsvIds(r.stdout)).toEqual(['2611.00001']);
    expect(r.stderr).toMatch(/set aside as day-.*\.json\.corrupt-1/);
    expect(existsSync(`${file}.corrupt-1`)).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8')).key).toBe(`day:${yesterday}`);
  });

  it('sends User-Agent papers/<version> and honours a base URL with a path prefix', async () => {
    let agent = '';
    server.fault = (req, res, url) => {
      agent = String(req.headers['user-agent']);
      if (!url.pathname.startsWith('/mirror/api/daily_papers')) return json(res, 404, { error: 'wrong path' });
      return json(res, 200, [hfItem('2611.00001', yesterday, 1)]);
    };
    const r = await runPapers(['day', yesterday], { ...env, PAPERS_API_URL: `${server.url}/mirror/` });
    expect(r.code).toBe(0);
    expect(agent).toMatch(/^papers\/\d+\.\d+\.\d+/);
  });

  it('writes cache files only inside the cache directory', async () => {
    server.days.set(yesterday, [hfItem('2611.00001', yesterday, 3)]);
    await runPapers(['day', yesterday], env);
    expect(readdirSync(dirs.root).sort()).toEqual(['cache']);
  });
});
