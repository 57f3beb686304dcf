// Issue 13's attacks, sections 6-8, end to end: bad input is a usage error, other consumers (CSV, JSON,
// shells) get nothing dangerous, and nothing a server says is trusted. Sections 1-3: security.test.ts.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { type tempDirs } from '../helpers/cli.js';
import { useHarness } from '../helpers/harness.js';
import { type FakeHf, hfItem, json } from '../helpers/server.js';
import { DAY, flat, planter, runAt } from '../helpers/security.js';

let server: FakeHf;
let dirs: ReturnType<typeof tempDirs>;
let env: NodeJS.ProcessEnv;
useHarness((h) => ({ server, dirs, env } = h));

const papers = runAt(() => env);
const file = planter(() => dirs.root);

describe('6. bad input is a usage error', () => {
  it.each([
    [['show', 'https://arxiv.org/abs/%E0%A4%A'], /not a paper reference/],
    [['week', '0000-W01'], /before the Daily Papers archive starts/],
    [['month', '9999-12'], /in the future/],
    [['week', '9999-W52'], /in the future/],
    [['week', '9999-12-31'], /in the future/],
    [['month', '0000-01'], /before the Daily Papers archive starts/],
    [['day', '2026-99-99'], /not a date/],
    [['day', DAY, '--timeout', '9007199254740991'], /--timeout takes a whole number from 1 to 3600000/],
    [['day', DAY, '--timeout', '3000000000'], /--timeout takes a whole number from 1 to 3600000/],
  ])('papers %j: exit 2 with a clear reason', async (argv, reason) => {
    const r = await papers(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(reason);
    expect(r.stderr).not.toMatch(/unexpected/);
  });

  it("HTTP_PROXY='::::' is a warning, and the request goes direct", async () => {
    server.days.set(DAY, [hfItem('2611.00001', DAY, 5)]);
    const r = await papers(['day', DAY], { HTTP_PROXY: '::::' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/2611\.00001/);
    expect(r.stderr).toBe('papers: warning: ignoring HTTP_PROXY: not an http or https URL; connecting directly\n');
  });

  it('COLUMNS=2000000000 is a warning, and the width 80', async () => {
    server.papers.set('2611.00001', flat('2611.00001', { summary: 'word '.repeat(200) }));
    const r = await papers(['show', '2611.00001'], { COLUMNS: '2000000000' });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: ignoring COLUMNS=2000000000: wider than 4096; using 80/);
    expect(Math.max(...r.stdout.split('\n').map((l) => l.length))).toBeLessThanOrEqual(80);
  });
});

describe('7. other consumers', () => {
  it('BibTeX: a title with an unbalanced brace stays inside its entry; an RSS link used as url is escaped', async () => {
    server.days.set(DAY, [hfItem('2611.00001', DAY, 5, 0, 'Deep}Learning \\}x{'), hfItem('2611.00002', DAY, 4)]);
    const r = await papers(['day', DAY, '--format', 'bibtex']);
    expect(r.code).toBe(0);
    const entries = r.stdout.trim().split('\n\n');
    expect(entries).toHaveLength(2);
    for (const entry of entries) {
      let depth = 0;
      let closedAt = -1;
      for (let i = 0; i < entry.length && closedAt < 0; i++) {
        if (entry[i] === '{') depth++;
        else if (entry[i] === '}' && --depth === 0) closedAt = i;
      }
      expect(closedAt).toBe(entry.length - 1);
    }
    expect(entries[0]).toMatch(/title = \{\{Deep\\textbraceright\{\}Learning/);

    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>T</title><link>https://x.test/a#}, note = {injected}</link><description>no id here</description></item></channel></rss>`;
    const b = await papers(['read', file('feed.rss', rss), '--format', 'bibtex']);
    expect(b.code).toBe(0);
    expect(b.stdout).toContain('url = {https://x.test/a#%7D,%20note%20=%20%7Binjected%7D}');
    expect(b.stdout).not.toMatch(/note = \{injected\}/);
  });

  it('CSV: a cell starting with = + - @ is prefixed with a quote', async () => {
    server.days.set(DAY, [hfItem('2611.00001', DAY, 5, 0, "=cmd|' /C calc'!A0"), hfItem('2611.00002', DAY, 4, 0, '@SUM(1+1)')]);
    const r = await papers(['day', DAY, '--format', 'csv', '--fields', 'title,upvotes']);
    const rows = parse(r.stdout) as string[][];
    expect(rows.slice(1)).toEqual([
      ["'=cmd|' /C calc'!A0", '5'],
      ["'@SUM(1+1)", '4'],
    ]);
  });
});

describe('8. trust nothing a server says', () => {
  it('a Hugging Face record of another paper is rejected: nothing saved, exit 3', async () => {
    server.papers.set('2608.09888', flat('2608.00001'));
    const r = await papers(['save', '2608.09888']);
    expect(r.code).toBe(3);
    const config = path.join(dirs.config, 'config.json');
    expect(existsSync(config) ? (JSON.parse(readFileSync(config, 'utf8')) as { saved: unknown[] }).saved : []).toEqual([]);
  });

  it('today: a "latest day" that is not a date is not believed', async () => {
    server.days.set('0000-13-45', [hfItem('2611.00001', '0000-13-45', 1)]);
    const r = await papers(['today']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/undefined|0000-13-45/);
  });

  it('a password in PAPERS_API_URL is never printed', async () => {
    server.fault = (_req, res) => json(res, 400, { error: 'nope' });
    const withUser = server.url.replace('http://', 'http://user:s3cret@');
    const r = await papers(['day', DAY, '--verbose'], { PAPERS_API_URL: withUser });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/http:\/\/\*\*\*@127\.0\.0\.1/);
    expect(r.stderr).not.toContain('s3cret');
  });

  it('a base URL with ?query#fragment: the API path goes into the path and the query is kept', async () => {
    server.days.set(DAY, [hfItem('2611.00001', DAY, 5)]);
    const r = await papers(['day', DAY], { PAPERS_API_URL: `${server.url}/?token=abc#frag` });
    expect(r.code).toBe(0);
    expect(server.requests[0]).toMatch(/^\/api\/daily_papers\?token=abc&date=2026-11-24&limit=100&p=0$/);
  });

  it('a base URL that is not an http(s) URL is a usage error naming the variable', async () => {
    const r = await papers(['day', DAY], { PAPERS_API_URL: 'file:///etc/passwd' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/PAPERS_API_URL or PAPERS_ARXIV_URL\) is not an http or https URL/);
  });

  it('a refused proxy is reported as the proxy, not the target host', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const r = await papers(['day', DAY], { HTTP_PROXY: `http://user:pw@127.0.0.1:${port}` });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`cannot connect to the proxy 127\\.0\\.0\\.1:${port} \\(for 127\\.0\\.0\\.1:\\d+\\): connection refused`));
    expect(r.stderr).not.toContain('pw@');
  });
});
