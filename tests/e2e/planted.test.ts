// Issue 13, section 5: planted special files, directories that are not what they should be and valid
// JSON of the wrong types never hang, exhaust memory or crash. One test per attack, against planted
// files in temporary directories (a read-only tmpfs needs root; the test skips, saying so, without).
import { beforeEach, describe, expect, it } from 'vitest';
import { addDays, nyDay } from '../../src/core/dates.js';
import type { tempDirs } from '../helpers/cli.js';
import { NOW, TODAY } from '../helpers/clock.js';
import { bigItems, useMounts } from '../helpers/disk.js';
import { useHarness } from '../helpers/harness.js';
import { tsvIds as ids } from '../helpers/tsv.js';
import { runBounded, runIn } from '../helpers/inProcess.js';
import { makePaper } from '../helpers/papers.js';
import type { FakeHf } from '../helpers/server.js';
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const day = addDays(TODAY, -1);
let server: FakeHf;
let dirs: ReturnType<typeof tempDirs>;
let env: NodeJS.ProcessEnv;
useHarness((h) => ({ server, dirs, env } = h));
const mountTmpfs = useMounts();

beforeEach(() => {
  server.days.set(day, bigItems(day, 4));
});

describe('planted special files', () => {
  const LIMIT = 20_000;

  it('last-list.ids as a link to /dev/zero or a FIFO: show 1, completion ids and lists never hang', async () => {
    mkdirSync(dirs.cache, { recursive: true });
    const rows = path.join(dirs.cache, 'last-list.ids');
    for (const plantRows of [() => symlinkSync('/dev/zero', rows), () => execFileSync('mkfifo', [rows])]) {
      rmSync(rows, { force: true });
      plantRows();
      const show = await runBounded(['show', '1'], env, LIMIT);
      expect(show.hung).toBe(false);
      expect(show.code).toBe(2);
      expect(show.stderr).toMatch(/^papers: no list to take row 1 from$/m);
      const ids = await runBounded(['completion', 'ids'], env, LIMIT);
      expect(ids.hung).toBe(false);
      expect([ids.code, ids.stdout]).toEqual([0, '']);
    }
    // A list in a pipe does not hang on it either; a table on a terminal replaces it with its own row file.
    const list = await runBounded(['day', day], env, LIMIT);
    expect(list.hung).toBe(false);
    expect(list.code).toBe(0);
    expect((await runIn(['day', day], env, { columns: 80 })).code).toBe(0);
    expect(lstatSync(rows).isFile()).toBe(true);
    expect((await runBounded(['completion', 'ids'], env, LIMIT)).stdout).toBe('2611.00001\n2611.00002\n2611.00003\n2611.00004\n');
  });

  it('a FIFO named like a cache entry: day is served, the FIFO set aside', async () => {
    mkdirSync(dirs.cache, { recursive: true });
    const entry = path.join(dirs.cache, `day-${day}.json`);
    execFileSync('mkfifo', [entry]);
    const r = await runBounded(['day', day], env, LIMIT);
    expect(r.hung).toBe(false);
    expect(r.code).toBe(0);
    expect(ids(r.stdout)).toHaveLength(4);
    expect(r.stderr).toMatch(/the cache entry day-.*\.json was not a regular file \(a FIFO\); set aside as day-.*\.json\.corrupt-1/);
    expect(lstatSync(entry).isFile()).toBe(true);
    expect(lstatSync(`${entry}.corrupt-1`).isFIFO()).toBe(true);
  });

  it('config.json as a FIFO, a link to /dev/zero or a directory: every kind of command ends', async () => {
    mkdirSync(dirs.config, { recursive: true });
    const file = path.join(dirs.config, 'config.json');
    const commands = [['day', day], ['saved'], ['config', 'list'], ['config', 'set', 'limit', '3'], ['save', '2611.00001']];
    const plants = [() => execFileSync('mkfifo', [file]), () => symlinkSync('/dev/zero', file), () => mkdirSync(file)];
    for (const plantConfig of plants) {
      for (const argv of commands) {
        rmSync(file, { force: true, recursive: true });
        plantConfig();
        const r = await runBounded(argv, env, LIMIT);
        expect(r.hung, argv.join(' ')).toBe(false);
        expect(r.code, `${argv.join(' ')}: ${r.stderr}`).toBe(0);
        expect(r.stderr).toMatch(/the settings file was (not a regular file \(a (FIFO|directory)\)|a symlink); set aside as config\.json\.corrupt-\d+/);
        expect(lstatSync(file).isFile()).toBe(true);
      }
    }
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ saved: [{ paper: { id: '2611.00001' } }] });
  });

  it('SIGTERM still ends papers once conf is loaded (a cache entry written, a request pending)', async () => {
    // A spawned CLI runs on the real clock: its today is this one, or the next if New York's midnight
    // passes before it starts; both are empty.
    // eslint-disable-next-line no-restricted-syntax -- the spawned CLI's clock
    const today = nyDay(new Date());
    const days = [today, addDays(today, 1)];
    // Today is empty, so `today` writes its entry through conf and then asks for the latest day, which never answers.
    for (const d of days) server.days.set(d, []);
    server.fault = (_req, _res, url) => (url.pathname === '/api/daily_papers' && !url.searchParams.has('date') ? true : false);
    const entries = days.map((d) => path.join(dirs.cache, `day-${d}.json`));
    const r = await runBounded(['today', '--timeout', '60000'], env, LIMIT, {
      onSpawn: (child) => {
        const poll = setInterval(() => {
          if (!entries.some((entry) => existsSync(entry))) return;
          clearInterval(poll);
          child.kill('SIGTERM');
        }, 20);
        child.on('close', () => clearInterval(poll));
      },
    });
    expect(r.hung).toBe(false);
    expect([r.signal, r.stderr]).toEqual(['SIGTERM', '']);
  });
});

describe('directories that are not what they should be', () => {
  it('PAPERS_CACHE_DIR that is a regular file: lists work with a warning, cache commands say so', async () => {
    writeFileSync(dirs.cache, 'a file');
    const list = await runIn(['day', day], env);
    expect(list.code).toBe(0);
    expect(ids(list.stdout)).toHaveLength(4);
    expect(list.stderr).toMatch(/warning: could not write the cache entry day-.*\.json \(a part of the path is not a directory\)/);
    for (const argv of [
      ['cache', 'ls'],
      ['cache', 'clear'],
    ]) {
      const r = await runIn(argv, env);
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/warning: the cache directory .* is not a directory; the cache is not used/);
    }
    expect(readFileSync(dirs.cache, 'utf8')).toBe('a file');
  });

  it('PAPERS_CONFIG_DIR that is a regular file: lists warn and use the defaults; saving is a plain exit 1', async () => {
    writeFileSync(dirs.config, 'a file');
    const list = await runIn(['day', day], env);
    expect(list.code).toBe(0);
    expect(list.stderr).toMatch(/warning: the settings directory .* is not a directory; using the default settings/);
    for (const argv of [
      ['config', 'set', 'limit', '3'],
      ['save', '2611.00001'],
    ]) {
      const r = await runIn(argv, env);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^papers: cannot write the settings: .*: a part of the path is not a directory$/m);
      expect(r.stderr).not.toMatch(/unexpected/);
    }
  });

  it('a read-only mount: settings exit 1 with the reason, the cache is a warning', async (t) => {
    const ro = mountTmpfs('ro,size=64k');
    if (ro.refused) t.skip(ro.refused);
    const e = { ...env, PAPERS_CONFIG_DIR: ro.dir, PAPERS_CACHE_DIR: ro.dir };
    const set = await runIn(['config', 'set', 'limit', '3'], e);
    expect(set.code).toBe(1);
    expect(set.stderr).toMatch(/^papers: cannot write the settings: .*: the file system is read-only$/m);
    const list = await runIn(['day', day], e);
    expect(list.code).toBe(0);
    expect(ids(list.stdout)).toHaveLength(4);
    expect(list.stderr).toMatch(/warning: could not write the cache entry .*the file system is read-only/);
  });

  it('a directory named like a cache entry is set aside with what it holds; the entry is written', async () => {
    const entry = path.join(dirs.cache, `day-${day}.json`);
    mkdirSync(entry, { recursive: true });
    writeFileSync(path.join(entry, 'inside.txt'), 'kept');
    const r = await runIn(['day', day], env);
    expect(r.code).toBe(0);
    expect(ids(r.stdout)).toHaveLength(4);
    expect(r.stderr).toMatch(/was not a regular file \(a directory\); set aside as day-.*\.json\.corrupt-1/);
    expect(readFileSync(path.join(`${entry}.corrupt-1`, 'inside.txt'), 'utf8')).toBe('kept');
    expect(lstatSync(entry).isFile()).toBe(true);
    // cache clear leaves a directory alone, whatever its name.
    await runIn(['cache', 'clear'], env);
    expect(readFileSync(path.join(`${entry}.corrupt-1`, 'inside.txt'), 'utf8')).toBe('kept');
  });

  it('a directory or a dangling link as the lock file never blocks saving', async () => {
    mkdirSync(dirs.config, { recursive: true });
    const lock = path.join(dirs.config, 'config.json.lock');
    const old = new Date(Date.now() - 3600_000);
    for (const [i, plantLock] of [() => mkdirSync(lock), () => symlinkSync(path.join(dirs.root, 'nowhere'), lock)].entries()) {
      plantLock();
      if (lstatSync(lock).isDirectory()) utimesSync(lock, old, old);
      const r = await runIn(['config', 'set', 'limit', String(i + 3)], env);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/config\.json\.lock was not a lock file papers made; set aside as config\.json\.lock\.corrupt-\d/);
      expect((await runIn(['config', 'get', 'limit'], env)).stdout).toBe(`${i + 3}\n`);
      expect(existsSync(lock)).toBe(false);
    }
  });
});

describe('valid JSON of the wrong types', () => {
  const entryOf = (data: unknown, fetchedAt: unknown = 1_000) => JSON.stringify({ v: 1, key: `day:${day}`, fetchedAt, data });
  const paper = makePaper('2611.00009', { day });
  const hostile: [string, string][] = [
    ['data "oops"', entryOf('oops')],
    ['data {"length":3}', entryOf({ length: 3 })],
    ['keywords "kw"', entryOf([{ ...paper, keywords: 'kw' }])],
    ['authors [1]', entryOf([{ ...paper, authors: [1] }])],
    ['fetchedAt 1e300', entryOf([paper], 1e300)],
    ['an escape sequence in upvotes', entryOf([{ ...paper, upvotes: '\u001b]52;c;cHduZWQ=\u0007' }])],
    ['an escape sequence in day', entryOf([{ ...paper, day: '\u001b[2J' }])],
    ['a null paper', entryOf([null])],
    ['a paper without a title', entryOf([{ ...paper, title: undefined }])],
  ];

  it.each(hostile)('a cached day with %s is set aside, never a crash or garbage rows', async (_what, text) => {
    mkdirSync(dirs.cache, { recursive: true });
    const file = path.join(dirs.cache, `day-${day}.json`);
    writeFileSync(file, text);
    const offline = await runIn(['day', day, '--offline'], env);
    expect(offline.code).toBe(1);
    expect(offline.stderr).toMatch(/set aside as day-.*\.json\.corrupt-1/);
    expect(offline.stderr).toMatch(/^papers: nothing cached for the list of/m);
    expect(offline.stdout).toBe('');
    expect(readFileSync(`${file}.corrupt-1`, 'utf8')).toBe(text);
    const online = await runIn(['day', day], env);
    expect(online.code).toBe(0);
    expect(ids(online.stdout)).toEqual(['2611.00001', '2611.00002', '2611.00003', '2611.00004']);
  });

  it('cache ls lists around an entry with fetchedAt 1e300 instead of crashing', async () => {
    mkdirSync(dirs.cache, { recursive: true });
    writeFileSync(path.join(dirs.cache, `day-${day}.json`), entryOf([paper], 1e300));
    const r = await runIn(['cache', 'ls'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/set aside/);
  });

  it('a cached paper of the wrong shape is set aside and looked up again', async () => {
    mkdirSync(dirs.cache, { recursive: true });
    writeFileSync(
      path.join(dirs.cache, 'paper-2611.00042.json'),
      JSON.stringify({ v: 1, key: 'paper:2611.00042', fetchedAt: NOW.getTime(), data: { title: 3 } }),
    );
    server.papers.set('2611.00042', { id: '2611.00042', title: 'The real one', authors: [] });
    const r = await runIn(['show', '2611.00042', '--json'], env);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ id: '2611.00042', title: 'The real one' });
    expect(r.stderr).toMatch(/paper-2611\.00042\.json was not a cache entry of the right shape; set aside/);
  });

  it('reading-list entries of the wrong types are left out with a warning and kept in a backup at the next write', async () => {
    mkdirSync(dirs.config, { recursive: true });
    const file = path.join(dirs.config, 'config.json');
    const good = { paper: makePaper('2611.00005'), savedAt: '2026-11-20T00:00:00.000Z' };
    const text = JSON.stringify({
      settings: {},
      saved: [
        good,
        { paper: { ...makePaper('2611.00006'), authors: [1] }, savedAt: '2026-11-20T00:00:00.000Z' },
        { paper: { ...makePaper('2611.00007'), upvotes: '\u001b[31m' }, savedAt: '2026-11-20T00:00:00.000Z' },
        { paper: makePaper('2611.00008'), savedAt: 5 },
      ],
    });
    writeFileSync(file, text);
    const saved = await runIn(['saved', '--fields', 'id,upvotes'], env);
    expect(saved.code).toBe(0);
    expect(saved.stdout).toBe('2611.00005\t0\n');
    expect(saved.stderr).toMatch(/config\.json: ignored 3 broken reading-list entries/);
    expect((await runIn(['config', 'set', 'limit', '4'], env)).stderr).toMatch(/set aside as config\.json\.corrupt-1, a copy of it is kept/);
    expect(readFileSync(`${file}.corrupt-1`, 'utf8')).toBe(text);
  });
});

describe('papers read of deeply nested JSON', () => {
  it('200,000 arrays deep: the one-line feed error, exit 1', async () => {
    const file = path.join(dirs.root, 'deep.json');
    writeFileSync(file, `{"papers": ${'['.repeat(200_000)}${']'.repeat(200_000)}}`);
    const r = await runIn(['read', file], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^papers: .*deep\.json: not a feed I can read \(a JSON array without papers\)$/m);
    expect(r.stderr).not.toMatch(/stack|unexpected/i);
  });
});
