import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseListOptions } from '../../src/core/listOptions.js';
import { loadPeriod } from '../../src/sources/period.js';
import { parseWeek, parseMonth } from '../../src/core/period.js';
import { addDays } from '../../src/core/dates.js';
import { tempDirs } from '../helpers/cli.js';
import { testContext } from '../helpers/context.js';
import { dayItems, FakeHf } from '../helpers/server.js';

let server: FakeHf;
let dirs: ReturnType<typeof tempDirs>;
beforeAll(async () => {
  server = new FakeHf();
  await server.start();
});
afterAll(() => server.stop());
beforeEach(() => {
  server.days.clear();
  server.requests = [];
  server.delay = 0;
  server.maxInFlight = 0;
  dirs = tempDirs();
});
afterEach(() => dirs.cleanup());

const env = () => ({ PAPERS_API_URL: server.url, PAPERS_CACHE_DIR: dirs.cache, PAPERS_CONFIG_DIR: dirs.config, PAPERS_DATA_DIR: dirs.data });
const opts = parseListOptions({});

describe('loadPeriod', () => {
  it('builds a W53 week from its days, which HF does not serve as a week', async () => {
    // A clock in January 2027, so that 2026-W53 (Dec 28 to Jan 3) is in the past.
    const { ctx } = testContext(env(), new Date('2027-01-10T12:00:00Z'));
    for (let i = 0; i < 7; i++) {
      const day = addDays('2026-12-28', i);
      server.days.set(day, dayItems(day, i + 1, i));
    }
    const papers = await loadPeriod(ctx, parseWeek('2026-W53', '2027-01-10'), opts);
    expect(papers).toHaveLength(1 + 2 + 3 + 4 + 5 + 6 + 7);
    expect(new Set(papers.map((p) => p.id)).size).toBe(28);
    expect(server.requests.every((r) => r.includes('date='))).toBe(true);
    expect(server.requests).toHaveLength(7);
    expect(server.maxInFlight).toBeLessThanOrEqual(4);
    await ctx.close();
  });

  it('fetches a month page by page, at most 4 requests at once, losing and duplicating nothing', async () => {
    const { ctx } = testContext(env(), new Date('2026-11-28T12:00:00Z'));
    for (let d = 1; d <= 30; d++) {
      const day = `2026-10-${String(d).padStart(2, '0')}`;
      server.days.set(day, dayItems(day, 45, d));
    }
    server.delay = 60;
    const papers = await loadPeriod(ctx, parseMonth('2026-10', '2026-11-28'), opts);
    expect(papers).toHaveLength(30 * 45);
    expect(new Set(papers.map((p) => p.id)).size).toBe(1350);
    // 1350 papers are 14 pages: 4 in flight at once, and at most 3 asked for past the short page 13.
    expect(server.requests.every((r) => r.includes('month=2026-10'))).toBe(true);
    const pages = server.requests.map((r) => Number(new URL(r, server.url).searchParams.get('p')));
    expect(pages.slice(0, 14).sort((a, b) => a - b)).toEqual(Array.from({ length: 14 }, (_, p) => p));
    expect(Math.max(...pages)).toBeLessThanOrEqual(16);
    expect(server.maxInFlight).toBe(4);
    await ctx.close();
  });
});
