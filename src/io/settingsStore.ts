import { readFileSync, renameSync } from 'node:fs';
import { basename, join } from 'node:path';
import { EMPTY_STORE, recoverSaved, storeFrom, type Store } from '../core/settings.js';
import { withLock } from './lock.js';
import { plural } from '../core/plural.js';

/**
 * The settings file (settings and the reading list). Read directly, since every list command looks
 * at the settings; written through conf (atomic), under a lock, read afresh inside it, so that
 * nothing another process saved in the meantime is lost.
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
  #loaded: { store: Store; corrupt: string | null } | undefined;

  /** The store; a corrupt file is set aside as `*.corrupt` with its reading list recovered. */
  async read(): Promise<Store> {
    const got = (this.#loaded ??= this.#load());
    if (got.corrupt === null) return got.store;
    return this.update((store) => store);
  }

  /** The store as the file holds it now, without repairing anything: for the cache size cap. */
  peek(): Store {
    return (this.#loaded ??= this.#load()).store;
  }

  /** Applies a change under the lock and writes the result; returns the new store. */
  async update(change: (store: Store) => Store): Promise<Store> {
    return withLock(this.path, async () => {
      this.#loaded = undefined;
      const got = this.#load();
      if (got.corrupt !== null) this.#setAside(got.corrupt, got.store.saved.length);
      const next = change(got.store);
      const { default: Conf } = await import('conf');
      const conf = new Conf<Record<string, unknown>>({ projectName: 'papers', cwd: this.dir, configName: 'config', clearInvalidConfig: true });
      conf.store = next as unknown as Record<string, unknown>;
      return next;
    });
  }

  /** Reads and validates; `corrupt` is the reason when the file cannot be used as it is. */
  #load(): { store: Store; corrupt: string | null } {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return { store: EMPTY_STORE, corrupt: null };
      return { store: EMPTY_STORE, corrupt: `unreadable (${code})` };
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return { store: { ...EMPTY_STORE, saved: recoverSaved(text) }, corrupt: text.trim() === '' ? 'empty' : 'not valid JSON' };
    }
    const { store, problems } = storeFrom(raw);
    if (problems.length > 0) {
      if (problems.includes('the file is not a JSON object')) return { store: { ...EMPTY_STORE, saved: recoverSaved(text) }, corrupt: 'not a settings object' };
      for (const p of problems) this.warn(`${basename(this.path)}: ${p}`);
    }
    return { store, corrupt: null };
  }

  #setAside(why: string, recovered: number): void {
    const aside = `${this.path}.corrupt`;
    try {
      renameSync(this.path, aside);
    } catch {
      // unreadable and unmovable: it is overwritten below, which is all that can be done
    }
    this.warn(`the settings file was ${why}; set aside as ${basename(aside)}, ${plural(recovered, 'saved paper')} recovered`);
  }
}
