import { mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanEnv, ROOT, runCli, tempDirs } from '../helpers/cli.js';
import { runIn } from '../helpers/inProcess.js';
import { runPapers } from '../helpers/run.js';

const fx = (name: string) => path.join(ROOT, 'fixtures', name);
let dirs: ReturnType<typeof tempDirs>;
let env: NodeJS.ProcessEnv;

beforeEach(() => {
  dirs = tempDirs();
  // No API URL that works: reading a file must never touch the network.
  env = cleanEnv({ PAPERS_API_URL: 'http://127.0.0.1:9', PAPERS_CACHE_DIR: dirs.cache, PAPERS_CONFIG_DIR: dirs.config, PAPERS_DATA_DIR: dirs.data });
});
afterEach(() => dirs.cleanup());

const ids = (out: string) =>
  out
    .trimEnd()
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split('\t')[3]);

describe('papers read', () => {
  it('reads a file, ranked like any list', async () => {
    const r = await runPapers(['read', fx('hf/daily-quirks.json')], env);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(ids(r.stdout)).toEqual(['2611.00101', '2611.00202', '2611.00303', '2611.00099', '2611.00404', '2611.00505']);
  });

  it('reads - and piped stdin with no argument', async () => {
    const dash = await runPapers(['read', '-', '--json'], env, readFileSync(fx('rss/listing.xml'), 'utf8'));
    expect(dash.code).toBe(0);
    expect((JSON.parse(dash.stdout) as { id: string }[]).map((p) => p.id)).toEqual(['2611.01999', '2611.02001']);
    expect(dash.stderr).toMatch(/skipped 1 broken entry; listing the other 2/);
    // A real pipe into the built CLI is in process.test.ts.
    const piped = await runPapers(['read'], env, readFileSync(fx('arxiv/query-current.xml'), 'utf8'));
    expect(piped.code).toBe(0);
    expect(ids(piped.stdout)).toEqual(['2611.01234']);
  });

  it('applies every list option and output format', async () => {
    const r = await runPapers(['read', fx('page/papers-page.txt'), '--min-upvotes', '1', '--fields', 'title,upvotes,authorCount,publishedAt'], env);
    // A page copy dates its papers by day only: publishedAt is that day's midnight, in the one form every source's takes.
    expect(r.stdout).toBe(
      'Lattice Transformers for Everything\t31\t12\t2026-02-27T00:00:00.000Z\nLate In The Year Without A Year\t5\t2\t2025-12-20T00:00:00.000Z\n',
    );
    const jsonl = await runPapers(['read', fx('hf/search.json'), '--format', 'jsonl', '--fields', 'id'], env);
    expect(jsonl.stdout).toBe('{"id":"2611.00811"}\n{"id":"2611.00812"}\n');
  });

  it('--from forces a format; a mismatch is exit 1 saying what was found', async () => {
    expect((await runPapers(['read', fx('rss/listing.xml'), '--from', 'rss'], env)).code).toBe(0);
    const wrong = await runPapers(['read', fx('rss/listing.xml'), '--from', 'hf'], env);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr.split('\n')[0]).toMatch(/^papers: .*listing\.xml: not a feed I can read \(XML, not Hugging Face JSON\)$/);
    const bad = await runPapers(['read', fx('rss/listing.xml'), '--from', 'yaml'], env);
    expect(bad.code).toBe(2);
  });

  it.each([
    ['empty.json', '', /an empty file/],
    ['page.html', '<!doctype html><html><body>Log in</body></html>', /an HTML page/],
    ['garbage.bin', '\x00\x01\x02\x03\xff\xfe', /binary data/],
    ['cut.json', '[{"paper": {"id": "2611.0', /JSON that does not parse/],
    ['cut.xml', '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><title>x', /XML that is not well-formed/],
    ['other.json', '{"models": []}', /JSON object without papers/],
  ])('%s: exit 1, one line saying what was expected and found', async (name, content, message) => {
    const file = path.join(dirs.root, name);
    writeFileSync(file, content, 'latin1');
    const r = await runPapers(['read', file], env);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const [first, hint, ...rest] = r.stderr.trimEnd().split('\n');
    expect(first).toMatch(/^papers: /);
    expect(first).toMatch(message);
    expect(hint).toMatch(/^hint: expected Hugging Face API JSON/);
    expect(rest).toEqual([]);
  });

  it('a missing file, a directory, and a file over 256 MiB are refused with exit 1', async () => {
    expect((await runPapers(['read', path.join(dirs.root, 'nope.json')], env)).stderr).toMatch(/nope\.json: no such file/);
    mkdirSync(path.join(dirs.root, 'dir'));
    const dir = await runPapers(['read', path.join(dirs.root, 'dir')], env);
    expect(dir.code).toBe(1);
    expect(dir.stderr).toMatch(/is a directory/);
    const huge = path.join(dirs.root, 'huge.json');
    writeFileSync(huge, '');
    truncateSync(huge, 300 * 1024 * 1024);
    const r = await runPapers(['read', huge], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/larger than 256 MiB; refused/);
  });

  it('/dev/zero is refused at once as binary data, not read up to the cap', async () => {
    const r = await runPapers(['read', '/dev/zero'], env);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe('papers: /dev/zero: not a feed I can read (binary data)');
  });

  it('a big feed through stdin: the top N of every paper, the broken ones counted', async () => {
    // 12,000 papers (past the 8 MiB at which a JSON array is read as it arrives), every 1,000th broken.
    const items = Array.from({ length: 12_000 }, (_, i) =>
      i % 1000 === 999
        ? { paper: { title: 'no id' } }
        : { paper: { id: `2601.${String(10000 + i)}`, title: `P${i}`, summary: 'x'.repeat(700), upvotes: i % 500 }, numComments: i % 7 },
    );
    const file = path.join(dirs.root, 'big.json');
    writeFileSync(file, JSON.stringify(items));
    const r = await runPapers(['read', '--limit', '3', '--fields', 'id,upvotes,comments'], env, readFileSync(file, 'utf8'));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/stdin: skipped 12 broken entries; listing the other 11988/);
    // The same top 3 by the rules of SPEC, worked out here by hand: upvotes, then comments, then id.
    const want = items
      .flatMap((x) => ('id' in x.paper ? [{ id: x.paper.id!, up: x.paper.upvotes!, c: x.numComments! }] : []))
      .sort((a, b) => b.up - a.up || b.c - a.c || (a.id < b.id ? -1 : 1))
      .slice(0, 3);
    expect(r.stdout).toBe(want.map((p) => `${p.id}\t${p.up}\t${p.c}\n`).join(''));
  });

  it('remembers the list so show can take a row number offline', async () => {
    await runIn(['read', fx('hf/paper.json')], env, { columns: 80 });
    const r = await runCli(['show', '1', '--offline'], env);
    // A paper from a read feed is not in the cache: offline says so instead of reaching out.
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nothing cached for paper 2611\.00900/);
  });
});
