// The built CLI as a process, where a process is the point: signals, a real terminal, real pipes,
// several processes at once, a process's memory, and the bundle itself (its version; its V8 code
// cache is tests/e2e/codeCache.test.ts). Everything else runs in-process through tests/helpers/run.ts, which is far faster.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import { BIN, ROOT, runCli, runShell, type tempDirs } from '../helpers/cli.js';
import { runInPty, visible } from '../helpers/pty.js';
import { TODAY, runPapers } from '../helpers/run.js';
import { dayItems, type FakeHf, hfItem } from '../helpers/server.js';
import { useHarness } from '../helpers/harness.js';

// A spawned CLI reads the real clock: only days it would accept on any date are used here.
const day = addDays(TODAY, -1);
let server: FakeHf;
let dirs: ReturnType<typeof tempDirs>;
let env: NodeJS.ProcessEnv;
useHarness((h) => ({ server, dirs, env } = h), { COLUMNS: '80' });

const cacheFiles = () => (existsSync(dirs.cache) ? readdirSync(dirs.cache).filter((f) => f.endsWith('.json')) : []);
const longPaper = {
  id: '2611.00042',
  title: 'A Long Paper',
  summary: Array.from({ length: 80 }, (_, i) => `Paragraph ${i}.`).join('\n\n'),
  authors: [{ name: 'Ada Quill' }],
  upvotes: 17,
};

describe('signals', () => {
  it('exits 130 on Ctrl-C during a fetch, saying so once, and leaves the cache untouched', async () => {
    server.fault = () => new Promise(() => undefined); // never answers
    const child = spawn(process.execPath, [BIN, 'day', day], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    await new Promise((r) => setTimeout(r, 800));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((r) => child.on('close', r));
    expect(code).toBe(130);
    expect(stderr).toBe('papers: interrupted\n');
    expect(existsSync(dirs.cache) ? readdirSync(dirs.cache) : []).toEqual([]);
  });

  it('Ctrl-C during a fetch on a terminal: the spinner stops, the cursor comes back, exit 130, cache untouched', async () => {
    server.fault = () => new Promise(() => undefined);
    // set -m: a background job of a shell without job control would ignore SIGINT.
    const script = `stty cols 80 rows 24; set -m; "${process.execPath}" "${BIN}" day ${day} & pid=$!; sleep 1.2; kill -INT $pid; wait $pid; echo "[exit=$?]"`;
    const child = spawn('script', ['-qec', script, '/dev/null'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    await new Promise((r) => child.on('close', r));
    expect(out).toMatch(/\[exit=130\]/);
    expect(out).toContain('fetching');
    expect(out.lastIndexOf('\x1b[?25h')).toBeGreaterThan(out.lastIndexOf('\x1b[?25l'));
    expect(out).toContain('papers: interrupted');
    expect(cacheFiles()).toEqual([]);
  });
});

describe('the pager', () => {
  it('pages long text through $PAGER on a terminal', async () => {
    server.papers.set('2611.00042', longPaper);
    const pager = path.join(dirs.root, 'pager.sh');
    const seen = path.join(dirs.root, 'paged.txt');
    writeFileSync(pager, `#!/bin/sh\ncat > '${seen}'\necho PAGED\n`);
    chmodSync(pager, 0o755);
    const r = await runInPty(['show', '2611.00042'], { ...env, PAGER: pager }, 80);
    expect(r.code).toBe(0);
    expect(visible(r.stdout)).toContain('PAGED');
    expect(readFileSync(seen, 'utf8')).toContain('Paragraph 79.');
  });

  it('leaves Ctrl-C to the pager while it runs, then exits as the pager did', async () => {
    server.papers.set('2611.00042', longPaper);
    await runPapers(['show', '2611.00042'], env); // cached, so the paging run needs no network
    const pager = path.join(dirs.root, 'slow-pager.sh');
    writeFileSync(pager, `#!/bin/sh\ntrap '' INT\nsleep 1\ncat > /dev/null\necho PAGER-DONE\n`);
    chmodSync(pager, 0o755);
    const script = `stty cols 80 rows 20; set -m; PAGER='${pager}' "${process.execPath}" "${BIN}" show 2611.00042 --offline & pid=$!; sleep 0.5; kill -INT $pid; wait $pid; echo "[exit=$?]"`;
    const child = spawn('script', ['-qec', script, '/dev/null'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    await new Promise((r) => child.on('close', r));
    expect(out).toContain('PAGER-DONE');
    expect(out).toMatch(/\[exit=0\]/);
  });
});

describe('pipes', () => {
  /** 3,000 papers of `day` in the cache: the runs below are about the pipe, so they read it --offline. */
  async function bigDayCached(): Promise<void> {
    server.days.set(day, dayItems(day, 3000));
    expect((await runPapers(['day', day, '--limit', '0', '--json'], env)).code).toBe(0);
  }

  it('exits 0 quietly when the reader closes early (| head -1)', async () => {
    await bigDayCached();
    const r = await runShell(`eval "$PAPERS day ${day} --offline --limit 0 --json" | head -c 100 >/dev/null; echo "exit=\${PIPESTATUS[0]}"`, env);
    expect(r.stdout.trim()).toBe('exit=0');
    expect(r.stderr).toBe('');
  });

  it('never truncates piped output', async () => {
    await bigDayCached();
    const r = await runCli(['day', day, '--offline', '--limit', '0', '--json'], env);
    const papers = JSON.parse(r.stdout) as { id: string }[];
    expect(papers).toHaveLength(3000);
    expect(new Set(papers.map((p) => p.id)).size).toBe(3000);
  });

  it('3,000 papers through --json | cat arrive whole', async () => {
    await bigDayCached();
    const r = await runShell(`eval "$PAPERS day ${day} --offline --json --limit 0" | cat`, env);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(3000);
  });

  it('reads a feed piped into stdin with no argument', async () => {
    const r = await runShell(`cat '${path.join(ROOT, 'fixtures', 'arxiv', 'query-current.xml')}' | eval "$PAPERS read"`, env);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\t')[3]).toBe('2611.01234');
  });
});

describe('several processes and a process’s memory', () => {
  it('a 100 MB body is refused at the size cap without buffering it all', async () => {
    server.days.set(day, [hfItem('2611.00001', day, 5, 1), hfItem('2611.00002', day, 7, 0)]);
    const hasTime = existsSync('/usr/bin/time');
    const maxRss = (stderr: string) => Number(/maxrss=(\d+)/.exec(stderr)![1]);
    const timed = `/usr/bin/time -f 'maxrss=%M' "${process.execPath}" "${BIN}" day ${day}`;
    // The same fetch of a normal answer, for the baseline: Node, undici and conf loaded, a list cached.
    const baseline = hasTime ? maxRss((await runShell(timed, env)).stderr) : 0;
    server.fault = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(256 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < 100 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('error', () => undefined);
      pump();
    };
    // A fresh cache: with the baseline's entry, the failure would rightly show that list instead.
    const fresh = { ...env, PAPERS_CACHE_DIR: path.join(dirs.root, 'fresh-cache') };
    const r = hasTime ? await runShell(timed, fresh) : await runCli(['day', day], fresh);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/larger than 16 MiB; refused/);
    if (hasTime) {
      // What is held is bounded by the 16 MiB cap, far below the 100 MB sent.
      expect(maxRss(r.stderr) - baseline).toBeLessThan(40 * 1024);
    }
  });

  it('eight processes fetching different days at once all succeed, and every day is cached', async () => {
    const days = Array.from({ length: 8 }, (_, i) => addDays(TODAY, -(i + 1)));
    for (const [i, d] of days.entries()) server.days.set(d, dayItems(d, 20, i));
    server.delay = 50;
    const runs = await Promise.all(days.map((d) => runCli(['day', d, '--json'], env)));
    server.delay = 0;
    expect(runs.map((r) => r.code)).toEqual(days.map(() => 0));
    for (const r of runs) expect(JSON.parse(r.stdout)).toHaveLength(20);
    expect(cacheFiles().sort()).toEqual(days.map((d) => `day-${d}.json`).sort());
    for (const f of cacheFiles()) expect(JSON.parse(readFileSync(path.join(dirs.cache, f), 'utf8')).data).toHaveLength(20);
    server.requests = [];
    // Reading them back needs no process of its own.
    const offline = await Promise.all(days.map((d) => runPapers(['day', d, '--offline'], env)));
    expect(offline.map((r) => r.code)).toEqual(days.map(() => 0));
    expect(server.requests).toEqual([]);
  });

  it('eight saves at once lose nothing', async () => {
    const ids = Array.from({ length: 8 }, (_, i) => `2611.0010${i}`);
    for (const id of ids) server.papers.set(id, { id, title: `P ${id}`, upvotes: 1, authors: [] });
    // Looked up beforehand, so that the processes race on the settings file alone.
    for (const id of ids) expect((await runPapers(['show', id], env)).code).toBe(0);
    const runs = await Promise.all(ids.map((id) => runCli(['save', id], env)));
    expect(runs.map((r) => r.code)).toEqual(ids.map(() => 0));
    const saved = JSON.parse((await runPapers(['saved', '--json', '--limit', '0'], env)).stdout) as { id: string }[];
    expect(saved.map((p) => p.id).sort()).toEqual(ids);
  });
});

describe('the built bundle', () => {
  it('loads no vendor bundle on a cache hit: TSV in a pipe, --json, and a fresh entry without --offline', async () => {
    server.days.set(day, [hfItem('2611.00001', day, 5, 1), hfItem('2611.00002', day, 7, 0)]);
    // A preload that writes down, as the process exits, every file it required.
    const preload = path.join(dirs.root, 'record-requires.cjs');
    const record = path.join(dirs.root, 'required.json');
    writeFileSync(preload, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(record)}, JSON.stringify(Object.keys(require.cache))));\n`);
    const vendorsLoaded = async (args: string[]) => {
      const r = await runCli(args, { ...env, NODE_OPTIONS: `--require ${preload}` });
      expect(r.code, args.join(' ')).toBe(0);
      const files = JSON.parse(readFileSync(record, 'utf8')) as string[];
      expect(files, 'the preload saw the entry load').toContain(BIN);
      return files.filter((f) => f.startsWith(path.join(ROOT, 'dist', 'vendor') + path.sep)).map((f) => path.basename(f));
    };
    // The fetch that fills the cache loads undici: what is recorded does show vendor bundles.
    expect(await vendorsLoaded(['day', day])).toContain('undici.cjs');
    expect(await vendorsLoaded(['day', day, '--offline'])).toEqual([]);
    expect(await vendorsLoaded(['day', day, '--offline', '--json'])).toEqual([]);
    expect(await vendorsLoaded(['day', day])).toEqual([]);
  });

  it('-V prints the version the build stamped from package.json', async () => {
    const r = await runCli(['-V'], env);
    expect(r.stdout).toBe(`${JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version}\n`);
  });
});
