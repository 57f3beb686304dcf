import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadRenderers } from '../helpers/renderers.js';
import { addDays, weekday } from '../../src/core/dates.js';
import { widthOf } from '../../src/render/text.js';
import { runInPty, visible } from '../helpers/pty.js';
import { TODAY, runPapers } from '../helpers/run.js';
import { dayItems, type FakeHf, hfItem } from '../helpers/server.js';
import { useHarness } from '../helpers/harness.js';

// The test measures what it sees with the renderers' widthOf.
beforeAll(loadRenderers);

const day = addDays(TODAY, -1);
let server: FakeHf;
let env: NodeJS.ProcessEnv;
useHarness((h) => ({ server, env } = h));
beforeEach(() => {
  server.days.set(day, [
    ...dayItems(day, 20),
    hfItem('2611.09999', day, 999, 9, '大规模语言模型的稀疏注意力研究 🚀 with a very long English tail that must be cut somewhere'),
  ]);
});

/** The table as a person sees it on a terminal this wide: every line fits, the long title is cut, not TSV. */
function expectTableFits(r: { code: number | null; stdout: string }, columns: number): void {
  expect(r.code).toBe(0);
  const lines = visible(r.stdout)
    .split('\n')
    .filter((l) => l.trim() !== '');
  const table = lines.slice(lines.findIndex((l) => /^\s*#\s+▲/.test(l)));
  expect(table.length).toBe(22);
  // Never seen before (a fresh data directory): every row is marked new.
  expect(table[1]).toMatch(/^•\s+1\s+999\s+/);
  expect(table[1]).toContain('大规模');
  for (const line of table) expect(widthOf(line)).toBeLessThanOrEqual(columns);
  if (columns < 160) expect(table[1]).toMatch(/…$/);
  // Not TSV.
  expect(r.stdout).not.toContain('\t');
}

describe('on a terminal', () => {
  for (const columns of [40, 80, 160]) {
    it(`prints a table that fits ${columns} columns (stdout a terminal of that width)`, async () => {
      expectTableFits(await runPapers(['day', day], env, { tty: { columns, rows: 50 } }), columns);
    });
  }

  it('prints a table that fits a real pseudo-terminal of 40 columns', async () => {
    expectTableFits(await runInPty(['day', day], env, 40), 40);
  });

  it('says over the table which list it is and how many of how many are shown', async () => {
    const tty = { tty: { columns: 100, rows: 50 } };
    const all = visible((await runPapers(['day', day], env, tty)).stdout).split('\n');
    const heading = `Daily Papers of ${weekday(day).slice(0, 3)} ${day}`;
    // The first table shows every paper new; the second none (the first marked them seen).
    expect(all.find((l) => l.trim() !== '')).toBe(`${heading} · 21 papers, 21 new`);
    const five = visible((await runPapers(['day', day, '-n', '5'], env, tty)).stdout).split('\n');
    expect(five.find((l) => l.trim() !== '')).toBe(`${heading} · 5 of 21 papers`);
    // Piped, the table has no such line: stdout is data.
    const piped = await runPapers(['day', day, '--format', 'table', '--offline'], env);
    expect(piped.stdout.split('\n')[0]).toMatch(/^\s*#\s+▲/);
  });

  it('counts the new papers and those a watch matches in the line over the table', async () => {
    const tty = { tty: { columns: 100, rows: 50 } };
    const heading = `Daily Papers of ${weekday(day).slice(0, 3)} ${day}`;
    // Five seen in a first table; then a watch on every paper with at least one upvote.
    await runPapers(['day', day, '-n', '5'], env, tty);
    await runPapers(['watch', 'add', 'liked', '--min-upvotes', '1'], env);
    const json = JSON.parse((await runPapers(['day', day, '--json', '--offline'], env)).stdout) as { watches: string[] }[];
    const watched = json.filter((p) => p.watches.length > 0).length;
    expect(watched).toBeGreaterThan(0);
    const lines = visible((await runPapers(['day', day, '--offline'], env, tty)).stdout).split('\n');
    expect(lines.find((l) => l.trim() !== '')).toBe(`${heading} · 21 papers, 16 new, ${watched} watched`);
  });

  it('gives lists of several days a day column, and drops the columns an arXiv feed never fills', async () => {
    const tty = { tty: { columns: 120, rows: 50 } };
    const other = addDays(day, -1);
    server.days.set(other, dayItems(other, 2, 7));
    const search = visible((await runPapers(['search', 'paper', '-n', '0'], env, tty)).stdout).split('\n');
    const header = search.find((l) => /^\s*#\s/.test(l))!;
    expect(header).toMatch(/\bday\b/);
    const atom = visible((await runPapers(['read', 'fixtures/arxiv/query-current.xml'], env, tty)).stdout).split('\n');
    const atomHeader = atom.find((l) => /^\s*#\s/.test(l))!;
    expect(atomHeader).not.toContain('▲');
    expect(atomHeader).not.toContain('cmt');
    expect(atomHeader).toMatch(/\bday\b/);
  });

  it('colours the table, and shows the spinner on stderr only while fetching, then restores the cursor', async () => {
    // A slow server, so that the spinner has time to show.
    server.fault = () => new Promise((resolve) => setTimeout(() => resolve(false), 600));
    const r = await runInPty(['day', day], env, 80);
    server.fault = undefined;
    expect(r.stdout).toMatch(/\x1b\[3\dm/);
    const tableStart = r.stdout.indexOf('\x1b[2m#');
    expect(r.stdout.slice(0, tableStart)).toContain('fetching');
    // ora hides the cursor while spinning and shows it again before the table is printed.
    expect(r.stdout.slice(0, tableStart)).toContain('\x1b[?25l');
    expect(r.stdout.lastIndexOf('\x1b[?25h')).toBeGreaterThan(r.stdout.lastIndexOf('\x1b[?25l'));
    expect(visible(r.stdout.slice(tableStart))).not.toContain('fetching');
  });

  it('a terminal that reports 0 columns gets no spinner (ora would redraw forever) and an 80-column table', async () => {
    server.fault = () => new Promise((resolve) => setTimeout(() => resolve(false), 400));
    const r = await runInPty(['day', day, '--refresh'], env, 0);
    server.fault = undefined;
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('fetching');
    expect(r.stdout.length).toBeLessThan(20_000);
    for (const line of visible(r.stdout).split('\n')) expect(widthOf(line)).toBeLessThanOrEqual(80);
  });

  it('FORCE_COLOR turns colour on even where it would be off (TERM=dumb, a pipe)', async () => {
    const dumb = await runPapers(['day', day], { ...env, TERM: 'dumb', FORCE_COLOR: '1' }, { tty: { columns: 80, rows: 50 } });
    expect(dumb.stdout).toMatch(/\x1b\[3\dm/);
    const piped = await runPapers(['day', day, '--format', 'table'], { ...env, FORCE_COLOR: '1' });
    expect(piped.stdout).toMatch(/\x1b\[3\dm/);
    const plainPipe = await runPapers(['day', day, '--format', 'table', '--offline'], env);
    expect(plainPipe.stdout).not.toMatch(/\x1b\[/);
  });

  it('prints no colour with NO_COLOR or TERM=dumb, the spinner included, and no spinner with TERM=dumb', async () => {
    // A slow server, so that the spinner shows and must be colourless too.
    server.fault = () => new Promise((resolve) => setTimeout(() => resolve(false), 400));
    const noColor = await runInPty(['day', day, '--refresh'], { ...env, NO_COLOR: '1' }, 80);
    expect(noColor.stdout).not.toMatch(/\x1b\[[0-9;]*m/);
    expect(noColor.stdout).toContain('fetching');
    const dumb = await runInPty(['day', day, '--refresh'], { ...env, TERM: 'dumb' }, 80);
    expect(dumb.stdout).not.toMatch(/\x1b\[[0-9;]*m/);
    expect(dumb.stdout).not.toContain('fetching');
    server.fault = undefined;
  });

  it('prints no colour with --no-color', async () => {
    const coloured = await runPapers(['day', day], env, { tty: { columns: 80, rows: 50 } });
    expect(coloured.stdout).toMatch(/\x1b\[3\dm/);
    const flag = await runPapers(['day', day, '--no-color'], env, { tty: { columns: 80, rows: 50 } });
    expect(flag.stdout).not.toMatch(/\x1b\[[0-9;]*m/);
  });
});
