// What the integrity tests share: a day of large papers, and file systems to fill
// or mount (a small tmpfs plays the full disk and the read-only mount; mounting needs root).
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { hfItem } from './server.js';

/** A day of papers whose abstracts are long enough that the settings and the entry are a few KiB each. */
export function bigItems(day: string, n: number): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) => {
    const item = hfItem(`2611.0000${i + 1}`, day, 10 - i);
    (item.paper as Record<string, unknown>).summary = `Abstract ${i}. ${'lorem ipsum '.repeat(450)}`;
    return item;
  });
}

/**
 * A tmpfs mounter for one test file, unmounting all after it. It returns why not when this user may not
 * mount (the test then skips, saying so).
 */
export function useMounts(): (options: string) => { dir: string; refused: string | null } {
  const mounts: string[] = [];
  afterAll(() => {
    for (const dir of mounts) {
      try {
        execFileSync('umount', [dir], { stdio: 'pipe' });
      } catch {
        execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
      }
      rmSync(dir, { recursive: true, force: true });
    }
  });
  return (options) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'papers-mnt-'));
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'pipe' });
      mounts.push(dir);
      return { dir, refused: null };
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      return { dir, refused: `mount is not permitted here (${String((error as { stderr?: unknown }).stderr ?? (error as Error).message).trim()})` };
    }
  };
}

/** Fills a file system so that only about `leave` bytes stay free. */
export function fill(dir: string, leave: number): void {
  const spare = path.join(dir, 'spare');
  writeFileSync(spare, Buffer.alloc(leave));
  const fd = openSync(path.join(dir, 'filler'), 'w');
  const block = Buffer.alloc(4096, 1);
  try {
    for (;;) writeSync(fd, block);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
  rmSync(spare);
}

export function unfill(dir: string): void {
  rmSync(path.join(dir, 'filler'), { force: true });
}

/** The temporary files a write left in a directory. */
export const temps = (dir: string) => readdirSync(dir).filter((n) => n.includes('.tmp'));
