// Issue 18, `cache ls` on a terminal: an aligned table of what each entry is, how old, fresh or
// stale by the cache rules, and its size, with the total last; piped, TSV with ISO 8601 UTC times.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import { widthOf } from '../../src/render/text.js';
import type { tempDirs } from '../helpers/cli.js';
import { NOW, TODAY } from '../helpers/clock.js';
import { useHarness } from '../helpers/harness.js';
import { runIn } from '../helpers/inProcess.js';
import { makePaper } from '../helpers/papers.js';
import { runInPty, visible } from '../helpers/pty.js';
import { loadRenderers } from '../helpers/renderers.js';
import { type FakeHf, hfItem } from '../helpers/server.js';

beforeAll(loadRenderers);

const HOUR = 3_600_000;
const day = addDays(TODAY, -1);
const old = addDays(TODAY, -30);
let server: FakeHf;
let dirs: ReturnType<typeof tempDirs>;
let env: NodeJS.ProcessEnv;
useHarness((h) => ({ server, dirs, env } = h));
beforeEach(() => {
  server.days.set(day, [hfItem('2611.00001', day, 3, 1, 'Diffusion, first'), hfItem('2611.00002', day, 9, 0, 'Second')]);
  server.days.set(old, [hfItem('2610.00001', old, 1, 0, 'Older')]);
});

/** An entry as papers writes it, fetched at `fetchedAt`, under its own file name. */
function plant(name: string, key: string, fetchedAt: number, data: unknown = []): void {
  mkdirSync(dirs.cache, { recursive: true });
  writeFileSync(path.join(dirs.cache, `${name}.json`), JSON.stringify({ v: 1, key, fetchedAt, data }));
}

const at = (ms: number) => new Date(NOW.getTime() + ms);
const SGR_DIM = /\x1b\[2m|\x1b\[22m/g;

describe('papers cache ls', () => {
  it('on a terminal: entries in words, their age by the run clock, fresh or stale by the cache rules, sizes aligned, the total last', async () => {
    expect((await runIn(['day', day], env)).code).toBe(0);
    expect((await runIn(['day', old], env, at(-8 * 24 * HOUR))).code).toBe(0);
    expect((await runIn(['search', 'diffusion'], env, at(-HOUR))).code).toBe(0);
    // Two hours on: yesterday's list (3 h) is still fresh, the search (3 h, fetched an hour before) is
    // not, nor the old day (7 days, fetched 8 days ago).
    const r = await runIn(['cache', 'ls'], env, { tty: { columns: 80 }, now: at(2 * HOUR) });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.replace(SGR_DIM, '').trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^entry +fetched +state +size$/);
    expect(lines[1]).toMatch(new RegExp(`^day ${day} +2 h ago +fresh +\\d+ B$`));
    expect(lines[2]).toMatch(/^search diffusion +3 h ago +stale +\d+ B$/);
    expect(lines[3]).toMatch(new RegExp(`^day ${old} +8 days ago +stale +\\d+ B$`));
    expect(lines[4]).toMatch(new RegExp(`^total: 3 entries, \\d\\.\\d KiB in ${dirs.cache}$`));
    // Aligned: each column starts where its header does; sizes end where the header does.
    for (const head of ['fetched', 'state']) {
      const column = lines[0]!.indexOf(head);
      for (const line of lines.slice(1, 4)) expect(line[column - 1], line).toBe(' ');
      for (const line of lines.slice(1, 4)) expect(line[column], line).not.toBe(' ');
    }
    expect(new Set(lines.slice(0, 4).map((l) => l.length)).size).toBe(1);
    // The header dim, and the stale rows: a person sees at once what a run would fetch again.
    const painted = r.stdout.split('\n');
    expect(painted[0]).toContain('\x1b[2mentry');
    expect(painted[1]).not.toContain('\x1b[2m');
    expect(painted[2]).toMatch(/^\x1b\[2msearch diffusion/);
  });

  it('names every kind of entry in words, and knows the lifetime of each', async () => {
    const now = NOW.getTime();
    plant(`day-${day}`, `day:${day}`, now - 10 * 60_000);
    plant(`latest-${TODAY}`, `latest:${TODAY}`, now - 5 * 60_000, day);
    plant('week-2026-W48', 'week:2026-W48', now - 20 * 60_000);
    plant('month-2026-11', 'month:2026-11', now - 30 * 60_000);
    plant('paper-2405.13956', 'paper:2405.13956', now - 2 * HOUR, makePaper('2405.13956'));
    plant('fulltext-2405.13956', 'fulltext:2405.13956', now - 3 * 24 * HOUR, '# The paper');
    plant('trending-0', 'trending:0', now - 40 * 60_000);
    plant('trending-1', 'trending:1', now - 70 * 60_000);
    const r = await runIn(['cache', 'ls'], env, { tty: { columns: 100 }, now: NOW });
    const rows = r.stdout
      .replace(SGR_DIM, '')
      .trimEnd()
      .split('\n')
      .slice(1, -1)
      .map((l) => l.split(/ {2,}/).slice(0, 3));
    expect(rows).toEqual([
      [`latest day, as of ${TODAY}`, '5 min ago', 'fresh'],
      [`day ${day}`, '10 min ago', 'fresh'],
      // The current week and month live as long as today's list: 10 minutes.
      ['week 2026-W48', '20 min ago', 'stale'],
      ['month 2026-11', '30 min ago', 'stale'],
      // Trending lives an hour, a paper a day, a paper's full text a week.
      ['trending page 1', '40 min ago', 'fresh'],
      ['trending page 2', '1 h ago', 'stale'],
      ['paper 2405.13956', '2 h ago', 'fresh'],
      ['full text 2405.13956', '3 days ago', 'fresh'],
    ]);
  });

  it('piped: TSV of the key, the fetch time in ISO 8601 UTC, the age and the size; the summary on stderr', async () => {
    expect((await runIn(['day', day], env)).code).toBe(0);
    expect((await runIn(['search', 'diffusion'], env, at(-HOUR))).code).toBe(0);
    const r = await runIn(['cache', 'ls'], env, at(2 * HOUR));
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').map((l) => l.split('\t').slice(0, 3))).toEqual([
      [`day:${day}`, NOW.toISOString(), '2 h ago'],
      ['search:diffusion', at(-HOUR).toISOString(), '3 h ago'],
      [''],
    ]);
    for (const line of r.stdout.trimEnd().split('\n')) expect(line).toMatch(/^[^\t]+\t\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\t[^\t]+\t\d+ B$/);
    expect(r.stderr).toMatch(new RegExp(`^papers: 2 entries, \\d\\.\\d KiB in ${dirs.cache}\\n$`));
  });

  it('an empty cache says so on stderr, and prints nothing, on a terminal and piped', async () => {
    for (const tty of [{ columns: 80 }, undefined]) {
      const r = await runIn(['cache', 'ls'], env, { tty, now: NOW });
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/the cache is empty \(/);
    }
  });

  it('hostile names: a key full of escape sequences prints clean, a file named with them is not listed', async () => {
    // A hashed name papers would write, with a key it did not: OSC, CSI, BEL, C1 and bidi controls.
    const key = 'search:\x1b]0;owned\x07diffusion \x1b[31mred\x1b[0m \x9b2J\u202eevil\u202c';
    plant('search_0123456789abcdef0123456789abcdef', key, NOW.getTime() - HOUR);
    plant(`day-${day}\x1b[2J\x07`, `day:${day}`, NOW.getTime());
    const shown = await runIn(['cache', 'ls'], env, { tty: { columns: 80 }, now: NOW });
    expect(shown.code).toBe(0);
    const plain = shown.stdout.replace(SGR_DIM, '');
    expect(plain).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
    expect(plain.split('\n')[1]).toMatch(/^search diffusion red evil +1 h ago +fresh +\d+ B$/);
    expect(plain).toMatch(/^total: 1 entry,/m);
    const piped = await runIn(['cache', 'ls'], env, NOW);
    expect(piped.stdout + piped.stderr).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
    expect(piped.stdout).toMatch(/^search:diffusion red evil\t/);
    // The planted file is not papers': listed nowhere, and left where it is.
    expect(readdirSync(dirs.cache)).toContain(`day-${day}\x1b[2J\x07.json`);
  });

  it('on a pseudo-terminal: the table fits the width, its columns line up, wide characters measured as shown', async () => {
    const now = Date.now();
    plant(`day-${day}`, `day:${day}`, now - 3 * HOUR - 60_000);
    plant('search_00112233445566778899aabbccddeeff', 'search:大规模 models', now - 20 * 60_000);
    plant('paper-2405.13956', 'paper:2405.13956', now - 26 * HOUR, makePaper('2405.13956'));
    for (const columns of [70, 40]) {
      const r = await runInPty(['cache', 'ls'], env, columns);
      expect(r.code).toBe(0);
      const lines = visible(r.stdout)
        .split('\n')
        .filter((l) => l.trim() !== '');
      expect(lines[0]).toMatch(/^entry +fetched +state +size$/);
      // At 70 columns every entry is whole; at 40 a long one is cut to fit, with `…`.
      const esc = (text: string) => text.replace(/[.]/g, '\\.');
      const entry = (text: string) => (columns === 70 ? esc(text) : `(?:${esc(text)}|${esc(text.slice(0, 4))}[^ ]*(?: [^ ]+)*…)`);
      expect(lines.find((l) => l.startsWith('search'))).toMatch(new RegExp(`^${entry('search 大规模 models')} +20 min ago +fresh +\\d+ B$`));
      expect(lines.find((l) => l.startsWith('day'))).toMatch(new RegExp(`^${entry(`day ${day}`)} +3 h ago +(fresh|stale) +\\d+ B$`));
      expect(lines.find((l) => l.startsWith('paper'))).toMatch(new RegExp(`^${entry('paper 2405.13956')} +26 h ago +stale +[\\d.]+ (B|KiB)$`));
      expect(lines.at(-1)).toMatch(/^total: 3 entries, [\d.]+ (B|KiB) in /);
      const table = lines.slice(0, -1);
      expect(new Set(table.map((l) => widthOf(l))).size, table.join('\n')).toBe(1);
      for (const line of table) expect(widthOf(line)).toBeLessThanOrEqual(columns);
    }
  });
});
