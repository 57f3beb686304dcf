import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync, lstatSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Cache } from '../../src/io/cache.js';
import { entryName } from '../../src/io/cacheNames.js';
import { cached, CacheMissError, Uncached } from '../../src/io/cachePolicy.js';
import { NetworkError } from '../../src/core/errors.js';
import { tempDirs } from '../helpers/cli.js';
import { makePaper } from '../helpers/papers.js';

const OLD = [makePaper('2611.00001', { title: 'old' })];
const NEW = [makePaper('2611.00002', { title: 'new' })];

let dirs: ReturnType<typeof tempDirs>;
let warnings: string[];
let cache: Cache;

beforeEach(() => {
  dirs = tempDirs();
  warnings = [];
  cache = new Cache({ dir: dirs.cache, warn: (m) => warnings.push(m) });
});
afterEach(() => dirs.cleanup());

describe('entryName', () => {
  it('keeps plain keys readable and hashes anything else, so no key becomes a path', () => {
    expect(entryName('day:2026-11-27')).toBe('day-2026-11-27');
    for (const key of ['search:../../x', 'paper:../../etc', 'search:a/b', 'x', 'search:' + 'a'.repeat(500), 'day:..']) {
      const name = entryName(key);
      expect(name).toMatch(/^[a-z]+_[0-9a-f]{32}$/);
      expect(name).not.toContain('/');
      expect(name.length).toBeLessThan(100);
    }
    expect(entryName('search:a')).not.toBe(entryName('search:b'));
  });

  it("keeps readable and hashed names apart, so one key can never name another key's file", () => {
    const hashed = entryName('search a:b');
    const readableTwin = `search:${hashed.slice('search_'.length)}`;
    expect(entryName(readableTwin)).not.toBe(hashed);
  });
});

describe('Cache.keys and Cache.clear', () => {
  it('lists the keys of one kind and clears only what papers wrote', async () => {
    await cache.write('day:2026-11-27', [], 1);
    await cache.write('search:a b', [], 1);
    const foreign = ['package-lock.json', 'my-notes.json', 'draft.tmp', 'userdata.json', 'day-notes.txt'];
    for (const f of foreign) writeFileSync(path.join(dirs.cache, f), '{}');
    expect(cache.keys('day')).toEqual(['day:2026-11-27']);
    expect(cache.keys('search')).toEqual(['search:a b']);
    expect(cache.clear()).toBe(2);
    expect(readdirSync(dirs.cache).sort()).toEqual([...foreign].sort());
  });
});

describe('Cache', () => {
  it('writes and reads back an entry with its fetch time', async () => {
    await cache.write('day:2026-11-27', OLD, 1234);
    expect(cache.read('day:2026-11-27')).toEqual({ v: 1, key: 'day:2026-11-27', fetchedAt: 1234, data: OLD });
    expect(cache.read('day:2026-11-26')).toBeNull();
    expect(warnings).toEqual([]);
  });

  it('sets a corrupt entry aside as *.corrupt with a warning', async () => {
    mkdirSync(dirs.cache, { recursive: true });
    for (const [i, text] of ['{"v":1,', '', '[1,2]', '{"v":1,"key":"other","fetchedAt":1,"data":[]}'].entries()) {
      const key = `day:2026-11-0${i + 1}`;
      writeFileSync(cache.pathOf(key), text);
      expect(cache.read(key)).toBeNull();
      expect(existsSync(`${cache.pathOf(key)}.corrupt-1`)).toBe(true);
    }
    expect(warnings).toHaveLength(4);
    expect(warnings[0]).toMatch(/not valid JSON; set aside/);
  });

  it('reads an entry of another format version as a miss, without setting it aside', async () => {
    mkdirSync(dirs.cache, { recursive: true });
    writeFileSync(cache.pathOf('day:2026-11-01'), '{"v":0,"key":"day:2026-11-01","fetchedAt":1,"data":[]}');
    expect(cache.read('day:2026-11-01')).toBeNull();
    expect(warnings).toEqual([]);
  });

  it('never reads or writes through a symlink planted in place of an entry', async () => {
    mkdirSync(dirs.cache, { recursive: true });
    const target = path.join(dirs.root, 'precious.json');
    writeFileSync(target, '{"v":1,"key":"day:2026-11-01","fetchedAt":1,"data":[],"note":"secret"}');
    symlinkSync(target, cache.pathOf('day:2026-11-01'));
    expect(cache.read('day:2026-11-01')).toBeNull();
    symlinkSync(target, cache.pathOf('day:2026-11-02'));
    await cache.write('day:2026-11-02', NEW, 5);
    expect(readFileSync(target, 'utf8')).toContain('secret');
    expect(lstatSync(cache.pathOf('day:2026-11-02')).isSymbolicLink()).toBe(false);
    expect(cache.read('day:2026-11-02')?.data).toEqual(NEW);
  });

  it('evicts the oldest entries past its size cap, never the one just written', async () => {
    const small = new Cache({ dir: dirs.cache, maxBytes: 5000, warn: (m) => warnings.push(m) });
    const blob = 'x'.repeat(900);
    for (let i = 0; i < 10; i++) {
      await small.write(`day:2026-10-${String(i + 10)}`, blob, i);
      const file = small.pathOf(`day:2026-10-${String(i + 10)}`);
      utimesSync(file, new Date(1_000_000 + i * 1000), new Date(1_000_000 + i * 1000));
    }
    const files = readdirSync(dirs.cache).filter((f) => f.endsWith('.json'));
    const total = small.list().reduce((s, e) => s + e.size, 0);
    expect(total).toBeLessThanOrEqual(5000);
    expect(files).toContain('day-2026-10-19.json');
    expect(files).not.toContain('day-2026-10-10.json');
  });
});

describe('Cache.peek', () => {
  it('reads every entry into the same memory, and a read() takes its bytes only for the key peeked last', async () => {
    const days = ['2026-11-23', '2026-11-24'];
    // Past 4 KiB, where Buffer would otherwise give each read memory of its own (below, a slice of one shared pool).
    const list = (n: number) => Array.from({ length: 40 }, (_, i) => makePaper(`2611.${String(n * 100 + i).padStart(5, '0')}`, { title: `paper ${i}` }));
    const [older, newer] = [list(1), list(2)];
    await cache.write(`day:${days[0]}`, older, 1);
    await cache.write(`day:${days[1]}`, newer, 2);
    const first = cache.peek(`day:${days[0]}`);
    const second = cache.peek(`day:${days[1]}`);
    expect(first?.fetchedAt).toBe(1);
    expect(second?.fetchedAt).toBe(2);
    // One buffer for both peeks: no fresh memory per file (papers new peeks at 15 days).
    expect(second!.bytes.buffer).toBe(first!.bytes.buffer);
    // The first peek's bytes were read over; a read() of its key reads the file again, never those bytes.
    expect(cache.read(`day:${days[0]}`)?.data).toEqual(older);
    expect(cache.peek(`day:${days[1]}`)?.fetchedAt).toBe(2);
    expect(cache.read(`day:${days[1]}`)?.data).toEqual(newer);
    expect(warnings).toEqual([]);
  });
});

describe('Cache.read lean', () => {
  const day = 'day:2026-11-27';
  const papers = Array.from({ length: 30 }, (_, i) =>
    makePaper(`2611.${String(i).padStart(5, '0')}`, {
      summary: `The abstract of paper ${i}, "quoted" \\ and é.`,
      aiSummary: 'kept',
      authors: ['A. [Author]', 'B "Two" \\'],
      authorCount: 2,
      keywords: ['kept'],
    }),
  );
  const light = papers.map((p) => ({ ...p, summary: null, authors: [], url: null, arxivUrl: null, pdfUrl: null }));

  it('reads every summary and link as null and every author list as [], all else as it is, from the file or from the bytes of a peek, and leaves the file whole', async () => {
    await cache.write(day, papers, 5);
    const file = cache.pathOf(day);
    const before = readFileSync(file);
    expect(cache.read(day, { lean: true })).toEqual({ v: 1, key: day, fetchedAt: 5, data: light });
    expect(cache.peek(day)?.fetchedAt).toBe(5);
    expect(cache.read(day, { lean: true })?.data).toEqual(light);
    expect(readFileSync(file).equals(before)).toBe(true);
    // The next read that wants them has them.
    expect(cache.peek(day)?.fetchedAt).toBe(5);
    expect(cache.read(day)?.data).toEqual(papers);
    expect(warnings).toEqual([]);
  });

  it('sets aside, as a whole read does, an entry whose only fault is in what a lean read drops', () => {
    const good = makePaper('2611.00001', { summary: 'fine' });
    const entry = (data: string) => `{"v":1,"key":"${day}","fetchedAt":1,"data":[${data}]}`;
    const paper = JSON.stringify(good);
    const planted = [
      // not valid JSON: a raw tab, an unknown escape
      paper.replace('"summary":"fine"', '"summary":"a\tb"'),
      paper.replace('"summary":"fine"', '"summary":"bad \\x escape"'),
      paper.replace('"authors":[]', '"authors":["a\tb"]'),
      paper.replace('"authors":[]', '"authors":["\\q"]'),
      // valid JSON, but not a link the checks take
      paper.replace(/"url":"[^"]*"/, '"url":"javascript:alert(1)"'),
    ];
    for (const [i, text] of planted.entries()) {
      for (const lean of [false, true]) {
        mkdirSync(dirs.cache, { recursive: true });
        writeFileSync(cache.pathOf(day), entry(text));
        warnings.length = 0;
        expect(cache.read(day, { lean }), `${i} lean ${lean}`).toBeNull();
        expect(warnings.join('\n'), `${i} lean ${lean}`).toMatch(/set aside|not valid JSON|right shape/);
        expect(existsSync(cache.pathOf(day)), `${i} lean ${lean}`).toBe(false);
      }
    }
  });

  it('never hands on bytes a lean read rewrote, or a peek that another read went over', async () => {
    const other = 'day:2026-11-28';
    const otherPapers = [makePaper('2611.00099', { summary: 'Another day.' })];
    await cache.write(day, papers, 5);
    await cache.write(other, otherPapers, 6);
    expect(cache.peek(day)?.fetchedAt).toBe(5);
    expect(cache.read(day, { lean: true })?.data).toEqual(light);
    expect(cache.read(day)?.data).toEqual(papers);
    expect(cache.peek(day)?.fetchedAt).toBe(5);
    expect(cache.readFile(cache.pathOf(other))?.data).toEqual(otherPapers);
    expect(cache.read(day)?.data).toEqual(papers);
    expect(warnings).toEqual([]);
  });

  it('sets aside a corrupt or planted file as a whole read does', async () => {
    mkdirSync(dirs.cache, { recursive: true });
    writeFileSync(cache.pathOf(day), '{"v":1,"key":"day:2026-11-27","fetchedAt":1,"data":[{"summary":"cut sh');
    expect(cache.read(day, { lean: true })).toBeNull();
    expect(warnings.join('\n')).toMatch(/not valid JSON/);
    symlinkSync('/etc/passwd', cache.pathOf('day:2026-11-28'));
    expect(cache.read('day:2026-11-28', { lean: true })).toBeNull();
    expect(warnings.join('\n')).toMatch(/symlink/);
    expect(cache.read('day:2026-11-29', { lean: true })).toBeNull();
  });
});

describe('cached', () => {
  const opts = (extra: Partial<Parameters<typeof cached>[0]> = {}) => ({
    cache,
    now: () => 10_000_000,
    offline: false,
    refresh: false,
    warn: (m: string) => warnings.push(m),
    debug: (m: string) => debugs.push(m),
    ...extra,
  });
  let debugs: string[];
  beforeEach(() => {
    debugs = [];
  });

  it('says where the data came from: a cache entry and its age, or what knew it elsewhere', async () => {
    await cache.write('day:2026-11-27', OLD, 10_000_000 - 2 * 60_000);
    await cached(opts(), 'day:2026-11-27', 'the list of 2026-11-27', 3600_000, async () => NEW);
    expect(debugs).toEqual(['the list of 2026-11-27: cache entry day:2026-11-27, fetched 2 min ago']);
    debugs = [];
    const found = await cached(
      opts(),
      'paper:2611.00001',
      'paper 2611.00001',
      1,
      async () => ['net'],
      async () => ({ data: ['saved'], from: 'the reading list' }),
    );
    expect(found.data).toEqual(['saved']);
    expect(debugs).toEqual(['paper 2611.00001: from the reading list']);
  });

  it('shows an Uncached answer without writing it, so the next run fetches again', async () => {
    let calls = 0;
    const fetch = async () => (calls++, new Uncached(['stand-in']));
    expect((await cached(opts(), 'paper:2611.00001', 'x', 1e9, fetch)).data).toEqual(['stand-in']);
    expect(cache.read('paper:2611.00001')).toBeNull();
    await cached(opts(), 'paper:2611.00001', 'x', 1e9, fetch);
    expect(calls).toBe(2);
  });

  it('uses a fresh entry without fetching, and refetches a stale one', async () => {
    await cache.write('day:2026-11-27', OLD, 10_000_000 - 1000);
    let calls = 0;
    const fetch = async () => (calls++, NEW);
    expect((await cached(opts(), 'day:2026-11-27', 'x', 5000, fetch)).data).toEqual(OLD);
    expect(calls).toBe(0);
    expect((await cached(opts(), 'day:2026-11-27', 'x', 500, fetch)).data).toEqual(NEW);
    expect(calls).toBe(1);
    expect((await cached(opts({ refresh: true }), 'day:2026-11-27', 'x', 1e9, fetch)).data).toEqual(NEW);
    expect(calls).toBe(2);
  });

  it('never fetches offline, and says so when nothing is cached', async () => {
    const fetch = async () => {
      throw new Error('must not fetch');
    };
    await expect(cached(opts({ offline: true }), 'day:2026-11-27', 'the list', 1, fetch)).rejects.toBeInstanceOf(CacheMissError);
    await cache.write('day:2026-11-27', OLD, 0);
    expect((await cached(opts({ offline: true }), 'day:2026-11-27', 'the list', 1, fetch)).data).toEqual(OLD);
  });

  it('shows a stale entry with a warning when the fetch fails, and rethrows when there is none', async () => {
    const fail = async () => {
      throw new NetworkError('boom', 'http://x');
    };
    await expect(cached(opts(), 'day:2026-11-27', 'the list', 1, fail)).rejects.toThrow('boom');
    await cache.write('day:2026-11-27', OLD, 10_000_000 - 3 * 3600_000);
    expect((await cached(opts(), 'day:2026-11-27', 'the list', 1, fail)).data).toEqual(OLD);
    expect(warnings).toEqual(['showing the list cached 3 h ago: boom']);
  });
});

describe('Cache.writeDerived (a rendered full text, written without conf)', () => {
  const copy = { fetchedAt: 7, length: 3, width: 80, colorLevel: 1 as const, format: 'x/1', text: '\x1b[1mtitle\x1b[22m\nprose\n' };

  it('writes the very bytes a write through conf makes, read back like any entry', async () => {
    expect(cache.writeDerived('render:2611.00001', copy, 7, [])).toBeNull();
    await cache.write('render:2611.00002', copy, 7);
    const derived = readFileSync(cache.pathOf('render:2611.00001'), 'utf8');
    const viaConf = readFileSync(cache.pathOf('render:2611.00002'), 'utf8');
    expect(path.basename(cache.pathOf('render:2611.00001'))).toBe('render-2611.00001.json');
    expect(derived).toBe(viaConf.replace('2611.00002', '2611.00001'));
    expect(cache.read('render:2611.00001')).toEqual({ v: 1, key: 'render:2611.00001', fetchedAt: 7, data: copy });
    expect(warnings).toEqual([]);
  });

  it('is listed, evicted and cleared like any entry', () => {
    const small = new Cache({ dir: dirs.cache, maxBytes: 2000, warn: (m) => warnings.push(m) });
    const big = { ...copy, text: 'x'.repeat(350) };
    for (let i = 1; i <= 5; i++) {
      expect(small.writeDerived(`render:2611.0000${i}`, big, i, [])).toBeNull();
      utimesSync(small.pathOf(`render:2611.0000${i}`), new Date(1_000_000 + i * 1000), new Date(1_000_000 + i * 1000));
    }
    expect(small.list().map((e) => e.kind)).toEqual(['render', 'render', 'render']);
    expect(readdirSync(dirs.cache).sort()).toEqual(['render-2611.00003.json', 'render-2611.00004.json', 'render-2611.00005.json']);
    expect(small.clear()).toBe(3);
    expect(readdirSync(dirs.cache)).toEqual([]);
  });

  it('never evicts the entries it was made from, however old', async () => {
    const small = new Cache({ dir: dirs.cache, maxBytes: 1000, warn: (m) => warnings.push(m) });
    const age = (key: string, s: number) => utimesSync(small.pathOf(key), new Date(s * 1000), new Date(s * 1000));
    await small.write('fulltext:2611.00001', 'x'.repeat(600), 1);
    age('fulltext:2611.00001', 1000);
    await small.write('fulltext:2611.00002', 'y'.repeat(200), 2);
    age('fulltext:2611.00002', 2000);
    const before = small.list().reduce((sum, e) => sum + e.size, 0);
    expect(small.writeDerived('render:2611.00001', { ...copy, text: 'x'.repeat(100) }, 1, ['fulltext:2611.00001'])).toBeNull();
    expect(before + statSync(small.pathOf('render:2611.00001')).size).toBeGreaterThan(1000);
    // The oldest first, but for the copy and its source: the other text goes, the copy's own stays.
    expect(readdirSync(dirs.cache).sort()).toEqual(['fulltext-2611.00001.json', 'render-2611.00001.json']);
    expect(small.read('fulltext:2611.00001')?.data).toBe('x'.repeat(600));
  });

  it('writes nothing that would crowd out its source (past a quarter of the cap) or that could never be read back (past 64 MiB)', () => {
    const small = new Cache({ dir: dirs.cache, maxBytes: 1000, warn: (m) => warnings.push(m) });
    expect(small.writeDerived('render:2611.00001', { ...copy, text: 'x'.repeat(300) }, 7, [])).toBe(
      "the cache entry render-2611.00001.json is not written: 0.4 KiB, more than a quarter of the cache's size cap (1.0 KiB)",
    );
    const huge = new Cache({ dir: dirs.cache, maxBytes: 1024 * 1024 * 1024, warn: (m) => warnings.push(m) });
    expect(huge.writeDerived('render:2611.00001', { ...copy, text: 'x'.repeat(64 * 1024 * 1024) }, 7, [])).toMatch(
      /^the cache entry render-2611\.00001\.json is not written: 64\.0 MiB, more than an entry may take \(64\.0 MiB\)$/,
    );
    expect(existsSync(dirs.cache) ? readdirSync(dirs.cache) : []).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('never writes through a symlink planted in its place', () => {
    mkdirSync(dirs.cache, { recursive: true });
    const target = path.join(dirs.root, 'precious.txt');
    writeFileSync(target, 'secret');
    symlinkSync(target, cache.pathOf('render:2611.00001'));
    expect(cache.writeDerived('render:2611.00001', copy, 7, [])).toBeNull();
    expect(readFileSync(target, 'utf8')).toBe('secret');
    expect(lstatSync(cache.pathOf('render:2611.00001')).isSymbolicLink()).toBe(false);
    expect(cache.read('render:2611.00001')?.data).toEqual(copy);
    expect(warnings.join('\n')).toMatch(/render-2611\.00001\.json was not a regular file; set aside/);
  });

  it('says why it could not write, and throws nothing', () => {
    writeFileSync(dirs.cache, 'a file where the cache directory should be');
    expect(cache.writeDerived('render:2611.00001', copy, 7, [])).toMatch(/^could not write the cache entry render-2611\.00001\.json \(/);
  });
});
