// How the built CLI's process ends (src/cli/main.ts): at once when the run is over and nothing of it is
// in flight, without waiting for Node to take the environment down; on its own, as any Node program,
// when something still is. A probe loaded with --require says whether Node's 'beforeExit' came, which
// it does only on the way to that slower ending.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { addDays, nyDay } from '../../src/core/dates.js';
import { BIN, runCli, type tempDirs } from '../helpers/cli.js';
import { runInPty, visible } from '../helpers/pty.js';
import { TODAY } from '../helpers/run.js';
import { type FakeHf, hfItem } from '../helpers/server.js';
import { useHarness } from '../helpers/harness.js';

// A spawned CLI reads the real clock: only a day it would accept on any date is used here.
const day = addDays(TODAY, -1);
let server: FakeHf;
let dirs: ReturnType<typeof tempDirs>;
let env: NodeJS.ProcessEnv;
useHarness((h) => ({ server, dirs, env } = h), { COLUMNS: '80' });

const PROBE = `
const { writeSync } = require('node:fs');
process.on('beforeExit', () => writeSync(2, 'probe: beforeExit\\n'));
if (process.env.PROBE_PENDING) setTimeout(() => writeSync(2, 'probe: pending work done\\n'), 300);
`;
let probed: NodeJS.ProcessEnv;

beforeEach(async () => {
  server.days.set(day, [hfItem('2611.00001', day, 5, 1), hfItem('2611.00002', day, 7, 0)]);
  expect((await runCli(['day', day, '--format', 'tsv'], env)).code).toBe(0);
  const probe = path.join(dirs.root, 'probe.cjs');
  writeFileSync(probe, PROBE);
  probed = { ...env, NODE_OPTIONS: `--require ${probe}` };
});

describe('the end of a run', () => {
  it('with nothing in flight, the process ends at once: output whole, exit code kept', async () => {
    const hit = await runCli(['day', day, '--offline', '--format', 'tsv'], probed);
    expect(hit.code).toBe(0);
    expect(
      hit.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split('\t')[3]),
    ).toEqual(['2611.00002', '2611.00001']);
    expect(hit.stderr).toBe('');
    const misuse = await runCli(['tody'], probed);
    expect(misuse.code).toBe(2);
    expect(misuse.stderr).toMatch(/^papers: unknown command 'tody'\n/);
    expect(misuse.stderr).not.toContain('beforeExit');
  });

  it('on a terminal too, where stdout is a stream (written synchronously on POSIX)', async () => {
    const r = await runInPty(['day', day, '--offline'], probed, 80);
    expect(r.code).toBe(0);
    expect(visible(r.stdout)).toContain('2611.00001');
    expect(r.stdout).not.toContain('beforeExit');
  });

  it('anything still pending keeps the process until it is done, as before', async () => {
    const r = await runCli(['day', day, '--offline', '--format', 'tsv'], { ...probed, PROBE_PENDING: '1' });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(2);
    expect(r.stderr).toBe('probe: pending work done\nprobe: beforeExit\n');
  });
});

/** `papers new` of the cached days, with a lock on the marks planted so that it waits there once its list is out. */
async function newWaitingForTheLock() {
  // papers new counts back from the real today of the spawned CLI.
  // eslint-disable-next-line no-restricted-syntax -- the spawned CLI's clock, not the in-process one
  const yesterday = addDays(nyDay(new Date()), -1);
  server.days.set(yesterday, [hfItem('2611.00011', yesterday, 5, 1), hfItem('2611.00012', yesterday, 7, 0)]);
  expect((await runCli(['new', '--since', '-1', '--peek', '--format', 'tsv'], env)).code).toBe(0);
  mkdirSync(dirs.data, { recursive: true });
  const lock = path.join(dirs.data, 'marks.json.lock');
  writeFileSync(lock, '');
  const child = spawn(process.execPath, [BIN, 'new', '--since', '-1', '--offline', '--format', 'tsv'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const listed = new Promise<void>((resolve) =>
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      if (stdout.split('\n').length > 2) resolve();
    }),
  );
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  await listed;
  return { child, lock, closed, out: () => ({ stdout, stderr }), marks: path.join(dirs.data, 'marks.json') };
}

describe('Ctrl-C while papers new writes its marks', () => {
  it('the marks of the list already out are written whole, then the run ends as interrupted (130)', async () => {
    const run = await newWaitingForTheLock();
    await new Promise((r) => setTimeout(r, 200));
    run.child.kill('SIGINT');
    await new Promise((r) => setTimeout(r, 300));
    rmSync(run.lock);
    expect(await run.closed).toBe(130);
    expect(run.out().stderr).toMatch(/papers: interrupted\n$/);
    expect(readFileSync(run.marks, 'utf8')).toContain('2611.00012');
  });

  it('a second Ctrl-C quits at once, without waiting for the lock or writing anything', async () => {
    const run = await newWaitingForTheLock();
    const started = Date.now();
    run.child.kill('SIGINT');
    await new Promise((r) => setTimeout(r, 200));
    run.child.kill('SIGINT');
    expect(await run.closed).toBe(130);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(existsSync(run.marks)).toBe(false);
  });
});
