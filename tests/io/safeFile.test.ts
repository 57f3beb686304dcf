import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readOwnFile, setAside, writeFileAtomic } from '../../src/io/safeFile.js';
import { tempDirs } from '../helpers/cli.js';

let dirs: ReturnType<typeof tempDirs>;
let dir: string;
beforeEach(() => {
  dirs = tempDirs();
  dir = dirs.root;
});
afterEach(() => dirs.cleanup());

describe('readOwnFile', () => {
  it('reads a regular file, and calls an absent one (or one under a file) missing', () => {
    writeFileSync(path.join(dir, 'a.json'), '{"a":1}');
    expect(readOwnFile(path.join(dir, 'a.json'), 100)).toEqual({ kind: 'ok', text: '{"a":1}' });
    expect(readOwnFile(path.join(dir, 'none.json'), 100)).toEqual({ kind: 'missing' });
    expect(readOwnFile(path.join(dir, 'a.json', 'x'), 100)).toEqual({ kind: 'missing' });
  });

  it('refuses links (to /dev/zero too), FIFOs, devices and directories without reading or waiting', () => {
    symlinkSync('/dev/zero', path.join(dir, 'zero'));
    writeFileSync(path.join(dir, 'target'), 'x');
    symlinkSync(path.join(dir, 'target'), path.join(dir, 'link'));
    execFileSync('mkfifo', [path.join(dir, 'fifo')]);
    mkdirSync(path.join(dir, 'sub'));
    expect(readOwnFile(path.join(dir, 'zero'), 100)).toEqual({ kind: 'refused', why: 'a symlink' });
    expect(readOwnFile(path.join(dir, 'link'), 100)).toEqual({ kind: 'refused', why: 'a symlink' });
    expect(readOwnFile(path.join(dir, 'fifo'), 100)).toEqual({ kind: 'refused', why: 'not a regular file (a FIFO)' });
    expect(readOwnFile('/dev/null', 100)).toEqual({ kind: 'refused', why: 'not a regular file (a device)' });
    expect(readOwnFile(path.join(dir, 'sub'), 100)).toEqual({ kind: 'refused', why: 'not a regular file (a directory)' });
  });

  it('reads no more than its cap', () => {
    writeFileSync(path.join(dir, 'big'), 'x'.repeat(2048));
    expect(readOwnFile(path.join(dir, 'big'), 1024)).toEqual({ kind: 'refused', why: 'larger than 1 KiB' });
    expect(readOwnFile(path.join(dir, 'big'), 2048)).toMatchObject({ kind: 'ok' });
  });
});

describe('writeFileAtomic', () => {
  it('replaces the file whole and leaves no temporary file', () => {
    const file = path.join(dir, 'c.json');
    writeFileSync(file, 'old');
    writeFileAtomic(file, 'new ✓');
    expect(readFileSync(file, 'utf8')).toBe('new ✓');
    expect(readdirSync(dir)).toEqual(['c.json']);
  });

  it('writes text larger than its 64 KiB buffer byte for byte as Buffer.from would, whatever character falls on a boundary', () => {
    const file = path.join(dir, 'big.json');
    // 1-, 2-, 3- and 4-byte characters and a lone surrogate; each shift moves every boundary by one unit.
    const unit = 'aé✓😀\ud800';
    for (let shift = 0; shift < unit.length; shift++) {
      const text = 'x'.repeat(shift) + unit.repeat(30_000);
      writeFileAtomic(file, text);
      expect(readFileSync(file).equals(Buffer.from(text, 'utf8'))).toBe(true);
    }
    expect(readdirSync(dir)).toEqual(['big.json']);
  });

  it('fails without touching the old file when the directory is gone', () => {
    expect(() => writeFileAtomic(path.join(dir, 'no', 'c.json'), 'x')).toThrow(/ENOENT/);
  });
});

describe('setAside', () => {
  it('numbers backups past the highest there, never over one, and keeps the last five', () => {
    const file = path.join(dir, 'config.json');
    writeFileSync(path.join(dir, 'config.json.corrupt-3'), 'older');
    writeFileSync(file, 'one');
    expect(setAside(file)).toBe('config.json.corrupt-4');
    expect(existsSync(file)).toBe(false);
    expect(readFileSync(path.join(dir, 'config.json.corrupt-3'), 'utf8')).toBe('older');
    for (let i = 0; i < 6; i++) {
      writeFileSync(file, `v${i}`);
      setAside(file);
    }
    expect(readdirSync(dir).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))).toEqual([6, 7, 8, 9, 10].map((n) => `config.json.corrupt-${n}`));
    expect(readFileSync(path.join(dir, 'config.json.corrupt-10'), 'utf8')).toBe('v5');
  });

  it('with keep, the file stays too; a directory is moved whole and never pruned', () => {
    const file = path.join(dir, 'config.json');
    writeFileSync(file, 'kept');
    expect(setAside(file, true)).toBe('config.json.corrupt-1');
    expect(readFileSync(file, 'utf8')).toBe('kept');
    const entry = path.join(dir, 'day-2026-11-27.json');
    mkdirSync(entry);
    writeFileSync(path.join(entry, 'inside'), 'x');
    expect(setAside(entry)).toBe('day-2026-11-27.json.corrupt-1');
    expect(lstatSync(`${entry}.corrupt-1`).isDirectory()).toBe(true);
    expect(readFileSync(path.join(`${entry}.corrupt-1`, 'inside'), 'utf8')).toBe('x');
  });
});
