import { closeSync, constants, lstatSync, mkdirSync, openSync, rmSync, unlinkSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { PapersError } from '../core/errors.js';
import { setAside } from './safeFile.js';

const STALE_MS = 10_000;
const WAIT_MS = 5_000;

/**
 * Runs `fn` holding an exclusive lock file beside `file`: conf rewrites its whole file on every set,
 * so two processes saving at once would otherwise lose one's change. A lock older than 10 s is taken
 * as left by a crashed process and broken. Anything at the lock's path that is not a regular file
 * (a directory, a dangling link) is not a lock papers made: it is set aside, so it can never block
 * saving for good. A directory where the lock cannot be made is a plain error (exit 1).
 */
export async function withLock<T>(file: string, fn: () => Promise<T> | T, warn?: (message: string) => void): Promise<T> {
  const lock = `${file}.lock`;
  const started = Date.now();
  for (;;) {
    try {
      closeSync(openSync(lock, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW));
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        makeDir(dirname(lock));
        continue;
      }
      if (code !== 'EEXIST') throw cannotLock(lock, code);
      try {
        const st = lstatSync(lock);
        if (!st.isFile()) {
          const aside = setAside(lock);
          warn?.(`${basename(lock)} was not a lock file papers made; set aside as ${aside}`);
          continue;
        }
        if (Date.now() - st.mtimeMs > STALE_MS) rmSync(lock, { force: true });
      } catch (inner) {
        if (inner instanceof PapersError) throw inner;
        // gone in the meantime, or could not be moved: try again until the wait is over
      }
      if (Date.now() - started > WAIT_MS) throw new PapersError(`${lock} is held by another papers`, 1, 'try again in a moment');
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 30));
    }
  }
  try {
    return await fn();
  } finally {
    // unlink, not rmSync: rmSync's own checks cost ~0.3 ms at every save.
    try {
      unlinkSync(lock);
    } catch {
      // broken as stale by another papers: not ours to remove any more
    }
  }
}

function makeDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw cannotLock(dir, (error as NodeJS.ErrnoException).code);
  }
}

function cannotLock(path: string, code: string | undefined): PapersError {
  const why =
    code === 'ENOTDIR' || code === 'EEXIST'
      ? 'a part of the path is not a directory'
      : code === 'EROFS'
        ? 'the file system is read-only'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : (code ?? 'error');
  return new PapersError(`cannot write the settings: ${path}: ${why}`, 1, 'check PAPERS_CONFIG_DIR and the directory');
}
