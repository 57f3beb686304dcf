// Issue 13, section 4: nothing is lost on a full disk, a failed stdout or in a shared directory; a
// writer killed mid-write and set-aside copies leave every file whole. Planted special files and
// wrong directories are in planted.test.ts.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import type { tempDirs } from '../helpers/cli.js';
import { TODAY } from '../helpers/clock.js';
import { bigItems, fill, temps, unfill, useMounts } from '../helpers/disk.js';
import { useHarness } from '../helpers/harness.js';
import { tsvIds as ids } from '../helpers/tsv.js';
import { runBounded, runIn, runInTo } from '../helpers/inProcess.js';
import { type FakeHf, hfItem } from '../helpers/server.js';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
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
    server.days.set(day, bigItems(day, 6));
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
