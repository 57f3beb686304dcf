import { execFileSync } from 'node:child_process';
import { closeSync, constants, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli, type tempDirs } from '../helpers/cli.js';
import { useHarness } from '../helpers/harness.js';
import { Interrupt } from '../../src/cli/interrupt.js';
import { runIn, runInTo } from '../helpers/inProcess.js';
import { visible } from '../helpers/pty.js';
import { hfItem, weekdayDays, type FakeHf } from '../helpers/server.js';

// Friday 2026-11-27, noon in New York; Monday 2026-11-30, 10:00 there.
const FRI = new Date('2026-11-27T17:00:00Z');
const MON = new Date('2026-11-30T15:00:00Z');

let server: FakeHf;
let dirs: ReturnType<typeof tempDirs>;
let env: NodeJS.ProcessEnv;
useHarness((h) => ({ server, dirs, env } = h));
beforeEach(() => {
  for (const [day, items] of weekdayDays('2026-11-09', '2026-11-30')) server.days.set(day, items);
});

const ids = (stdout: string): string[] => (JSON.parse(stdout) as { id: string }[]).map((p) => p.id).sort();
const of = (day: string, ...i: number[]): string[] => i.map((n) => `${day.slice(2, 4)}${day.slice(5, 7)}.${day.slice(8)}0${String(n).padStart(2, '0')}`);
const marksFile = () => path.join(dirs.data, 'marks.json');

describe('papers new', () => {
  it('first run: the latest day; again: nothing new; days later: only what came since', async () => {
    const first = await runIn(['new', '--json'], env, FRI);
    expect(first.code).toBe(0);
    expect(ids(first.stdout)).toEqual(of('2026-11-27', 0, 1, 2));
    expect(first.stderr).toMatch(/3 new papers: 3 from Fri 2026-11-27/);
    const again = await runIn(['new', '--json'], env, FRI);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('[]\n');
    const table = await runIn(['new'], env, FRI);
    expect(table.stderr).toMatch(/nothing new since Fri 2026-11-27/);
    const monday = await runIn(['new', '--json'], env, MON);
    expect(ids(monday.stdout)).toEqual(of('2026-11-30', 0, 1, 2));
    expect(monday.stderr).toMatch(/3 new papers: 3 from Mon 2026-11-30/);
    expect(JSON.parse(readFileSync(marksFile(), 'utf8')).newThrough).toBe('2026-11-30');
  });

  it('--since sets the first day, --peek marks nothing, and every list option applies', async () => {
    const peek = await runIn(['new', '--since', '-4', '--peek', '--json'], env, FRI);
    expect(ids(peek.stdout)).toHaveLength(15);
    expect(peek.stderr).toMatch(
      /15 new papers: 3 from Mon 2026-11-23, 3 from Tue 2026-11-24, 3 from Wed 2026-11-25, 3 from Thu 2026-11-26, 3 from Fri 2026-11-27/,
    );
    expect(existsSync(marksFile())).toBe(false);
    const top = await runIn(['new', '--since', '2026-11-23', '--sort', 'upvotes', '-n', '2', '--format', 'tsv', '--fields', 'id,upvotes'], env, FRI);
    expect(top.stdout).toBe(`${of('2026-11-27', 2)[0]}\t47\n${of('2026-11-26', 2)[0]}\t46\n`);
    const rest = await runIn(['new', '--since', '-4', '--json'], env, FRI);
    expect(ids(rest.stdout)).toHaveLength(13);
    expect((await runIn(['new', '--since', '-4', '--json'], env, FRI)).stdout).toBe('[]\n');
    const tooOld = await runIn(['new', '--since', '2026-11-01'], env, FRI);
    expect(tooOld.code).toBe(2);
    expect(tooOld.stderr).toMatch(/at most 14 days back/);
  });

  it('fetches at most 4 days at once, and a run that fails midway marks nothing', async () => {
    server.delay = 30;
    server.fault = (_req, res, url) => {
      if (url.searchParams.get('date') !== '2026-11-25') return false;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"error": "broken"}');
    };
    const failed = await runIn(['new', '--since', '-10', '--json'], env, FRI);
    expect(failed.code).toBe(1);
    expect(server.maxInFlight).toBeLessThanOrEqual(4);
    expect(server.maxInFlight).toBeGreaterThan(1);
    expect(existsSync(marksFile())).toBe(false);
    server.fault = undefined;
    expect(ids((await runIn(['new', '--since', '-10', '--json'], env, FRI)).stdout)).toHaveLength(27);
  });

  it('a run whose output could not be written in full (a full disk, a closed pipe) marks nothing: the papers stay new', async () => {
    // stdout on /dev/full: every write fails (no space left), as a full disk under `papers new > file` would.
    const full = openSync('/dev/full', 'w');
    try {
      const r = await runInTo(['new', '--json'], env, full, FRI);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^papers: could not write the output: no space left on the device$/m);
    } finally {
      closeSync(full);
    }
    expect(existsSync(marksFile())).toBe(false);
    // A reader that went away (`papers new | head -1` after head exits): the write meets a closed pipe,
    // which ends the output quietly, and still marks nothing.
    const fifo = path.join(dirs.root, 'closed-pipe');
    execFileSync('mkfifo', [fifo]);
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    const writer = openSync(fifo, 'w');
    closeSync(reader);
    try {
      expect((await runInTo(['new', '--json'], env, writer, FRI)).code).toBe(0);
    } finally {
      closeSync(writer);
    }
    expect(existsSync(marksFile())).toBe(false);
    const again = await runIn(['new', '--json'], env, FRI);
    expect(ids(again.stdout)).toEqual(of('2026-11-27', 0, 1, 2));
  });

  it('Ctrl-C while the days are fetched marks nothing', async () => {
    server.delay = 2000;
    const interrupt = new Interrupt();
    const running = runIn(['new', '--since', '-4', '--json'], env, FRI, false, interrupt);
    const started = Date.now();
    while (server.requests.length === 0 && Date.now() - started < 10_000) await new Promise((r) => setTimeout(r, 10));
    interrupt.abort();
    const r = await running;
    expect(r.code).toBe(130);
    expect(r.stdout).toBe('');
    expect(existsSync(marksFile())).toBe(false);
  });

  it('a cached day whose every paper is seen is not parsed again; a paper added to it, --refresh and --offline still count', async () => {
    expect(ids((await runIn(['new', '--since', '-4', '--json'], env, FRI)).stdout)).toHaveLength(15);
    const spared = (stderr: string) => [...stderr.matchAll(/the list of (\S+): .*every paper in it seen \(not parsed\)/g)].map((m) => m[1]);
    const again = await runIn(['new', '--since', '-4', '--json', '--verbose'], env, FRI);
    expect(again.stdout).toBe('[]\n');
    expect(spared(again.stderr)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27']);
    // Wednesday gains a paper; its refreshed entry (a piped list marks nothing) has one paper not seen.
    const added = of('2026-11-25', 7)[0]!;
    server.days.set('2026-11-25', [...server.days.get('2026-11-25')!, hfItem(added, '2026-11-25', 1)]);
    expect((await runIn(['day', '2026-11-25', '--refresh', '--json'], env, FRI)).code).toBe(0);
    const offline = await runIn(['new', '--since', '-4', '--json', '--verbose', '--offline', '--peek'], env, FRI);
    expect(ids(offline.stdout)).toEqual([added]);
    expect(spared(offline.stderr)).toEqual(['2026-11-23', '2026-11-24', '2026-11-26', '2026-11-27']);
    // --refresh asks for every day again, seen or not.
    server.requests = [];
    const refreshed = await runIn(['new', '--since', '-4', '--json', '--verbose', '--refresh'], env, FRI);
    expect(ids(refreshed.stdout)).toEqual([added]);
    expect(spared(refreshed.stderr)).toEqual([]);
    expect(new Set(server.requests.map((r) => new URL(r, 'http://x').searchParams.get('date'))).size).toBe(5);
  });

  it('--offline uses the cached days and names the others', async () => {
    expect((await runIn(['new', '--offline'], env, FRI)).code).toBe(1);
    await runIn(['day', '2026-11-24', '--json'], env, FRI);
    await runIn(['day', '2026-11-26', '--json'], env, FRI);
    server.requests = [];
    const r = await runIn(['new', '--since', '-4', '--offline', '--json'], env, FRI);
    expect(r.code).toBe(0);
    expect(ids(r.stdout)).toEqual([...of('2026-11-24', 0, 1, 2), ...of('2026-11-26', 0, 1, 2)]);
    expect(r.stderr).toMatch(/not in the cache.*Mon 2026-11-23, Wed 2026-11-25, Fri 2026-11-27/);
    expect(server.requests).toEqual([]);
    // The days it could not look at are looked at next time.
    expect(ids((await runIn(['new', '--json'], env, FRI)).stdout)).toEqual([
      ...of('2026-11-23', 0, 1, 2),
      ...of('2026-11-25', 0, 1, 2),
      ...of('2026-11-27', 0, 1, 2),
    ]);
  });
});

describe('seen and read marks', () => {
  it('a table on a terminal marks papers seen; piped and JSON runs do not', async () => {
    await runIn(['day', '2026-11-25', '--json'], env, FRI);
    await runIn(['day', '2026-11-25'], env, FRI);
    expect(ids((await runIn(['day', '2026-11-25', '--unseen', '--json'], env, FRI)).stdout)).toHaveLength(3);
    const shown = await runIn(['day', '2026-11-26'], env, FRI, true);
    expect(shown.stdout.split('\n').filter((l) => l.includes('•'))).toHaveLength(3);
    expect((await runIn(['day', '2026-11-26', '--unseen', '--json'], env, FRI)).stdout).toBe('[]\n');
    const again = await runIn(['day', '2026-11-26'], env, FRI, true);
    expect(again.stdout).not.toContain('•');
  });

  it('show and mark make papers read, mark --unread undoes it; read ones are dimmed', async () => {
    const [a, b, c] = of('2026-11-26', 0, 1, 2) as [string, string, string];
    await runIn(['day', '2026-11-26', '--json'], env, FRI);
    expect((await runIn(['show', a], env, FRI)).code).toBe(0);
    expect(ids((await runIn(['day', '2026-11-26', '--unread', '--json'], env, FRI)).stdout)).toEqual([b, c]);
    // A table on a terminal: the read paper's title is dimmed, the others are new.
    const table = await runIn(['day', '2026-11-26'], env, FRI, true);
    const row = table.stdout.split('\n').find((l) => l.includes(a))!;
    expect(row).toContain('\x1b[2mPaper 0 of 2026-11-26');
    expect(row).not.toContain('•');
    // Rows of that table are refs for mark.
    const rowOfB =
      table.stdout
        .split('\n')
        .filter((l) => /\d{4}\.\d{5}/.test(l))
        .findIndex((l) => l.includes(b)) + 1;
    expect((await runIn(['mark', String(rowOfB)], env, FRI)).code).toBe(0);
    expect(ids((await runIn(['day', '2026-11-26', '--unread', '--json'], env, FRI)).stdout)).toEqual([c]);
    const undo = await runIn(['mark', '--unread', a, `https://arxiv.org/abs/${b}v2`], env, FRI);
    expect(undo.stderr).toMatch(/marked 2 papers unread/);
    expect(ids((await runIn(['day', '2026-11-26', '--unread', '--json'], env, FRI)).stdout)).toEqual([a, b, c]);
    // Unread again, but still seen.
    expect(ids((await runIn(['day', '2026-11-26', '--unseen', '--json'], env, FRI)).stdout)).toEqual([]);
    expect((await runIn(['show', a, '--json'], env, FRI)).code).toBe(0);
    expect(ids((await runIn(['day', '2026-11-26', '--unread', '--json'], env, FRI)).stdout)).toEqual([a, b, c]);
  });

  it('open marks read when it opens the browser; --print does not', async () => {
    const [a, b] = of('2026-11-26', 0, 1) as [string, string];
    await runIn(['day', '2026-11-26', '--json'], env, FRI);
    const browser = { ...env, BROWSER: 'true' };
    expect((await runIn(['open', b, '--print'], browser, FRI)).stdout).toBe(`https://arxiv.org/abs/${b}\n`);
    const opened = await runIn(['open', a], browser, FRI);
    expect(opened.code).toBe(0);
    expect(opened.stderr).toMatch(/opened/);
    expect(ids((await runIn(['day', '2026-11-26', '--unread', '--json'], env, FRI)).stdout)).toEqual(of('2026-11-26', 1, 2));
  });

  it('new --peek on a terminal marks nothing; new on a terminal marks what it showed', async () => {
    const peek = await runIn(['new', '--since', '-1', '--peek'], env, FRI, true);
    expect(peek.stdout.split('\n').filter((l) => l.includes('•'))).toHaveLength(6);
    expect(existsSync(marksFile())).toBe(false);
    await runIn(['new', '--since', '-1'], env, FRI, true);
    expect((await runIn(['day', '2026-11-26', '--unseen', '--json'], env, FRI)).stdout).toBe('[]\n');
  });

  it('marks live in the data directory and survive cache clear', async () => {
    await runIn(['day', '2026-11-26'], env, FRI, true);
    await runIn(['mark', of('2026-11-26', 1)[0]!], env, FRI);
    expect((await runIn(['cache', 'clear'], env, FRI)).code).toBe(0);
    expect((await runIn(['day', '2026-11-26', '--unseen', '--json'], env, FRI)).stdout).toBe('[]\n');
    expect(ids((await runIn(['day', '2026-11-26', '--unread', '--json'], env, FRI)).stdout)).toEqual(of('2026-11-26', 0, 2));
    expect(existsSync(path.join(dirs.cache, 'marks.json'))).toBe(false);
  });

  it('a corrupt marks file is set aside with a warning, never a crash, and no backup is overwritten', async () => {
    mkdirSync(path.dirname(marksFile()), { recursive: true });
    writeFileSync(marksFile(), '{"version": 1, "seen": {');
    const listed = await runIn(['day', '2026-11-26', '--unseen', '--json'], env, FRI);
    expect(listed.code).toBe(0);
    expect(ids(listed.stdout)).toHaveLength(3);
    expect(listed.stderr).toMatch(/warning: the marks file marks\.json is not valid JSON/);
    const marked = await runIn(['mark', of('2026-11-26', 0)[0]!], env, FRI);
    expect(marked.code).toBe(0);
    expect(readFileSync(`${marksFile()}.corrupt`, 'utf8')).toBe('{"version": 1, "seen": {');
    expect(ids((await runIn(['day', '2026-11-26', '--unread', '--json'], env, FRI)).stdout)).toEqual(of('2026-11-26', 1, 2));
    writeFileSync(marksFile(), 'garbage again');
    expect((await runIn(['mark', of('2026-11-26', 1)[0]!], env, FRI)).code).toBe(0);
    expect(readFileSync(`${marksFile()}.corrupt`, 'utf8')).toBe('{"version": 1, "seen": {');
    expect(readFileSync(`${marksFile()}.corrupt.1`, 'utf8')).toBe('garbage again');
  });

  it('a data dir that cannot be written: a table still shows (with a warning), mark fails with exit 1', async () => {
    writeFileSync(path.join(dirs.root, 'not-a-dir'), '');
    const blocked = { ...env, PAPERS_DATA_DIR: path.join(dirs.root, 'not-a-dir', 'data') };
    const table = await runIn(['day', '2026-11-26'], blocked, FRI, true);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Paper 0 of 2026-11-26');
    expect(table.stderr).toMatch(/warning: could not record the marks: cannot write the marks in/);
    const mark = await runIn(['mark', of('2026-11-26', 0)[0]!], blocked, FRI);
    expect(mark.code).toBe(1);
    expect(mark.stderr).toMatch(/papers: cannot write the marks in .*ENOTDIR/);
  });

  it('eight marks at once lose nothing', async () => {
    const marked = Array.from({ length: 8 }, (_, i) => `2611.0020${i}`);
    const runs = await Promise.all(marked.map((id) => runCli(['mark', id], env)));
    expect(runs.map((r) => r.code)).toEqual(marked.map(() => 0));
    const file = JSON.parse(readFileSync(marksFile(), 'utf8')) as { read: Record<string, string[]> };
    expect(Object.values(file.read).flat().sort()).toEqual(marked);
  });
});

describe('watches and the author and organization filters', () => {
  it('add, ls and rm; every list object names its watches; --watched keeps them', async () => {
    expect((await runIn(['watch', 'add', 'agents', '--grep', 'agents'], env, FRI)).code).toBe(0);
    expect((await runIn(['watch', 'add', 'lab', '--org', 'lattice-lab', '--min-upvotes', '1'], env, FRI)).code).toBe(0);
    const list = JSON.parse((await runIn(['day', '2026-11-26', '--json'], env, FRI)).stdout) as { id: string; watches: string[] }[];
    expect(Object.fromEntries(list.map((p) => [p.id, p.watches]))).toEqual(
      Object.fromEntries([
        [of('2026-11-26', 0)[0], ['agents', 'lab']],
        [of('2026-11-26', 1)[0], []],
        [of('2026-11-26', 2)[0], ['lab']],
      ]),
    );
    expect(ids((await runIn(['day', '2026-11-26', '--watched', '--json'], env, FRI)).stdout)).toEqual(of('2026-11-26', 0, 2));
    const table = await runIn(['day', '2026-11-26'], env, FRI, true);
    expect(
      visible(table.stdout)
        .split('\n')
        .find((l) => l.includes('title')),
    ).toMatch(/ watch +title$/);
    const ls = await runIn(['watch', 'ls'], env, FRI);
    expect(ls.stdout).toBe('agents\t--grep "agents"\t1 in the cached last 7 days\nlab\t--org "lattice-lab" --min-upvotes 1\t2 in the cached last 7 days\n');
    const fresh = await runIn(['new', '--since', '-1', '--watched', '--json'], env, FRI);
    expect(ids(fresh.stdout)).toEqual([...of('2026-11-27', 0, 2)]);
    expect(fresh.stderr).toMatch(/2 new papers: 2 from Fri 2026-11-27; 2 match your watches/);
    expect((await runIn(['watch', 'rm', 'agents'], env, FRI)).code).toBe(0);
    expect((await runIn(['watch', 'ls'], env, FRI)).stdout).not.toMatch(/agents/);
    expect((await runIn(['watch', 'rm', 'agents'], env, FRI)).code).toBe(2);
  });

  it('refuses a bad name, a watch without rules and a bad pattern, with exit 2 and the reason', async () => {
    const bad = await runIn(['watch', 'add', 'Bad_Name', '--grep', 'x'], env, FRI);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not a watch name/);
    const empty = await runIn(['watch', 'add', 'empty'], env, FRI);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/no rule/);
    const pattern = await runIn(['watch', 'add', 'p', '--author', '('], env, FRI);
    expect(pattern.code).toBe(2);
    expect(pattern.stderr).toMatch(/--author '\(' is not a valid pattern/);
    expect((await runIn(['watch', 'add', `${'a'.repeat(33)}`, '--grep', 'x'], env, FRI)).code).toBe(2);
  });

  it('--author and --org match each author and the organization name or handle; repeats must all match', async () => {
    const day = ['day', '2026-11-26', '--json'];
    expect(ids((await runIn([...day, '--author', 'bo 1'], env, FRI)).stdout)).toEqual(of('2026-11-26', 1));
    expect(ids((await runIn([...day, '--author', 'ADA', '--author', 'bo [02]'], env, FRI)).stdout)).toEqual(of('2026-11-26', 0, 2));
    expect(ids((await runIn([...day, '--org', 'deep thought'], env, FRI)).stdout)).toEqual(of('2026-11-26', 1));
    expect(ids((await runIn([...day, '--org', '^lattice-lab$'], env, FRI)).stdout)).toEqual(of('2026-11-26', 0, 2));
    expect(ids((await runIn([...day, '--org', 'lattice', '--author', 'bo 2'], env, FRI)).stdout)).toEqual(of('2026-11-26', 2));
    expect((await runIn([...day, '--org', '('], env, FRI)).code).toBe(2);
  });
});
