import { describe, expect, it } from 'vitest';
import { useHarness } from '../helpers/harness.js';
import { runPapers } from '../helpers/run.js';
import { hfItem, type FakeHf } from '../helpers/server.js';

let server: FakeHf;
let env: NodeJS.ProcessEnv;
useHarness((h) => ({ server, env } = h));

const day = '2026-11-20';
const at = (iso: string) => ({ now: new Date(iso) });
const savedJson = async (...args: string[]) => JSON.parse((await runPapers(['saved', '--json', ...args], env)).stdout) as Record<string, unknown>[];

/** Saves three papers at three times: 00002 first, then 00003, then 00001. */
async function saveThree(): Promise<void> {
  server.days.set(day, [hfItem('2611.00001', day, 9), hfItem('2611.00002', day, 5), hfItem('2611.00003', day, 1)]);
  expect((await runPapers(['day', day], env, at('2026-11-21T10:00:00Z'))).code).toBe(0);
  await runPapers(['save', '2611.00002'], env, at('2026-11-21T11:00:00Z'));
  await runPapers(['save', '2611.00003'], env, at('2026-11-21T12:00:00Z'));
  await runPapers(['save', '2611.00001'], env, at('2026-11-21T13:00:00Z'));
}

describe('papers saved', () => {
  it('lists papers in the order they were saved, newest first, unless --sort says otherwise; the sort setting does not apply', async () => {
    await saveThree();
    const ids = async (...args: string[]) => (await savedJson(...args)).map((p) => p.id);
    expect(await ids()).toEqual(['2611.00001', '2611.00003', '2611.00002']);
    expect(await ids('--sort', 'saved', '--reverse')).toEqual(['2611.00002', '2611.00003', '2611.00001']);
    expect(await ids('--sort', 'upvotes')).toEqual(['2611.00001', '2611.00002', '2611.00003']);
    await runPapers(['config', 'set', 'sort', 'comments'], env);
    expect(await ids()).toEqual(['2611.00001', '2611.00003', '2611.00002']);
    // Piped TSV keeps the same order.
    const tsv = (await runPapers(['saved'], env)).stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split('\t')[3]);
    expect(tsv).toEqual(['2611.00001', '2611.00003', '2611.00002']);
  });

  it('has savedAt (ISO 8601) as its last JSON field, and --fields savedAt; no other list has it', async () => {
    await saveThree();
    const [first] = await savedJson();
    expect(Object.keys(first!).at(-1)).toBe('savedAt');
    expect(first!.savedAt).toBe('2026-11-21T13:00:00.000Z');
    const picked = (await runPapers(['saved', '--fields', 'id,savedAt', '--format', 'csv'], env)).stdout;
    expect(picked.split('\r\n')[1]).toBe('2611.00001,2026-11-21T13:00:00.000Z');
    const day1 = JSON.parse((await runPapers(['day', day, '--json', '--offline'], env)).stdout)[0];
    expect(day1).not.toHaveProperty('savedAt');
    const bad = await runPapers(['day', day, '--fields', 'id,savedAt'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("not 'savedAt'");
    const badSort = await runPapers(['day', day, '--sort', 'saved'], env);
    expect(badSort.code).toBe(2);
    // config set sort saved is refused: it means nothing on other lists.
    expect((await runPapers(['config', 'set', 'sort', 'saved'], env)).code).toBe(2);
  });

  it('saving again keeps the place and the date', async () => {
    await saveThree();
    await runPapers(['save', '2611.00002'], env, at('2026-11-22T09:00:00Z'));
    const list = await savedJson();
    expect(list.map((p) => p.id)).toEqual(['2611.00001', '2611.00003', '2611.00002']);
    expect(list[2]!.savedAt).toBe('2026-11-21T11:00:00.000Z');
  });

  it('shows the upvotes of a cached list fetched after the paper was saved, never older ones, without the network', async () => {
    await saveThree();
    // The day's list, fetched again later with more upvotes for 2611.00002.
    server.days.set(day, [hfItem('2611.00001', day, 9), hfItem('2611.00002', day, 50, 7), hfItem('2611.00003', day, 1)]);
    expect((await runPapers(['day', day, '--refresh'], env, at('2026-11-23T10:00:00Z'))).code).toBe(0);
    server.fault = (_req, res) => void res.destroy();
    const list = await savedJson();
    const two = list.find((p) => p.id === '2611.00002')!;
    expect([two.upvotes, two.comments]).toEqual([50, 7]);
    expect((await savedJson('--sort', 'upvotes'))[0]!.id).toBe('2611.00002');
    // Saved again after that fetch: the list's counts are older than the paper's saved data, which wins.
    server.fault = undefined;
    server.days.set(day, [hfItem('2611.00002', day, 60, 8)]);
    server.papers.set('2611.00002', hfItem('2611.00002', day, 61, 9).paper as Record<string, unknown>);
    await runPapers(['save', '2611.00002', '--refresh'], env, at('2026-11-24T10:00:00Z'));
    const again = (await savedJson()).find((p) => p.id === '2611.00002')!;
    expect(again.upvotes).toBe(61);
  });

  it('lists saved as a sort key and savedAt as a field in its help, and only there', async () => {
    const help = (await runPapers(['saved', '--help'], env)).stdout.replace(/\s+/g, ' ');
    expect(help).toMatch(/default: saved, the order you saved them in, newest first/);
    expect(help).toMatch(/choices: [^)]*"saved"/);
    expect(help).toContain('watches, savedAt');
    const dayHelp = (await runPapers(['day', '--help'], env)).stdout;
    expect(dayHelp).not.toMatch(/"saved"|savedAt/);
  });
});
