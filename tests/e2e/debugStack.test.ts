// Stack frames into the minified bundle are no use to anyone (issue 18): the build ships
// dist/cli.cjs.map, and PAPERS_DEBUG=1 turns Node's source maps on, so an unexpected error's stack
// names src/*.ts lines; without PAPERS_DEBUG there is no stack at all. The crash is a real one: a
// broken install, whose vendor bundle throws when loaded. A spawned process: the loader in bin/ is the point.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanEnv, ROOT, runProcess, tempDirs } from '../helpers/cli.js';

let dirs: ReturnType<typeof tempDirs>;
let bin: string;
beforeEach(() => {
  dirs = tempDirs();
  // A copy of the installed package whose commander bundle is broken: help loads it.
  for (const part of ['bin', 'dist', 'package.json']) cpSync(path.join(ROOT, part), path.join(dirs.root, 'pkg', part), { recursive: true });
  writeFileSync(path.join(dirs.root, 'pkg', 'dist', 'vendor', 'commander.cjs'), "throw new Error('a broken install');\n");
  bin = path.join(dirs.root, 'pkg', 'bin', 'papers.cjs');
});
afterEach(() => dirs.cleanup());

const env = (extra: Record<string, string> = {}) =>
  cleanEnv({ PAPERS_CACHE_DIR: dirs.cache, PAPERS_CONFIG_DIR: dirs.config, PAPERS_DATA_DIR: dirs.data, PAPERS_API_URL: 'http://127.0.0.1:9', ...extra });
const frames = (stderr: string) => stderr.split('\n').filter((l) => /^\s+at /.test(l));

describe('an unexpected error', () => {
  it('the bundle names its source map, and the package ships it', () => {
    expect(
      readFileSync(path.join(ROOT, 'dist', 'cli.cjs'), 'utf8')
        .trimEnd()
        .endsWith('//# sourceMappingURL=cli.cjs.map'),
    ).toBe(true);
    const map = JSON.parse(readFileSync(path.join(ROOT, 'dist', 'cli.cjs.map'), 'utf8')) as { sources: string[] };
    expect(map.sources).toContain('../src/cli/run.ts');
    expect((JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { files: string[] }).files).toContain('dist');
  });

  it('with PAPERS_DEBUG=1: its stack, whose frames in papers name src/*.ts lines, not the bundle', async () => {
    const r = await runProcess(process.execPath, [bin, '--help'], env({ PAPERS_DEBUG: '1' }));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^papers: unexpected error: a broken install\n/);
    const ours = frames(r.stderr).filter((l) => !l.includes('node:') && !l.includes('vendor'));
    expect(ours.length).toBeGreaterThan(0);
    for (const frame of ours) expect(frame).toMatch(/[/\\]src[/\\](cli|commands|core|io|render|sources|ui)[/\\][\w/\\]+\.ts:\d+:\d+\)?$/);
    expect(r.stderr).not.toMatch(/cli\.cjs:\d+/);
  });

  it('without PAPERS_DEBUG: one line and the hint, no stack', async () => {
    const r = await runProcess(process.execPath, [bin, '--help'], env());
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('papers: unexpected error: a broken install\nhint: run again with PAPERS_DEBUG=1 for details, and report it\n');
    expect(frames(r.stderr)).toEqual([]);
  });
});
