// Issue 13, sections 4 and 5: nothing is lost on a full disk or in a shared directory, and planted
// special files never hang, exhaust memory or crash. One test per attack, against planted files in
// temporary directories; a small tmpfs plays the full disk and the read-only mount (root only).
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addDays, nyDay } from '../../src/core/dates.js';
import type { tempDirs } from '../helpers/cli.js';
import { NOW, TODAY } from '../helpers/clock.js';
import { useHarness } from '../helpers/harness.js';
import { runBounded, runIn, runInTo } from '../helpers/inProcess.js';
import { makePaper } from '../helpers/papers.js';
import { type FakeHf, hfItem } from '../helpers/server.js';

const day = addDays(TODAY, -1);
let server: FakeHf;
let dirs: ReturnType<typeof tempDirs>;
let env: NodeJS.ProcessEnv;
useHarness((h) => ({ server, dirs, env } = h));

/** A day of papers whose abstracts are long enough that the settings and the entry are a few KiB each. */
function bigItems(n: number): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) => {
    const item = hfItem(`2611.0000${i + 1}`, day, 10 - i);
    (item.paper as Record<string, unknown>).summary = `Abstract ${i}. ${'lorem ipsum '.repeat(450)}`;
    return item;
  });
}

beforeEach(() => {
  server.days.set(day, bigItems(4));
});

/** The arXiv ids of a TSV list, in order. */
const ids = (tsv: string) =>
  tsv
    .trimEnd()
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split('\t').find((cell) => /^\d{4}\.\d{4,5}$/.test(cell)));

// --- mounts (root only) ---------------------------------------------------------------------------

const mounts: string[] = [];
/** Mounts a tmpfs; returns why not when this user may not mount (the test then skips, saying so). */
function mountTmpfs(options: string): { dir: string; refused: string | null } {
  const dir = mkdtempSync(path.join(tmpdir(), 'papers-mnt-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'pipe' });
    mounts.push(dir);
    return { dir, refused: null };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return { dir, refused: `mount is not permitted here (${String((error as { stderr?: unknown }).stderr ?? (error as Error).message).trim()})` };
  }
}
afterAll(() => {
  for (const dir of mounts) {
    try {
      execFileSync('umount', [dir], { stdio: 'pipe' });
    } catch {
      execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
    }
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Fills a file system so that only about `leave` bytes stay free. */
function fill(dir: string, leave: number): void {
  const spare = path.join(dir, 'spare');
  writeFileSync(spare, Buffer.alloc(leave));
  const fd = openSync(path.join(dir, 'filler'), 'w');
  const block = Buffer.alloc(4096, 1);
  try {
    for (;;) writeSync(fd, block);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
  rmSync(spare);
}

function unfill(dir: string): void {
  rmSync(path.join(dir, 'filler'), { force: true });
}

const temps = (dir: string) => readdirSync(dir).filter((n) => n.includes('.tmp'));

describe('a nearly full disk (a 64 KiB tmpfs)', () => {
  let disk: { dir: string; refused: string | null };
  beforeAll(() => {
    disk = mountTmpfs('size=64k');
  });

  it('save, unsave and config set fail with exit 1 and leave config.json as it was', async (t) => {
    if (disk.refused) t.skip(disk.refused);
    const e = { ...env, PAPERS_CONFIG_DIR: path.join(disk.dir, 'config') };
    expect((await runIn(['day', day], e)).code).toBe(0);
    for (const id of ['2611.00001', '2611.00002', '2611.00003']) expect((await runIn(['save', id], e)).code).toBe(0);
    const file = path.join(disk.dir, 'config', 'config.json');
    const before = readFileSync(file, 'utf8');
    // Room for a part of the new file only: the write comes up short.
    fill(disk.dir, 8192);
    try {
      for (const argv of [
        ['save', '2611.00004'],
        ['config', 'set', 'limit', '7'],
        ['unsave', '2611.00001'],
      ]) {
        const r = await runIn(argv, e);
        expect(r.code, argv.join(' ')).toBe(1);
        expect(r.stderr).toMatch(/^papers: could not write the settings file .*config\.json: no space left on the disk; nothing was changed$/m);
        expect(r.stderr).not.toMatch(/unexpected/);
        expect(readFileSync(file, 'utf8')).toBe(before);
        expect(temps(path.join(disk.dir, 'config'))).toEqual([]);
      }
      // Newest first: the order they were saved in, reversed.
      const saved = await runIn(['saved', '--fields', 'id'], e);
      expect(saved.stdout).toBe('2611.00003\n2611.00002\n2611.00001\n');
    } finally {
      unfill(disk.dir);
      rmSync(path.join(disk.dir, 'config'), { recursive: true, force: true });
    }
  });

  it('a cache entry that cannot be written whole is a warning; the old entry stays whole', async (t) => {
    if (disk.refused) t.skip(disk.refused);
    const cacheDir = path.join(disk.dir, 'cache');
    const e = { ...env, PAPERS_CACHE_DIR: cacheDir };
    expect((await runIn(['day', day], e)).code).toBe(0);
    const file = path.join(cacheDir, `day-${day}.json`);
    const before = readFileSync(file, 'utf8');
    server.days.set(day, bigItems(6));
    fill(disk.dir, 8192);
    try {
      const r = await runIn(['day', day, '--refresh'], e);
      expect(r.code).toBe(0);
      expect(ids(r.stdout)).toHaveLength(6);
      expect(r.stderr).toMatch(/warning: could not write the cache entry day-.*\.json \(no space left on the disk\); continuing without it/);
      expect(readFileSync(file, 'utf8')).toBe(before);
      expect(temps(cacheDir)).toEqual([]);
    } finally {
      unfill(disk.dir);
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('stdout on the full disk: exit 1 with a message, not a silent half document', async (t) => {
    if (disk.refused) t.skip(disk.refused);
    expect((await runIn(['day', day], env)).code).toBe(0);
    fill(disk.dir, 0);
    const out = openSync(path.join(disk.dir, 'out.json'), 'w');
    try {
      const r = await runInTo(['day', day, '--offline', '--json'], env, out);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^papers: could not write the output: no space left on the device$/m);
    } finally {
      closeSync(out);
      unfill(disk.dir);
      rmSync(path.join(disk.dir, 'out.json'), { force: true });
    }
  });
});

describe('a failed write to stdout', () => {
  it('/dev/full through the descriptor (a pipe or file): exit 1 with a message', async () => {
    expect((await runIn(['day', day], env)).code).toBe(0);
    const full = openSync('/dev/full', 'w');
    try {
      const r = await runInTo(['day', day, '--offline', '--json'], env, full);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^papers: could not write the output: no space left on the device$/m);
    } finally {
      closeSync(full);
    }
  });

  it('> /dev/full from a shell (a character device: the stream path): exit 1 with a message', async () => {
    expect((await runIn(['day', day], env)).code).toBe(0);
    const full = openSync('/dev/full', 'w');
    try {
      const r = await runBounded(['day', day, '--offline', '--json'], env, 20_000, { stdout: full });
      expect(r.hung).toBe(false);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^papers: could not write the output: no space left on the device$/m);
    } finally {
      closeSync(full);
    }
  });
});

describe('a shared cache directory', () => {
  const foreign: Record<string, string> = {
    'package-lock.json': '{"lockfileVersion": 3}',
    'my-notes.json': '{"notes": []}',
    'draft.tmp': 'draft',
    'userdata.json': '{"user": "data"}',
    'day-notes.json': '{"mine": true}',
    'search-notes.json': '[1, 2]',
    'paper-notes.json': 'not json at all',
  };
  const plant = () => {
    mkdirSync(dirs.cache, { recursive: true });
    for (const [name, text] of Object.entries(foreign)) writeFileSync(path.join(dirs.cache, name), text);
    // Old and big: the first thing an eviction that did not check names would remove.
    utimesSync(path.join(dirs.cache, 'userdata.json'), new Date(1_000_000), new Date(1_000_000));
  };
  const untouched = () => {
    for (const [name, text] of Object.entries(foreign)) expect(readFileSync(path.join(dirs.cache, name), 'utf8'), name).toBe(text);
    expect(readdirSync(dirs.cache).filter((n) => n.includes('corrupt'))).toEqual([]);
  };

  it('cache ls, a cache miss of show, eviction and cache clear touch only papers’ own files', async () => {
    plant();
    writeFileSync(path.join(dirs.cache, 'userdata.json'), 'x'.repeat(2 * 1024 * 1024));
    foreign['userdata.json'] = 'x'.repeat(2 * 1024 * 1024);
    expect((await runIn(['day', day], env)).code).toBe(0);
    const ls = await runIn(['cache', 'ls'], env);
    expect(ls.code).toBe(0);
    expect(ls.stdout.trimEnd().split('\n')).toEqual([expect.stringMatching(new RegExp(`^day:${day}\t`))]);
    // A paper no cached list has: every list entry is read, and the lookup is written.
    server.papers.set('2611.00042', { id: '2611.00042', title: 'Elsewhere', authors: [] });
    expect((await runIn(['show', '2611.00042'], env)).code).toBe(0);
    // A 1 MiB cap and a 1.3 MiB day: the eviction after its write removes papers' older entries,
    // and never the older, bigger foreign file.
    const before = addDays(day, -1);
    server.days.set(
      before,
      Array.from({ length: 250 }, (_, i) => {
        const item = hfItem(`2611.${10000 + i}`, before, 1);
        (item.paper as Record<string, unknown>).summary = 'lorem ipsum '.repeat(450);
        return item;
      }),
    );
    expect((await runIn(['config', 'set', 'cache-max-mb', '1'], env)).code).toBe(0);
    expect((await runIn(['day', before], env)).code).toBe(0);
    expect(existsSync(path.join(dirs.cache, `day-${day}.json`))).toBe(false);
    expect(existsSync(path.join(dirs.cache, `day-${before}.json`))).toBe(true);
    untouched();
    const clear = await runIn(['cache', 'clear'], env);
    expect(clear.code).toBe(0);
    expect(readdirSync(dirs.cache).sort()).toEqual(Object.keys(foreign).sort());
    untouched();
    foreign['userdata.json'] = '{"user": "data"}';
  });
});

describe('a writer killed mid-write', () => {
  it('leaves a temporary file that the next settings write removes', async () => {
    mkdirSync(dirs.config, { recursive: true });
    const leftover = path.join(dirs.config, 'config.json.tmp-4242-abcdef');
    writeFileSync(leftover, '{"settings": {"lim');
    expect((await runIn(['config', 'set', 'limit', '3'], env)).code).toBe(0);
    expect(readdirSync(dirs.config)).toEqual(['config.json']);
  });
});

describe('set-aside copies', () => {
  it('a second corrupt settings file never overwrites the first backup; only the last five are kept', async () => {
    mkdirSync(dirs.config, { recursive: true });
    const file = path.join(dirs.config, 'config.json');
    for (let i = 1; i <= 7; i++) {
      writeFileSync(file, `{"saved": [ broken ${i}`);
      const r = await runIn(['config', 'list'], env);
      expect(r.code).toBe(0);
      expect(r.stderr).toContain(`set aside as config.json.corrupt-${i},`);
    }
    const backups = readdirSync(dirs.config)
      .filter((n) => n.startsWith('config.json.corrupt'))
      .sort();
    expect(backups).toEqual([3, 4, 5, 6, 7].map((i) => `config.json.corrupt-${i}`));
    for (const i of [3, 4, 5, 6, 7]) expect(readFileSync(path.join(dirs.config, `config.json.corrupt-${i}`), 'utf8')).toBe(`{"saved": [ broken ${i}`);
  });

  it('corrupt cache entries are numbered too', async () => {
    expect((await runIn(['day', day], env)).code).toBe(0);
    const file = path.join(dirs.cache, `day-${day}.json`);
    for (const i of [1, 2]) {
      writeFileSync(file, `{"broken": ${i}`);
      expect((await runIn(['day', day], env)).stderr).toContain(`set aside as day-${day}.json.corrupt-${i}`);
    }
    expect(readFileSync(`${file}.corrupt-1`, 'utf8')).toBe('{"broken": 1');
    expect(readFileSync(`${file}.corrupt-2`, 'utf8')).toBe('{"broken": 2');
  });
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
