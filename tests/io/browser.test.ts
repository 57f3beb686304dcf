import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PapersError } from '../../src/core/errors.js';
import { assertOpenable, openers, openUrl } from '../../src/io/browser.js';
import { tempDirs } from '../helpers/cli.js';

describe('assertOpenable', () => {
  it('allows http and https links only', () => {
    expect(() => assertOpenable('https://arxiv.org/abs/2405.13956')).not.toThrow();
    expect(() => assertOpenable('http://example.test/')).not.toThrow();
    for (const bad of ['file:///etc/passwd', 'javascript:alert(1)', '--help', '-https://x', 'ftp://x/y', 'not a url', '']) {
      expect(() => assertOpenable(bad)).toThrow(PapersError);
    }
    expect(() => assertOpenable('file:///etc/passwd')).toThrow('refusing to open file:///etc/passwd');
  });

  it('openUrl refuses before starting anything', async () => {
    await expect(openUrl('file:///etc/passwd', { BROWSER: '/bin/false' }, 'linux', { terminal: false })).rejects.toThrow(/refusing to open/);
  });
});

describe('openers', () => {
  const url = 'https://arxiv.org/abs/2405.13956';
  it('follows $BROWSER: a colon-separated list in order, %s as the URL, else the URL appended as one argument', () => {
    expect(openers(url, { BROWSER: 'firefox --new-tab:chromium' }, 'linux')).toEqual([
      { command: 'firefox', args: ['--new-tab', url] },
      { command: 'chromium', args: [url] },
    ]);
    expect(openers(url, { BROWSER: 'mybrowser --url=%s --x : lynx' }, 'linux')).toEqual([
      { command: 'mybrowser', args: [`--url=${url}`, '--x'] },
      { command: 'lynx', args: [url] },
    ]);
    expect(openers(url, { BROWSER: 'b 100%% %s' }, 'linux')).toEqual([{ command: 'b', args: ['100%', url] }]);
    expect(openers(url, { BROWSER: 'b 100%%s' }, 'linux')).toEqual([{ command: 'b', args: ['100%s', url] }]);
  });

  it('uses the platform opener only without $BROWSER', () => {
    expect(openers(url, {}, 'linux')).toEqual([{ command: 'xdg-open', args: [url] }]);
    expect(openers(url, { BROWSER: ' : ' }, 'darwin')).toEqual([{ command: 'open', args: [url] }]);
    expect(openers(url, {}, 'win32')[0]!.command).toBe('rundll32');
  });
});

describe('openUrl', () => {
  const url = 'https://arxiv.org/abs/2405.13956';
  let dirs: ReturnType<typeof tempDirs>;
  beforeEach(() => {
    dirs = tempDirs();
    mkdirSync(dirs.root, { recursive: true });
  });
  afterEach(() => dirs.cleanup());
  const script = (name: string, body: string) => {
    const file = path.join(dirs.root, name);
    writeFileSync(file, `#!/bin/sh\n${body}\n`);
    chmodSync(file, 0o755);
    return file;
  };

  it('tries the entries of $BROWSER until one exists', async () => {
    const seen = path.join(dirs.root, 'seen');
    const ok = script('ok', `printf '%s|' "$@" > '${seen}'`);
    const opened = await openUrl(url, { BROWSER: `/nonexistent/a:${dirs.root}:${ok} --flag` }, 'linux', { terminal: false });
    expect(opened).toEqual({ kind: 'opened', command: ok });
    expect(readFileSync(seen, 'utf8')).toBe(`--flag|${url}|`);
    expect(await openUrl(url, { BROWSER: '/nonexistent/a:/nonexistent/b' }, 'linux', { terminal: false })).toEqual({ kind: 'none' });
  });

  it('reports an opener that fails, with what it said or its exit code', async () => {
    const loud = script('loud', 'echo "no method available for opening $1" >&2; exit 4');
    expect(await openUrl(url, { BROWSER: loud }, 'linux', { terminal: false })).toEqual({
      kind: 'failed',
      command: loud,
      message: `no method available for opening ${url}`,
    });
    expect(await openUrl(url, { BROWSER: 'false' }, 'linux', { terminal: false })).toEqual({ kind: 'failed', command: 'false', message: 'exit code 1' });
  });

  it('takes an opener still running after the grace period (a browser started directly) as opened', async () => {
    const stays = script('stays', 'exec sleep 1');
    expect(await openUrl(url, { BROWSER: stays }, 'linux', { terminal: false, graceMs: 50 })).toEqual({ kind: 'opened', command: stays });
  });

  it('waits for a terminal browser on a terminal, and reports its failure', async () => {
    const bin = path.join(dirs.root, 'bin');
    mkdirSync(bin);
    const seen = path.join(dirs.root, 'seen');
    writeFileSync(path.join(bin, 'w3m'), `#!/bin/sh\nsleep 0.2; printf '%s' "$1" > '${seen}'; exit "$W3M_EXIT"\n`);
    chmodSync(path.join(bin, 'w3m'), 0o755);
    process.env.W3M_EXIT = '0';
    try {
      // Waited for: what it wrote is there as soon as openUrl resolves, after its sleep.
      expect(await openUrl(url, { BROWSER: path.join(bin, 'w3m') }, 'linux', { terminal: true, graceMs: 10 })).toMatchObject({ kind: 'opened' });
      expect(readFileSync(seen, 'utf8')).toBe(url);
      process.env.W3M_EXIT = '2';
      expect(await openUrl(url, { BROWSER: path.join(bin, 'w3m') }, 'linux', { terminal: true })).toMatchObject({ kind: 'failed', message: 'exit code 2' });
    } finally {
      delete process.env.W3M_EXIT;
    }
  });
});
