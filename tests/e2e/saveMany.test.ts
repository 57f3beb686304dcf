import { describe, expect, it } from 'vitest';
import { useHarness } from '../helpers/harness.js';
import { runIn } from '../helpers/inProcess.js';
import { hfItem, type FakeHf } from '../helpers/server.js';

let server: FakeHf;
let env: NodeJS.ProcessEnv;
useHarness((h) => ({ server, env } = h));

const day = '2026-11-20';
const savedIds = async () =>
  JSON.parse((await runIn(['saved', '--json', '--offline'], env)).stdout)
    .map((p: { id: string }) => p.id)
    .sort();

describe('save and unsave with several refs', () => {
  it('saves rows and ids in one go, and unsaves several', async () => {
    server.days.set(day, [hfItem('2611.00001', day, 9), hfItem('2611.00002', day, 5), hfItem('2611.00003', day, 1)]);
    // Row numbers are those of a table shown on a terminal.
    await runIn(['day', day], env, { columns: 80 });
    const r = await runIn(['save', '1', '3', '2611.00002'], env);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'papers: saved 2611.00001: Paper 2611.00001\npapers: saved 2611.00003: Paper 2611.00003\npapers: saved 2611.00002: Paper 2611.00002\n',
    );
    expect(await savedIds()).toEqual(['2611.00001', '2611.00002', '2611.00003']);
    const un = await runIn(['unsave', '2611.00001', '2611.00009', '2611.00002'], env);
    expect(un.stderr).toBe(
      'papers: removed 2611.00001 from the reading list\npapers: 2611.00009 is not in the reading list\npapers: removed 2611.00002 from the reading list\n',
    );
    expect(await savedIds()).toEqual(['2611.00003']);
  });

  it('saves a paper any cached list has without the network; else says it needs the network and saves nothing', async () => {
    server.days.set(day, [hfItem('2611.00001', day, 9)]);
    await runIn(['day', day], env);
    server.fault = (_req, res) => void res.destroy();
    const cachedOnly = await runIn(['save', '2611.00001', '--offline'], env);
    expect(cachedOnly.code).toBe(0);
    const both = await runIn(['save', '2611.00001', '2611.00042', '--offline'], env);
    expect(both.code).toBe(1);
    expect(both.stderr).toMatch(/^papers: cannot save 2611\.00042: it is not in the cache, and looking it up needs the network/);
    const online = await runIn(['save', '2611.00042', '--timeout', '2000'], env);
    expect(online.code).toBe(1);
    expect(online.stderr).toMatch(/cannot save 2611\.00042: it is not in the cache/);
    expect(await savedIds()).toEqual(['2611.00001']);
  });

  it('keeps only the list fields in the reading list, not the linked repositories show looked up', async () => {
    server.papers.set('2611.00042', { ...(hfItem('2611.00042', day, 4).paper as object), linkedModels: [{ id: 'a/b', likes: 1 }], numTotalModels: 1 });
    expect((await runIn(['show', '2611.00042', '--json'], env)).stdout).toContain('"numTotalModels":1');
    await runIn(['save', '2611.00042'], env);
    const store = JSON.parse((await import('node:fs')).readFileSync(`${env.PAPERS_CONFIG_DIR}/config.json`, 'utf8'));
    expect(store.saved[0].paper.id).toBe('2611.00042');
    expect(store.saved[0].paper.linked).toBeUndefined();
  });
});
