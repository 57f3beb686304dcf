import { beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import { isoWeekOf } from '../../src/core/period.js';
import { TODAY as today, runPapers } from '../helpers/run.js';
import { dayItems, type FakeHf, hfItem } from '../helpers/server.js';
import { useHarness } from '../helpers/harness.js';

const { year, week } = isoWeekOf(today);
const thisWeek = `${year}-W${String(week).padStart(2, '0')}`;
const monday = isoWeekOf(today).monday;
const lastMonthDay = addDays(`${today.slice(0, 7)}-01`, -1);
const lastMonth = lastMonthDay.slice(0, 7);

let server: FakeHf;
let env: NodeJS.ProcessEnv;
useHarness((h) => ({ server, env } = h));

const rows = (out: string) =>
  out
    .trimEnd()
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split('\t'));

describe('papers week and month', () => {
  it('week (default: this one) ranks every paper of the week across pages', async () => {
    server.days.set(monday, dayItems(monday, 90, 1));
    server.days.set(addDays(monday, 1), dayItems(addDays(monday, 1), 90, 2));
    const r = await runPapers(['week', '--limit', '0'], env);
    expect(r.code).toBe(0);
    const got = rows(r.stdout);
    expect(got).toHaveLength(180);
    expect(new Set(got.map((x) => x[3])).size).toBe(180);
    const upvotes = got.map((x) => Number(x[1]));
    expect(upvotes).toEqual([...upvotes].sort((a, b) => b - a));
    expect(server.requests.every((u) => u.includes(`week=${thisWeek}`))).toBe(true);
    expect(r.stderr).toBe('');
  });

  it('week takes YYYY-Www and a date', async () => {
    server.days.set(monday, [hfItem('2611.00001', monday, 1)]);
    expect(rows((await runPapers(['week', thisWeek], env)).stdout).map((x) => x[3])).toEqual(['2611.00001']);
    expect(rows((await runPapers(['week', addDays(monday, 2), '--refresh'], env)).stdout).map((x) => x[3])).toEqual(['2611.00001']);
  });

  it('month fetches its pages concurrently, at most 4 in flight, and caches the result', async () => {
    for (let d = 1; d <= 20; d++) {
      const day = `${lastMonth}-${String(d).padStart(2, '0')}`;
      server.days.set(day, dayItems(day, 40, d));
    }
    server.delay = 100;
    const r = await runPapers(['month', lastMonth, '--json', '--limit', '0'], env);
    expect(r.code).toBe(0);
    const papers = JSON.parse(r.stdout) as { id: string; rank: number }[];
    expect(papers).toHaveLength(800);
    expect(new Set(papers.map((p) => p.id)).size).toBe(800);
    expect(papers.map((p) => p.rank)).toEqual(papers.map((_, i) => i + 1));
    expect(server.maxInFlight).toBeGreaterThan(1);
    expect(server.maxInFlight).toBeLessThanOrEqual(4);
    server.requests = [];
    await runPapers(['month', lastMonth, '--offline'], env);
    expect(server.requests).toEqual([]);
  });

  it.each([
    [['week', '2026-W60'], /has no week 60/],
    [['week', 'soon'], /not a week/],
    [['month', '2026-13'], /not a month/],
    [['month', '1999-01'], /before the Daily Papers archive/],
  ])('rejects %j with exit 2', async (args, message) => {
    const r = await runPapers(args, env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(server.requests).toEqual([]);
  });
});

describe('papers search', () => {
  it('searches and ranks by upvotes unless --sort says otherwise', async () => {
    server.days.set(monday, [
      hfItem('2611.00001', monday, 3, 9, 'Diffusion A'),
      hfItem('2611.00002', monday, 30, 1, 'Diffusion B'),
      hfItem('2611.00003', monday, 99, 0, 'Transformers'),
    ]);
    const r = await runPapers(['search', 'diffusion'], env);
    expect(r.code).toBe(0);
    expect(rows(r.stdout).map((x) => x[3])).toEqual(['2611.00002', '2611.00001']);
    expect(server.requests[0]).toBe('/api/papers/search?q=diffusion&limit=120');
    const byComments = await runPapers(['search', 'diffusion', '--sort', 'comments'], env);
    expect(rows(byComments.stdout).map((x) => x[3])).toEqual(['2611.00001', '2611.00002']);
  });

  it('joins the words, refuses queries over 250 characters, and is an empty success when nothing matches', async () => {
    await runPapers(['search', 'two', 'words'], env);
    expect(server.requests[0]).toBe('/api/papers/search?q=two+words&limit=120');
    const long = await runPapers(['search', 'x'.repeat(251)], env);
    expect(long.code).toBe(2);
    expect(long.stderr).toMatch(/at most 250/);
    const none = await runPapers(['search', 'nothing-like-this', '--json'], env);
    expect(none.code).toBe(0);
    expect(none.stdout).toBe('[]\n');
  });
});

describe('filters and sorting on every list', () => {
  beforeEach(() => {
    const day = addDays(today, -1);
    server.days.set(day, [
      {
        ...hfItem('2611.00001', day, 50, 1, 'Diffusion Transformers'),
        paper: { ...(hfItem('2611.00001', day, 50, 1, 'Diffusion Transformers').paper as object), githubRepo: 'https://github.com/a/b', githubStars: 10 },
      },
      hfItem('2611.00002', day, 5, 7, 'Sparse attention'),
      hfItem('2611.00003', day, 20, 0, 'Diffusion robots'),
      {
        ...hfItem('2611.00004', day, 1, 0, 'Vision agents'),
        paper: { ...(hfItem('2611.00004', day, 1, 0, 'Vision agents').paper as object), githubRepo: 'https://github.com/c/d', githubStars: 900 },
      },
    ]);
  });
  const ids = async (args: string[]) => rows((await runPapers(['day', '-1', ...args], env)).stdout).map((x) => x[3]);

  it('--grep (repeatable), --exclude, --min-upvotes, --has-code', async () => {
    expect(await ids(['-g', 'diffusion'])).toEqual(['2611.00001', '2611.00003']);
    expect(await ids(['-g', 'diffusion', '--grep', 'robot'])).toEqual(['2611.00003']);
    expect(await ids(['--exclude', 'diffusion'])).toEqual(['2611.00002', '2611.00004']);
    expect(await ids(['--min-upvotes', '5'])).toEqual(['2611.00001', '2611.00003', '2611.00002']);
    expect(await ids(['--has-code'])).toEqual(['2611.00001', '2611.00004']);
  });

  it('a list from the cache still has the abstracts, authors and links its filters, watches and formats read (a TSV alone is read without them)', async () => {
    expect(await ids([])).toHaveLength(4);
    const offline = ['--offline'];
    expect(await ids([...offline])).toEqual(['2611.00001', '2611.00003', '2611.00002', '2611.00004']);
    // Words found only in an abstract.
    expect(await ids([...offline, '-g', 'Abstract of 2611\\.00003'])).toEqual(['2611.00003']);
    expect(await ids([...offline, '--exclude', 'Abstract of 2611\\.0000[12]'])).toEqual(['2611.00003', '2611.00004']);
    const json = JSON.parse((await runPapers(['day', '-1', ...offline, '--json'], env)).stdout) as { id: string; summary: string }[];
    expect(json.map((p) => p.summary)).toEqual(['Abstract of 2611.00001.', 'Abstract of 2611.00003.', 'Abstract of 2611.00002.', 'Abstract of 2611.00004.']);
    expect(rows((await runPapers(['day', '-1', ...offline, '--fields', 'id,summary'], env)).stdout)[1]).toEqual(['2611.00003', 'Abstract of 2611.00003.']);
    // Words found only in an author's name, and the links.
    expect(await ids([...offline, '--author', 'Author of 2611\\.00002'])).toEqual(['2611.00002']);
    expect(rows((await runPapers(['day', '-1', ...offline, '--fields', 'id,url,arxivUrl,pdfUrl,authors'], env)).stdout)[0]).toEqual([
      '2611.00001',
      'https://huggingface.co/papers/2611.00001',
      'https://arxiv.org/abs/2611.00001',
      'https://arxiv.org/pdf/2611.00001',
      'Author of 2611.00001',
    ]);
    const watch = await runPapers(['watch', 'add', 'robots', '--grep', 'Abstract of 2611\\.00003'], env);
    expect(watch.code).toBe(0);
    const watched = rows((await runPapers(['day', '-1', ...offline, '--watched'], env)).stdout);
    expect(watched.map((r) => r[3])).toEqual(['2611.00003']);
  });

  it('--sort and --reverse; filters apply before --limit and ranks count after filtering', async () => {
    expect(await ids(['--sort', 'comments'])).toEqual(['2611.00002', '2611.00001', '2611.00003', '2611.00004']);
    expect(await ids(['--sort', 'stars'])).toEqual(['2611.00004', '2611.00001', '2611.00003', '2611.00002']);
    expect(await ids(['--sort', 'title'])).toEqual(['2611.00003', '2611.00001', '2611.00002', '2611.00004']);
    expect(await ids(['--reverse'])).toEqual(['2611.00004', '2611.00002', '2611.00003', '2611.00001']);
    const r = await runPapers(['day', '-1', '--exclude', 'diffusion', '-n', '1'], env);
    expect(rows(r.stdout)).toEqual([['1', '5', '7', '2611.00002', 'Sparse attention']]);
  });

  it('an empty result after filters is a success with a note', async () => {
    const r = await runPapers(['day', '-1', '-g', 'quantum'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/match the filters/);
  });

  it.each([
    [['--sort', 'foo'], /--sort must be one of upvotes, comments, date, title, stars; not 'foo'/],
    [['--limit', '-1'], /limit/],
    [['--limit', 'x'], /--limit takes a whole number/],
    [['--min-upvotes', 'x'], /--min-upvotes takes a whole number/],
    [['-g', '('], /not a valid pattern/],
  ])('rejects %j with exit 2 naming the accepted values', async (args, message) => {
    const r = await runPapers(['day', '-1', ...args], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
