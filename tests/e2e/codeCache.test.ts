// The V8 code caches bin/papers.cjs keeps beside the entry and each vendor bundle it loads: written
// on first use, taken after, and never trusted when the cache is corrupt or the bundle changed.
import { chmodSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import { ROOT, runProcess, type tempDirs } from '../helpers/cli.js';
import { TODAY } from '../helpers/run.js';
import { type FakeHf, hfItem } from '../helpers/server.js';
import { useHarness } from '../helpers/harness.js';

// A spawned CLI reads the real clock: only a day it would accept on any date is used here.
const day = addDays(TODAY, -1);
let server: FakeHf;
let dirs: ReturnType<typeof tempDirs>;
let env: NodeJS.ProcessEnv;
useHarness((h) => ({ server, dirs, env } = h));

/** A copy of bin/ and dist/ without caches, so that no other test's run touches these. */
let root: string;
const entryCache = () => path.join(root, 'dist', 'cli.cjs.cache');
/** A day fetched from the server loads the undici vendor bundle. */
const undiciCache = () => path.join(root, 'dist', 'vendor', 'undici.cjs.cache');
const caches = () => [entryCache(), undiciCache()];

beforeEach(() => {
  root = path.join(dirs.root, 'install');
  for (const dir of ['bin', 'dist']) cpSync(path.join(ROOT, dir), path.join(root, dir), { recursive: true, filter: (f) => !f.endsWith('.cache') });
  server.days.set(day, [hfItem('2611.00001', day, 5, 1), hfItem('2611.00002', day, 7, 0)]);
});

async function papers(args: string[]) {
  const r = await runProcess(process.execPath, [path.join(root, 'bin', 'papers.cjs'), ...args], env);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}
const fetchDay = async () => expect((await papers(['day', day, '--refresh', '--format', 'tsv'])).split('\n')[0]).toMatch(/^1\t7\t0\t2611\.00002\t/);

/** Bytes of a cache's V8 data (after its first line) turned over, as a disk or a bad copy might. */
function corrupt(file: string): void {
  const bytes = readFileSync(file);
  const at = bytes.indexOf(10) + Math.floor((bytes.length - bytes.indexOf(10)) / 2);
  for (let i = at; i < at + 64; i++) bytes[i] = bytes[i]! ^ 0xa5;
  writeFileSync(file, bytes);
}

describe('the V8 code caches', () => {
  it('are written for the entry and each vendor bundle a run loads, and taken as they are after', async () => {
    await fetchDay();
    const written = caches().map((f) => readFileSync(f));
    for (const bytes of written) {
      expect(bytes.length).toBeGreaterThan(1000);
      expect(bytes.toString('latin1', 0, 18)).toBe('papers-code-cache ');
      // V8's data starts 8-byte aligned, or V8 copies all of it before use (bin/papers.cjs, stamp).
      expect((bytes.indexOf(10) + 1) % 8).toBe(0);
    }
    await fetchDay();
    caches().forEach((f, i) => expect(readFileSync(f).equals(written[i]!), `${f}: an accepted cache is left as it is`).toBe(true));
  });

  it('a corrupt vendor cache is not run (V8 would crash on it): the run is right and the cache rewritten', async () => {
    await fetchDay();
    corrupt(undiciCache());
    const corrupted = readFileSync(undiciCache());
    await fetchDay();
    expect(readFileSync(undiciCache()).equals(corrupted)).toBe(false);
  });

  it("an entry cache that is not one, or cut short, is not taken (V8's own checks) and is rewritten", async () => {
    await fetchDay();
    const whole = readFileSync(entryCache());
    writeFileSync(entryCache(), 'not a code cache');
    await fetchDay();
    expect(readFileSync(entryCache()).length).toBeGreaterThan(1000);
    writeFileSync(entryCache(), whole.subarray(0, Math.floor(whole.length / 2)));
    await fetchDay();
    expect(readFileSync(entryCache()).length).toBeGreaterThan(whole.length / 2);
  });

  it('a changed bundle never runs the code cached for its old self, even at the same length', async () => {
    const version = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version as string;
    expect(await papers(['-V'])).toBe(`${version}\n`);
    // V8 itself only checks the length of the source a cache was made for.
    const other = version.replace(/^./, (d) => (d === '9' ? '8' : '9'));
    const bundle = path.join(root, 'dist', 'cli.cjs');
    const source = readFileSync(bundle, 'utf8');
    expect(source).toContain(`"${version}"`);
    writeFileSync(bundle, source.replaceAll(`"${version}"`, `"${other}"`));
    expect(await papers(['-V'])).toBe(`${other}\n`);
    expect(await papers(['-V'])).toBe(`${other}\n`);
  });

  it('an entry changed after its wrapper: PAPERS_DEBUG still runs it, and a run that cannot says so in one line', async () => {
    const version = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version as string;
    const bundle = path.join(root, 'dist', 'cli.cjs');
    const built = readFileSync(bundle, 'utf8');
    const run = (debug: boolean) => runProcess(process.execPath, [path.join(root, 'bin', 'papers.cjs'), '-V'], debug ? { ...env, PAPERS_DEBUG: '1' } : env);
    writeFileSync(bundle, `${built};\n`);
    for (const debug of [false, true]) expect((await run(debug)).stdout).toBe(`${version}\n`);
    writeFileSync(bundle, `${built}\nvoid 0;\n`);
    expect((await run(true)).stdout).toBe(`${version}\n`);
    const broken = await run(false);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toBe(`papers: ${bundle} is not the bundle papers' build makes (changed by hand?)\nhint: reinstall papers\n`);
  });

  it('a cache that cannot be written costs nothing but the cache: the run is right, no file is left behind', async () => {
    // Directories where the caches would go: neither read nor replaced, as in a dist/ one may not write to.
    for (const f of caches()) mkdirSync(f);
    await fetchDay();
    await fetchDay();
    for (const dir of ['dist', 'dist/vendor']) expect(readdirSync(path.join(root, dir)).filter((f) => f.includes('.tmp'))).toEqual([]);
    for (const f of caches()) rmSync(f, { recursive: true });
    // And a dist/ that may not be written to, where the user is not root (root writes anyway).
    if (process.getuid?.() === 0) return;
    for (const dir of ['dist/vendor', 'dist']) chmodSync(path.join(root, dir), 0o555);
    try {
      await fetchDay();
      expect(readdirSync(path.join(root, 'dist')).filter((f) => f.endsWith('.cache') || f.includes('.tmp'))).toEqual([]);
    } finally {
      for (const dir of ['dist', 'dist/vendor']) chmodSync(path.join(root, dir), 0o755);
    }
  });
});
