import { closeSync, constants, fstatSync, linkSync, mkdirSync, openSync, readSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { marksFrom, marksToJson, NO_MARKS, pruned, withRead, withSeen, type Marks } from '../core/marks.js';
import { withLock } from './lock.js';
import { EXIT, PapersError } from '../core/errors.js';

/**
 * Runs a change of the marks that comes with showing something (a table, an abstract, a browser): a
 * failure to record it (an unwritable data dir, a lock held too long) is a warning, not a failed command.
 */
export async function recordMarks(warn: (message: string) => void, change: () => Promise<void>): Promise<void> {
  try {
    await change();
  } catch (error) {
    warn(`could not record the marks: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A marks file past this size is not read (a year of heavy use is well under 1 MiB). */
const MAX_BYTES = 16 * 1024 * 1024;

/**
 * The reader's marks (seen, read, the last `papers new`): one small JSON file in the data directory,
 * neither the cache (`cache clear` keeps it) nor the settings (it changes daily). Read once, only by
 * what needs it; every change is a read-modify-write under a lock, written by an atomic rename.
 */
export class MarksStore {
  readonly path: string;
  #marks: Marks | undefined;
  /** The file (device, inode, size, time) #marks was read from; a change under the lock reuses it if the file is still that one. */
  #readFrom: string | null = null;
  #warned = false;

  constructor(
    readonly dir: string,
    private readonly today: () => string,
    private readonly warn: (message: string) => void,
  ) {
    this.path = join(dir, 'marks.json');
  }

  /** The marks as the file holds them (read on first use). */
  get marks(): Marks {
    if (this.#marks) return this.#marks;
    const got = this.#load();
    this.#readFrom = got.from;
    return (this.#marks = got.marks);
  }

  isSeen(id: string): boolean {
    return this.marks.seen.has(id);
  }

  isRead(id: string): boolean {
    return this.marks.read.has(id);
  }

  /** Marks seen; `newThrough` records the newest day a `papers new` covered (it never moves back). */
  async markSeen(ids: readonly string[], newThrough?: string): Promise<void> {
    // A list shown again changes nothing: no lock, no write.
    const { marks } = this;
    if (ids.every((id) => marks.seen.has(id)) && (!newThrough || (marks.newThrough !== null && marks.newThrough >= newThrough))) return;
    await this.update((m) => {
      const next = withSeen(m, ids, this.today());
      return newThrough && (m.newThrough === null || newThrough > m.newThrough) ? { ...next, newThrough } : next;
    });
  }

  /** Marks read (or, with `read` false, unread again). */
  async markRead(ids: readonly string[], read = true): Promise<void> {
    await this.update((m) => withRead(m, ids, read, this.today()));
  }

  /** Applies a change to the marks as they are on disk now, under the lock, pruned, and writes them. */
  async update(change: (marks: Marks) => Marks): Promise<Marks> {
    try {
      mkdirSync(this.dir, { recursive: true });
    } catch (error) {
      throw new PapersError(
        `cannot write the marks in ${this.dir} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
        EXIT.failure,
        'check PAPERS_DATA_DIR',
      );
    }
    return withLock(this.path, () => {
      const got = this.#load(this.#readFrom);
      if (got.corrupt) this.#setAside();
      const next = pruned(change(got.marks), this.today());
      const temp = `${this.path}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`;
      try {
        // 'wx': a fresh file, never one (or a link) planted under that name.
        writeFileSync(temp, marksToJson(next), { flag: 'wx' });
        renameSync(temp, this.path);
      } catch (error) {
        rmSync(temp, { force: true });
        throw new PapersError(`cannot write ${this.path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`, EXIT.failure, 'the old marks are kept');
      }
      this.#marks = next;
      this.#readFrom = null;
      return next;
    });
  }

  /**
   * Reads the file without following a link, waiting on a FIFO, or reading past the cap. When it is
   * still the file `unchanged` names (every write replaces it by a rename), #marks is not read again.
   */
  #load(unchanged: string | null = null): { marks: Marks; corrupt: boolean; from: string | null } {
    let fd: number;
    try {
      fd = openSync(this.path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { marks: NO_MARKS, corrupt: false, from: null };
      return this.#bad(`cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    let text: string;
    let from: string;
    try {
      const stat = fstatSync(fd, { bigint: true });
      if (!stat.isFile()) return this.#bad('is not a regular file');
      if (stat.size > MAX_BYTES) return this.#bad(`is over ${MAX_BYTES / 1024 / 1024} MiB`);
      from = `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
      if (this.#marks && from === unchanged) return { marks: this.#marks, corrupt: false, from };
      const size = Number(stat.size);
      const buffer = Buffer.alloc(size);
      let got = 0;
      while (got < size) {
        const n = readSync(fd, buffer, got, size - got, got);
        if (n === 0) break;
        got += n;
      }
      text = buffer.toString('utf8', 0, got);
    } finally {
      closeSync(fd);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return this.#bad('is not valid JSON');
    }
    const marks = marksFrom(raw);
    return marks ? { marks, corrupt: false, from } : this.#bad('is not a marks file');
  }

  #bad(why: string): { marks: Marks; corrupt: boolean; from: null } {
    if (!this.#warned) this.warn(`the marks file ${basename(this.path)} ${why}; starting afresh (it is set aside at the next change)`);
    this.#warned = true;
    return { marks: NO_MARKS, corrupt: true, from: null };
  }

  /** Moves the bad file to the first free `marks.json.corrupt[.N]`: a backup is never overwritten. */
  #setAside(): void {
    for (let n = 0; n < 100; n++) {
      const aside = `${this.path}.corrupt${n === 0 ? '' : `.${n}`}`;
      try {
        linkSync(this.path, aside);
        unlinkSync(this.path);
        this.warn(`set the bad marks file aside as ${basename(aside)}`);
        return;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') continue;
        if (code === 'ENOENT') return;
        break;
      }
    }
    // Cannot keep a copy: it is replaced below, which is all that can be done.
  }
}
