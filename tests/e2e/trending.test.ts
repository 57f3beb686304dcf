import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useHarness } from '../helpers/harness.js';
import { NOW } from '../helpers/clock.js';
import { runIn } from '../helpers/inProcess.js';
import { hfItem, json, type FakeHf } from '../helpers/server.js';

let server: FakeHf;
let env: NodeJS.ProcessEnv;
useHarness((h) => ({ server, env } = h));

// 250 trending papers in Hugging Face's order, which is not by upvotes; every 7th is about diffusion.
const day = '2026-11-20';
const items = Array.from({ length: 250 }, (_, i) => hfItem(`2611.${String(10000 + i)}`, day, (i * 37) % 101, 0, i % 7 === 0 ? `Diffusion ${i}` : `Paper ${i}`));
const ids = (stdout: string) =>
  stdout
    .trimEnd()
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split('\t')[3]);

function serveTrending(): void {
  server.fault = (_req, res, url) => {
    if (url.pathname !== '/api/daily_papers' || url.searchParams.get('sort') !== 'trending') return false;
    const limit = Number(url.searchParams.get('limit'));
    const p = Number(url.searchParams.get('p') ?? 0);
    json(res, 200, items.slice(p * limit, (p + 1) * limit));
  };
}

describe('papers trending', () => {
  it("keeps Hugging Face's order and asks for only the pages --limit needs", async () => {
    serveTrending();
    const r = await runIn(['trending', '-n', '5'], env);
    expect(r.code).toBe(0);
    expect(ids(r.stdout)).toEqual(items.slice(0, 5).map((i) => (i.paper as { id: string }).id));
    expect(server.requests).toEqual(['/api/daily_papers?sort=trending&limit=100&p=0']);
    const more = await runIn(['trending', '-n', '150'], env);
    expect(ids(more.stdout)).toHaveLength(150);
    expect(server.requests.slice(1)).toEqual(['/api/daily_papers?sort=trending&limit=100&p=1']);
  });

  it('--limit 0 follows the pages to the short one; the pages are cached for an hour', async () => {
    serveTrending();
    const r = await runIn(['trending', '-n', '0'], env);
    expect(ids(r.stdout)).toHaveLength(250);
    expect(server.requests).toHaveLength(3);
    const again = await runIn(['trending', '-n', '0', '--offline'], env);
    expect(again.stdout).toBe(r.stdout);
    const hourLater = await runIn(['trending', '-n', '0'], env, { now: new Date(NOW.getTime() + 61 * 60_000) });
    expect(hourLater.code).toBe(0);
    expect(server.requests).toHaveLength(6);
  });

  it("its cache entries are papers' own: listed by cache ls and removed by cache clear", async () => {
    serveTrending();
    await runIn(['trending', '-n', '150'], env);
    const ls = await runIn(['cache', 'ls'], env);
    expect(ls.stdout).toMatch(/trending:0/);
    expect(ls.stdout).toMatch(/trending:1/);
    await runIn(['cache', 'clear'], env);
    expect(readdirSync(env.PAPERS_CACHE_DIR!).filter((f) => f.startsWith('trending'))).toEqual([]);
  });

  it('follows pages until enough papers pass the filters', async () => {
    serveTrending();
    const r = await runIn(['trending', '-g', 'diffusion', '-n', '20'], env);
    const got = ids(r.stdout);
    expect(got).toHaveLength(20);
    expect(got).toEqual(
      items
        .filter((_, i) => i % 7 === 0)
        .slice(0, 20)
        .map((i) => (i.paper as { id: string }).id),
    );
    expect(server.requests).toHaveLength(2);
  });

  it('an explicit --sort applies; the sort setting does not', async () => {
    serveTrending();
    await runIn(['config', 'set', 'sort', 'comments'], env);
    const plain = await runIn(['trending', '-n', '3'], env);
    expect(ids(plain.stdout)).toEqual(items.slice(0, 3).map((i) => (i.paper as { id: string }).id));
    // Forms the fast parser leaves to commander, which must not impose a default sort either.
    const viaCommander = await runIn(['trending', '-n3', '--reverse'], env);
    expect(ids(viaCommander.stdout)).toEqual(
      items
        .slice(0, 100)
        .reverse()
        .slice(0, 3)
        .map((i) => (i.paper as { id: string }).id),
    );
    const sorted = await runIn(['trending', '-n', '3', '--sort', 'upvotes', '--json'], env);
    const ups = JSON.parse(sorted.stdout).map((p: { upvotes: number }) => p.upvotes);
    expect(ups).toEqual([...ups].sort((a, b) => b - a));
    expect(ups[0]).toBe(100);
  });

  it('takes every format: a feed titled as the trending list', async () => {
    serveTrending();
    const r = await runIn(['trending', '-n', '2', '--format', 'rss'], env);
    expect(r.stdout).toContain('<title>Hugging Face trending papers</title>');
    expect(r.stdout).toContain('<link>https://huggingface.co/papers/trending</link>');
  });

  it('offline with nothing cached: exit 1 saying so', async () => {
    const r = await runIn(['trending', '--offline'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nothing cached for the trending list/);
  });
});
