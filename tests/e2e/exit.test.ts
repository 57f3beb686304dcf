// How the built CLI's process ends (src/cli/main.ts): at once when the run is over and nothing of it is
// in flight, without waiting for Node to take the environment down; on its own, as any Node program,
// when something still is. A probe loaded with --require says whether Node's 'beforeExit' came, which
// it does only on the way to that slower ending.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import { runCli, type tempDirs } from '../helpers/cli.js';
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
