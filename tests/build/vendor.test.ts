import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { nyDay } from '../../src/core/dates.js';
import { BIN, cleanEnv, ROOT, runCli, tempDirs } from '../helpers/cli.js';
import { dayItems, FakeHf, hfItem } from '../helpers/server.js';

// The vendor bundles as the build makes them (npm test builds first).
const vendor = (name: string) => path.join(ROOT, 'dist', 'vendor', `${name}.cjs`);
const require = createRequire(import.meta.url);

let dirs: ReturnType<typeof tempDirs> | undefined;
afterEach(() => dirs?.cleanup());

describe('the conf vendor bundle', () => {
  it('writes a store without a schema, and refuses a schema loudly (ajv is left out)', () => {
    dirs = tempDirs();
    const Conf = require(vendor('conf')) as new (o: Record<string, unknown>) => { store: unknown };
    const store = new Conf({ projectName: 'papers', cwd: dirs.cache, configName: 'entry' });
    store.store = { v: 1, data: [1, 2] };
    expect(JSON.parse(readFileSync(path.join(dirs.cache, 'entry.json'), 'utf8'))).toEqual({ v: 1, data: [1, 2] });
    expect(() => new Conf({ projectName: 'papers', cwd: dirs!.cache, configName: 'other', schema: { n: { type: 'number' } } })).toThrow(/built without ajv/);
    expect(existsSync(path.join(dirs.cache, 'other.json'))).toBe(false);
  });
});

describe('the undici vendor bundle', () => {
  it("is the client only: making a dispatcher never loads Node's own undici (fetch and its globals)", () => {
    const script = `
      const { EnvHttpProxyAgent, interceptors } = require(${JSON.stringify(vendor('undici'))});
      const d = new EnvHttpProxyAgent({}).compose(interceptors.redirect({ maxRedirections: 3 }));
      if (typeof d.request !== 'function') throw new Error('no request()');
      console.log(process.moduleLoadList.some((m) => m.includes('internal/deps/undici')));`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('false');
  });
});

describe('what a cache hit loads', () => {
  const server = new FakeHf();
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  it('a list from the cache into a pipe requires no vendor bundle at all', async () => {
    dirs = tempDirs();
    // eslint-disable-next-line no-restricted-syntax -- a spawned CLI: a day no later than its today
    const day = nyDay(new Date());
    server.days.set(day, [hfItem('2611.00001', day, 3, 1), hfItem('2611.00002', day, 5, 0)]);
    const env = cleanEnv({ PAPERS_API_URL: server.url, PAPERS_CACHE_DIR: dirs.cache, PAPERS_CONFIG_DIR: dirs.config });
    expect((await runCli(['day', day], env)).code).toBe(0);
    // NODE_DEBUG=module makes Node name every module it loads on stderr.
    const hit = await runCli(['day', day, '--offline'], { ...env, NODE_DEBUG: 'module' });
    expect(hit.code).toBe(0);
    expect(hit.stdout.split('\n')[0]).toMatch(/2611\.00002/);
    expect(hit.stderr).toMatch(/cli\.cjs/);
    expect(hit.stderr.match(/vendor\/[\w.-]+/g) ?? []).toEqual([]);

    // Nor Node's child_process, which brings net, streams and dgram (the pager and the browser load it).
    const probe = path.join(dirs.cache, '..', 'modules.cjs');
    const list = path.join(dirs.cache, '..', 'modules.txt');
    writeFileSync(probe, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(list)}, process.moduleLoadList.join('\\n')));`);
    expect((await runCli(['day', day, '--offline'], { ...env, NODE_OPTIONS: `--require ${probe}` })).code).toBe(0);
    const loaded = readFileSync(list, 'utf8').split('\n');
    expect(loaded).toContain('NativeModule fs');
    expect(loaded.filter((m) => /^NativeModule (child_process|net|stream|dgram)$/.test(m))).toEqual([]);
  });

  it('writes its notes and errors to a piped stderr by descriptor, without making the process.stderr stream', async () => {
    dirs = tempDirs();
    // eslint-disable-next-line no-restricted-syntax -- a spawned CLI: a day no later than its today
    const day = nyDay(new Date());
    server.days.set(day, []);
    const env = cleanEnv({ PAPERS_API_URL: server.url, PAPERS_CACHE_DIR: dirs.cache, PAPERS_CONFIG_DIR: dirs.config });
    expect((await runCli(['day', day], env)).code).toBe(0);
    const probe = path.join(dirs.cache, '..', 'modules.cjs');
    const list = path.join(dirs.cache, '..', 'modules.txt');
    writeFileSync(probe, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(list)}, process.moduleLoadList.join('\\n')));`);
    const probed = { ...env, NODE_OPTIONS: `--require ${probe}` };
    // A note (the day is empty), then an error and its hint (a day not cached, --offline).
    const note = await runCli(['day', day, '--offline'], probed);
    expect(note.code).toBe(0);
    expect(note.stderr).toMatch(new RegExp(`^papers: no papers on ${day}[^\n]*\n$`));
    // process.stderr on a pipe is a net.Socket: its modules would be loaded.
    const streams = () =>
      readFileSync(list, 'utf8')
        .split('\n')
        .filter((m) => /^NativeModule (net|stream|tty)$/.test(m));
    expect(streams()).toEqual([]);
    const error = await runCli(['day', '2026-01-05', '--offline'], probed);
    expect(error.code).toBe(1);
    expect(error.stderr).toMatch(/^papers: .*2026-01-05.*\nhint: /);
    expect(streams()).toEqual([]);
  });
});

describe('what a month loads while it waits', () => {
  const server = new FakeHf();
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  it('loads conf, for its cache entry, while its later pages are in flight, not after the last one is in', async () => {
    dirs = tempDirs();
    // A spawned CLI reads the real clock: a month well before its today.
    const month = nyDay(new Date(Date.now() - 40 * 86_400_000)).slice(0, 7);
    // 14 pages of 100: the answers from page 4 on are held until the CLI has loaded conf's bundle
    // (NODE_DEBUG=module names it on stderr), or for 5 s.
    for (let d = 1; d <= 28; d++) {
      const day = `${month}-${String(d).padStart(2, '0')}`;
      server.days.set(day, dayItems(day, 50, d));
    }
    let stderr = '';
    const held: boolean[] = [];
    server.fault = async (_req, _res, url) => {
      if (Number(url.searchParams.get('p')) < 4) return false;
      const started = Date.now();
      while (!stderr.includes('vendor/conf.cjs') && Date.now() - started < 5_000) await new Promise((r) => setTimeout(r, 20));
      held.push(Date.now() - started >= 5_000);
      return false;
    };
    const env = cleanEnv({ PAPERS_API_URL: server.url, PAPERS_CACHE_DIR: dirs.cache, PAPERS_CONFIG_DIR: dirs.config, NODE_DEBUG: 'module' });
    const child = spawn(process.execPath, [BIN, 'month', month, '--format', 'tsv', '--limit', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1400);
    expect(held.length).toBeGreaterThan(0);
    expect(held.every((timedOut) => !timedOut)).toBe(true);
    expect(existsSync(path.join(dirs.cache, `month-${month}.json`))).toBe(true);
  });
});

describe('the entry bundle', () => {
  it("requires Node's path, os and process for env-paths as they are, without copying every property into an ES module object", () => {
    const entry = readFileSync(path.join(ROOT, 'dist', 'cli.cjs'), 'latin1');
    // What esbuild writes for env-paths' default imports unless the build rewrites them: __toESM(require("node:os"), 1).
    for (const mod of ['node:path', 'node:os', 'node:process']) {
      expect(entry, mod).toMatch(new RegExp(`=require\\("${mod}"\\)[,;]`));
      expect(entry, mod).not.toMatch(new RegExp(`\\w+\\(require\\("${mod}"\\),1\\)`));
    }
  });
});
