import { chmodSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import { FIELDS } from '../../src/core/paper.js';
import type { tempDirs } from '../helpers/cli.js';
import { TODAY, runPapers } from '../helpers/run.js';
import { atomEntry, atomFeed, type FakeHf, hfItem, json } from '../helpers/server.js';
import { useHarness } from '../helpers/harness.js';
import { runIn } from '../helpers/inProcess.js';

const yesterday = addDays(TODAY, -1);
let server: FakeHf;
let dirs: ReturnType<typeof tempDirs>;
let env: NodeJS.ProcessEnv;

const flat = {
  id: '2611.00042',
  title: 'A Flat Paper From the Paper API',
  summary: 'The whole abstract.\n\nA second paragraph.',
  authors: [{ name: 'Ada Quill' }, { name: '李雷' }],
  publishedAt: '2026-11-20T00:00:00.000Z',
  submittedOnDailyAt: '2026-11-23T00:00:00.000Z',
  upvotes: 17,
  githubRepo: 'https://github.com/example/flat',
  githubStars: 5,
  ai_summary: 'A flat summary.',
  ai_keywords: ['flat'],
};
useHarness((h) => ({ server, dirs, env } = h), { COLUMNS: '80' });

describe('papers show', () => {
  it('shows a paper from the Hugging Face paper API, and caches the lookup', async () => {
    server.papers.set('2611.00042', flat);
    const r = await runPapers(['show', 'arXiv:2611.00042v2'], env);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('A Flat Paper From the Paper API');
    expect(r.stdout).toContain('Ada Quill, 李雷');
    expect(r.stdout).toContain('▲ 17');
    expect(r.stdout).toContain('https://github.com/example/flat (★ 5)');
    expect(r.stdout).toContain('The whole abstract.\n\nA second paragraph.');
    expect(server.requests).toEqual(['/api/papers/2611.00042']);
    const again = await runPapers(['abstract', 'https://huggingface.co/papers/2611.00042'], env);
    expect(again.stdout).toBe(r.stdout);
    expect(server.requests).toHaveLength(1);
  });

  it('--json prints one object with every field', async () => {
    server.papers.set('2611.00042', flat);
    const r = await runPapers(['show', '2611.00042', '--json'], env);
    const obj = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(obj)).toEqual([...FIELDS, 'linkedModels', 'linkedDatasets', 'linkedSpaces', 'numTotalModels', 'numTotalDatasets', 'numTotalSpaces']);
    expect(obj).toMatchObject({ rank: null, id: '2611.00042', upvotes: 17, comments: null, day: '2026-11-23', keywords: ['flat'], source: 'hf' });
  });

  it('asks arXiv when Hugging Face answers 404', async () => {
    server.arxiv.set('2611.00077', atomFeed(atomEntry('2611.00077', 'Only On arXiv', 'An arXiv abstract.', ['B. Author'])));
    const r = await runPapers(['show', 'https://arxiv.org/pdf/2611.00077v1'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Only On arXiv');
    expect(r.stdout).toContain('An arXiv abstract.');
    expect(server.requests).toEqual(['/api/papers/2611.00077', '/api/query?id_list=2611.00077&max_results=1']);
  });

  it('sends old-style ids to arXiv only', async () => {
    server.arxiv.set('hep-th/9901001', atomFeed(atomEntry('hep-th/9901001', 'Old Strings', 'Old abstract.', ['C. Physicist'])));
    const r = await runPapers(['show', 'hep-th/9901001'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Old Strings');
    expect(server.requests).toEqual(['/api/query?id_list=hep-th%2F9901001&max_results=1']);
  });

  it('exits 3 for a paper no source knows', async () => {
    const r = await runPapers(['show', '2501.99999'], env);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toBe('papers: no paper 2501.99999 on Hugging Face or arXiv');
  });

  it('exits 1, not 3, when Hugging Face fails and arXiv does not know the id', async () => {
    server.fault = (_req, res, url) => (url.pathname.startsWith('/api/papers/') ? json(res, 503, {}) : false);
    const r = await runPapers(['show', '2501.99999', '--timeout', '5000'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/answered 503/);
  });

  it('rejects a bad ref with exit 2 and the accepted forms', async () => {
    const r = await runPapers(['show', 'not-a-paper'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^papers: not a paper reference: 'not-a-paper'\nhint: use an arXiv id/);
  });

  it('takes a row number of the last list, from the cache, and works offline', async () => {
    server.days.set(yesterday, [hfItem('2611.00001', yesterday, 1), hfItem('2611.00002', yesterday, 9)]);
    await runIn(['day', yesterday], env, { columns: 80 });
    server.requests = [];
    const r = await runPapers(['show', '2', '--offline'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Paper 2611.00001');
    expect(r.stdout).toContain('Abstract of 2611.00001.');
    expect(server.requests).toEqual([]);
    // Online, the paper API is asked (only it names the models and datasets built on a paper); a paper
    // it does not know is shown from the list all the same.
    const first = await runPapers(['show', '1'], env);
    expect(first.stdout).toContain('Paper 2611.00002');
    expect(server.requests[0]).toBe('/api/papers/2611.00002');
    const out = await runPapers(['show', '3'], env);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/row 3 is out of range: the last list had 2/);
  });

  it('says so when there is no last list', async () => {
    const r = await runPapers(['show', '1'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no list to take row 1 from/);
  });

  it('keeps the last list out of the settings directory', async () => {
    server.days.set(yesterday, [hfItem('2611.00001', yesterday, 1)]);
    await runIn(['day', yesterday], env, { columns: 80 });
    expect(existsSync(path.join(dirs.cache, 'last-list.ids'))).toBe(true);
    expect(existsSync(dirs.config)).toBe(false);
  });

  it('fails offline for a paper never seen, with exit 1', async () => {
    const r = await runPapers(['show', '2611.00042', '--offline'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nothing cached for paper 2611\.00042/);
    expect(server.requests).toEqual([]);
  });

  it('never pages when piped', async () => {
    server.papers.set('2611.00042', { ...flat, summary: Array.from({ length: 80 }, (_, i) => `Paragraph ${i}.`).join('\n\n') });
    const pager = path.join(dirs.root, 'pager.sh');
    writeFileSync(pager, `#!/bin/sh\ncat > /dev/null\necho PAGED\n`);
    chmodSync(pager, 0o755);
    const piped = await runPapers(['show', '2611.00042'], { ...env, PAGER: pager });
    expect(piped.stdout).toContain('Paragraph 79.');
    expect(piped.stdout).not.toContain('PAGED');
  });
});

describe('papers open', () => {
  it('--print prints the chosen link without opening anything', async () => {
    expect((await runPapers(['open', '2405.13956v2', '--print'], env)).stdout).toBe('https://arxiv.org/abs/2405.13956\n');
    expect((await runPapers(['open', '2405.13956', '--pdf', '--print'], env)).stdout).toBe('https://arxiv.org/pdf/2405.13956\n');
    expect((await runPapers(['open', '2405.13956', '--hf', '--print'], env)).stdout).toBe('https://huggingface.co/papers/2405.13956\n');
    server.papers.set('2611.00042', flat);
    expect((await runPapers(['open', '2611.00042', '--code', '--print'], env)).stdout).toBe('https://github.com/example/flat\n');
    expect(server.requests).toEqual(['/api/papers/2611.00042']);
  });

  it('starts $BROWSER with the URL as one argument, without a shell', async () => {
    const browser = path.join(dirs.root, 'browser.sh');
    const seen = path.join(dirs.root, 'opened.txt');
    writeFileSync(browser, `#!/bin/sh\nprintf '%s|' "$#" "$@" > '${seen}'\n`);
    chmodSync(browser, 0o755);
    const r = await runPapers(['open', '2405.13956'], { ...env, BROWSER: browser });
    expect(r.code).toBe(0);
    for (let i = 0; i < 50 && !existsSync(seen); i++) await new Promise((res) => setTimeout(res, 50));
    expect(readFileSync(seen, 'utf8')).toBe('1|https://arxiv.org/abs/2405.13956|');
  });

  it('prints the link and says so when no opener exists', async () => {
    const r = await runPapers(['open', '2405.13956'], { ...env, BROWSER: '/nonexistent/browser' });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('https://arxiv.org/abs/2405.13956\n');
    expect(r.stderr).toMatch(/no browser/);
  });

  it('refuses links that are not http(s), with exit 1', async () => {
    server.papers.set('2611.00042', { ...flat, githubRepo: 'file:///etc/passwd' });
    const r = await runPapers(['open', '2611.00042', '--code'], env);
    // A non-http link from a feed is dropped by the normaliser, so there is no code link at all.
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/no code link known/);
  });

  it('rejects two targets at once', async () => {
    const r = await runPapers(['open', '2405.13956', '--pdf', '--hf'], env);
    expect(r.code).toBe(2);
  });
});
