import { closeSync, mkdirSync, openSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { PapersError } from '../core/errors.js';

const STALE_MS = 10_000;
const WAIT_MS = 5_000;

/**
 * Runs `fn` holding an exclusive lock file beside `file`: conf rewrites its whole file on every set,
 * so two processes saving at once would otherwise lose one's change. A lock older than 10 s is taken
 * as left by a crashed process and broken.
 */
export async function withLock<T>(file: string, fn: () => Promise<T> | T): Promise<T> {
  const lock = `${file}.lock`;
  const started = Date.now();
  for (;;) {
    try {
      closeSync(openSync(lock, 'wx'));
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        mkdirSync(dirname(lock), { recursive: true });
        continue;
      }
      if (code !== 'EEXIST') throw error;
      try {
        if (Date.now() - statSync(lock).mtimeMs > STALE_MS) rmSync(lock, { force: true });
      } catch {
        // gone in the meantime: try again
      }
      if (Date.now() - started > WAIT_MS) throw new PapersError(`${lock} is held by another papers`, 1, 'try again in a moment');
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 30));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { force: true });
  }
}
