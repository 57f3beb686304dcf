import { lstatSync, readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { PapersError } from '../core/errors.js';
import { EMPTY_STORE, recoverSaved, storeFrom, type Store } from '../core/settings.js';
import { writeConfStore } from './confWrite.js';
import { withLock } from './lock.js';
import { plural } from '../core/plural.js';
import { describeError, readOwnFile, setAside } from './safeFile.js';

/** Past this size the settings file is not read: a reading list of 10,000 papers is a few MiB. */
const MAX_BYTES = 64 * 1024 * 1024;

interface Loaded {
  store: Store;
  /** Why the file cannot be used as it is (it is set aside at the next write), else null. */
  corrupt: string | null;
  /** The file is a link, FIFO, device or directory: moved aside, never read, before conf touches the path. */
  special: boolean;
  /** Parts of it were dropped (a bad value, a broken reading-list entry): a copy is kept at the next write. */
  damaged: boolean;
}

/**
 * The settings file (settings and the reading list). Read directly and safely (readOwnFile), since
 * every list command looks at the settings; written through conf with a checked atomic writer, under
 * a lock, read afresh inside it, so that nothing another process saved in the meantime is lost. A
 * write that fails (a full disk, a read-only directory) is exit 1 with the old file intact.
 */
export class SettingsStore {
  readonly path: string;

  constructor(
    readonly dir: string,
    private readonly warn: (message: string) => void,
  ) {
    this.path = join(dir, 'config.json');
  }

  /** The last load, reused until a write: a list reads the settings and then the cache cap from them. */
  #loaded: Loaded | undefined;

  /** The store; a corrupt file is set aside as `*.corrupt-N` with its reading list recovered. */
  async read(): Promise<Store> {
    const got = (this.#loaded ??= this.#load());
    if (got.corrupt === null) return got.store;
    try {
      return await this.update((store) => store);
    } catch (error) {
      // Not repairable now (a read-only directory): a list still works, with what could be recovered.
      if (!(error instanceof PapersError)) throw error;
      this.warn(error.message);
      return got.store;
    }
  }

  /** The store as the file holds it now, without repairing anything: for the cache size cap. */
  peek(): Store {
    return (this.#loaded ??= this.#load()).store;
  }

  /** Applies a change under the lock and writes the result; returns the new store. */
  async update(change: (store: Store) => Store): Promise<Store> {
    return withLock(
      this.path,
      async () => {
        this.#loaded = undefined;
        this.#removeLeftovers();
        const got = this.#load();
        if (got.corrupt !== null) this.#setAside(got, `the settings file was ${got.corrupt}`, `${plural(got.store.saved.length, 'saved paper')} recovered`);
        else if (got.damaged) this.#setAside(got, 'the settings file had values that were dropped', 'a copy of it is kept');
        const next = change(got.store);
        try {
          await writeConfStore(this.dir, 'config', next as unknown as Record<string, unknown>, false);
        } catch (error) {
          throw new PapersError(
            `could not write the settings file ${this.path}: ${describeError(error)}; nothing was changed`,
            1,
            'free some space or fix the directory, then try again',
          );
        }
        return next;
      },
      this.warn,
    );
  }

  /** Reads and validates; `corrupt` is the reason when the file cannot be used as it is. */
  #load(): Loaded {
    const got = readOwnFile(this.path, MAX_BYTES);
    if (got.kind === 'missing') {
      this.#checkDir();
      return { store: EMPTY_STORE, corrupt: null, special: false, damaged: false };
    }
    if (got.kind === 'refused') return { store: EMPTY_STORE, corrupt: got.why, special: !got.why.startsWith('larger'), damaged: false };
    const text = got.text;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return { store: { ...EMPTY_STORE, saved: recoverSaved(text) }, corrupt: text.trim() === '' ? 'empty' : 'not valid JSON', special: false, damaged: false };
    }
    const { store, problems } = storeFrom(raw);
    if (problems.length > 0) {
      if (problems.includes('the file is not a JSON object'))
        return { store: { ...EMPTY_STORE, saved: recoverSaved(text) }, corrupt: 'not a settings object', special: false, damaged: false };
      for (const p of problems) this.warn(`${basename(this.path)}: ${p}`);
    }
    return { store, corrupt: null, special: false, damaged: problems.length > 0 };
  }

  /**
   * Temporary files of a writer that was killed mid-write (`config.json.tmp-<pid>-<random>`). Every
   * write happens under the lock held now, so any that exists is a leftover: on a nearly full disk
   * it holds the very space the next write needs.
   */
  #removeLeftovers(): void {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return;
    }
    const prefix = `${basename(this.path)}.tmp-`;
    for (const n of names) if (n.startsWith(prefix)) rmSync(join(this.dir, n), { force: true });
  }

  /** The settings directory that is a file: said once, the defaults used. */
  #checkDir(): void {
    try {
      if (!lstatSync(this.dir).isDirectory()) this.warn(`the settings directory ${this.dir} is not a directory; using the default settings`);
    } catch {
      // absent: made at the first write
    }
  }

  /**
   * Keeps the old file as a numbered backup that is never overwritten. A special file is moved out of
   * the way (conf must not read it); a regular one is kept in place too, so that if the new write
   * fails the old file is still there.
   */
  #setAside(got: Loaded, what: string, after: string): void {
    try {
      const aside = setAside(this.path, !got.special);
      this.warn(`${what}; set aside as ${aside}, ${after}`);
    } catch (error) {
      // Never overwrite what could not be kept.
      throw new PapersError(
        `${what} and could not be set aside (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
        1,
        `move ${this.path} away`,
      );
    }
  }
}
