import {
  closeSync,
  constants,
  copyFileSync,
  fstatSync,
  fsyncSync,
  linkSync,
  lstatSync,
  openSync,
  readSync,
  readdirSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** What reading a small file of papers' own found. */
export type ReadResult = { kind: 'ok'; text: string } | { kind: 'missing' } | { kind: 'refused'; why: string };
/** The same, as bytes. */
export type BytesResult = { kind: 'ok'; bytes: Buffer } | { kind: 'missing' } | { kind: 'refused'; why: string };

/**
 * Reads a file papers wrote (a cache entry, the settings, the row file) without trusting what sits at
 * its path: a symlink is not followed (O_NOFOLLOW), a FIFO is never waited on (O_NONBLOCK), anything
 * but a regular file is refused (fstat), and at most `max` bytes are read, so /dev/zero or a planted
 * giant cannot exhaust memory. `missing` covers an absent file and a path through a non-directory.
 */
export function readOwnFile(file: string, max: number): ReadResult {
  const got = readOwnBytes(file, max);
  return got.kind === 'ok' ? { kind: 'ok', text: got.bytes.toString('utf8') } : got;
}

/**
 * readOwnFile's bytes, not decoded. `buffer(size)` gives the memory to read into, at least `size`
 * bytes (the bytes returned are then a view of it): a caller reading many files can pass the same
 * memory each time, as fresh memory costs a page fault per 4 KiB on first touch.
 */
export function readOwnBytes(file: string, max: number, buffer: (size: number) => Buffer = Buffer.allocUnsafe): BytesResult {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    return { kind: 'refused', why: code === 'ELOOP' ? 'a symlink' : `unreadable (${code ?? 'error'})` };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { kind: 'refused', why: `not a regular file (${fileType(st)})` };
    if (st.size > max) return { kind: 'refused', why: `larger than ${mib(max)}` };
    // The size may change under us: read at most max + 1 bytes whatever fstat said.
    const size = Math.min(st.size, max) + 1;
    const buf = buffer(size).subarray(0, size);
    let got = 0;
    for (;;) {
      if (got === buf.length) return { kind: 'refused', why: `larger than ${mib(max)}` };
      const n = readSync(fd, buf, got, buf.length - got, null);
      if (n === 0) break;
      got += n;
    }
    return { kind: 'ok', bytes: buf.subarray(0, got) };
  } catch (error) {
    return { kind: 'refused', why: `unreadable (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  } finally {
    closeSync(fd);
  }
}

function mib(bytes: number): string {
  return bytes >= 1048576 ? `${Math.round(bytes / 1048576)} MiB` : `${Math.round(bytes / 1024)} KiB`;
}

function fileType(st: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'a special file';
}

/** A write that did not complete; the old file is untouched. `code` is the errno code when there was one. */
class WriteFailed extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'WriteFailed';
  }
}

/**
 * What text is encoded into on its way to a file, reused: a new buffer the size of the text costs a
 * page fault per 4 KiB touched (a month's 1.6 MB cache entry: ~5 ms more than this one's 64 KiB).
 */
let scratch: { encoder: TextEncoder; bytes: Uint8Array } | undefined;

/**
 * Replaces `file` with `data` or leaves it as it was: the bytes go to a new temporary file beside it
 * (created exclusively, never through a link), every write's count is checked, the file is fsynced and
 * its size checked against what was meant, and only then renamed over `file`. A full disk, a read-only
 * mount or an I/O error throws WriteFailed and removes the temporary file. (Temporary names are
 * `<file>.tmp-<pid>-<random>`, which `cache clear` knows as papers'.)
 */
export function writeFileAtomic(file: string, data: string): void {
  scratch ??= { encoder: new TextEncoder(), bytes: new Uint8Array(64 * 1024) };
  const { encoder, bytes } = scratch;
  const temp = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
  let fd: number | null = null;
  try {
    fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o666);
    // UTF-8 a piece at a time (encodeInto never cuts a character in two), each piece written whole.
    let meant = 0;
    for (let at = 0; at < data.length;) {
      const { read, written } = encoder.encodeInto(at === 0 ? data : data.slice(at), bytes);
      at += read;
      meant += written;
      for (let offset = 0; offset < written;) {
        const n = writeSync(fd, bytes, offset, written - offset);
        if (n <= 0) throw new WriteFailed('the disk took no more bytes', 'ENOSPC');
        offset += n;
      }
    }
    fsyncSync(fd);
    const size = fstatSync(fd).size;
    if (size !== meant) throw new WriteFailed(`wrote ${size} of ${meant} bytes`);
    closeSync(fd);
    fd = null;
    renameSync(temp, file);
  } catch (error) {
    if (fd !== null) {
      try {
        closeSync(fd);
      } catch {
        // closing is all that is left to try
      }
    }
    rmSync(temp, { force: true });
    if (error instanceof WriteFailed) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new WriteFailed(describe(code, (error as Error).message), code);
  }
  // The rename itself is durable once the directory is synced; a failure here loses nothing.
  try {
    const dir = openSync(dirname(file), constants.O_RDONLY);
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  } catch {
    // some file systems refuse fsync on a directory
  }
}

/** A file system error in words (`no space left on the disk`), for warnings and errors. */
export function describeError(error: unknown): string {
  if (error instanceof WriteFailed) return error.message;
  return describe((error as NodeJS.ErrnoException | null)?.code, error instanceof Error ? error.message : String(error));
}

function describe(code: string | undefined, message: string): string {
  switch (code) {
    case 'ENOSPC':
      return 'no space left on the disk';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'EROFS':
      return 'the file system is read-only';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'a part of the path is not a directory';
    case 'EISDIR':
      return 'a directory is in the way';
    case 'EIO':
      return 'an I/O error';
    default:
      return code ? `${code}` : message;
  }
}

/** How many set-aside copies of one file are kept; older ones are removed when a new one is made. */
const KEEP_BACKUPS = 5;

/**
 * Sets a file aside as `<file>.corrupt-<n>`, numbered one past the highest there, never over an
 * existing backup (a hard link fails rather than replace). With `keep`, the file stays where it is
 * too (its caller is about to replace it by rename, so the old content lives on in the backup).
 * Only the last few backups of that file are kept. Returns the backup's name; throws when it could
 * not be made.
 */
export function setAside(file: string, keep = false): string {
  const dir = dirname(file);
  const base = basename(file);
  const numbers = backupsOf(dir, base);
  let n = (numbers.at(-1) ?? 0) + 1;
  for (let attempt = 0; attempt < 100; attempt++, n++) {
    const aside = join(dir, `${base}.corrupt-${n}`);
    try {
      linkSync(file, aside);
      if (!keep) unlinkSync(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      if (code === 'ENOENT') throw error;
      // No hard link here (a directory, a file system without them): copy a regular file we keep,
      // else move it, having checked that nothing has the backup's name.
      if (exists(aside)) continue;
      const st = lstatSync(file);
      if (keep && st.isFile()) copyFileSync(file, aside, constants.COPYFILE_EXCL);
      else renameSync(file, aside);
    }
    prune(dir, base);
    return basename(aside);
  }
  throw new Error(`no free backup name for ${base}`);
}

function exists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

/** The numbers of a file's backups, ascending. */
function backupsOf(dir: string, base: string): number[] {
  const prefix = `${base}.corrupt-`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.startsWith(prefix) && /^\d{1,9}$/.test(n.slice(prefix.length)))
    .map((n) => Number(n.slice(prefix.length)))
    .sort((a, b) => a - b);
}

/** Removes all but the last KEEP_BACKUPS backups of a file (never a directory: that may hold anything). */
function prune(dir: string, base: string): void {
  const numbers = backupsOf(dir, base);
  for (const n of numbers.slice(0, Math.max(0, numbers.length - KEEP_BACKUPS))) {
    const old = join(dir, `${base}.corrupt-${n}`);
    try {
      if (!lstatSync(old).isDirectory()) unlinkSync(old);
    } catch {
      // gone already
    }
  }
}
