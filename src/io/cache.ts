import { lstatSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DATA_CHECKS, entryName, ownKind, READABLE, type EntryKind } from './cacheNames.js';
import { loadConf, writeConfStore } from './confWrite.js';
import { describeError, readOwnBytes, setAside, writeFileAtomic, type BytesResult } from './safeFile.js';
import { dropAbstracts, dropAuthorsAndLinks } from '../core/leanList.js';

/** Bump when the shape of cached data changes; older entries then read as misses. */
const VERSION = 1;
const DEFAULT_CACHE_MAX_BYTES = 50 * 1024 * 1024;

export interface CacheEntry<T> {
  v: number;
  key: string;
  fetchedAt: number;
  data: T;
}

/** One entry file as `list()` gives it. */
export interface EntryFile {
  file: string;
  kind: EntryKind;
  /** The file name without `.json`. */
  name: string;
  size: number;
  mtimeMs: number;
}

/** The row file of the last list shown (see lastList.ts); cleared with the cache. */
export const LAST_LIST = 'last-list.ids';
/** The row file, its temporary files and its set-aside copies. */
const LAST_LIST_FILES = /^last-list\.ids(?:\.corrupt(?:-\d+)?|\.tmp-.*)?$/;

export interface CacheOptions {
  dir: string;
  /** Past this total size, the oldest entries are evicted after a write. */
  maxBytes?: number;
  warn: (message: string) => void;
}

/** Past this size an entry file is not read (a month is a few MiB). */
const MAX_ENTRY_BYTES = 64 * 1024 * 1024;
/** The start of an entry as write() makes it (JSON.stringify keeps the order of the keys). */
const HEAD = new RegExp(`^\\{"v":${VERSION},"key":"([^"\\\\]*)","fetchedAt":(\\d{1,16}),"data":`);

/**
 * One small JSON file per entry, so a hit reads only its own file and concurrent writers of
 * different entries never touch the same file. Writes go through conf with a checked atomic writer
 * (confWrite.ts), loaded only when something is written. Reads go through readOwnBytes: a planted
 * link, FIFO or device is refused, never followed or waited on. The directory may be shared: only
 * files with papers' own exact names are ever read, set aside, evicted or cleared.
 */
export class Cache {
  readonly dir: string;
  readonly #maxBytes: number;
  readonly #warn: (message: string) => void;

  constructor({ dir, maxBytes = DEFAULT_CACHE_MAX_BYTES, warn }: CacheOptions) {
    this.dir = dir;
    this.#maxBytes = maxBytes;
    this.#warn = warn;
  }

  pathOf(key: string): string {
    return join(this.dir, `${entryName(key)}.json`);
  }

  /**
   * The entry for a key, however old; null when absent, from another version, or corrupt (then set
   * aside). `lean`: every paper read without its abstract, authors and links (core/leanList.ts), for
   * a list that shows and matches none of them; the file is left as it is.
   */
  read<T>(key: string, { lean = false } = {}): CacheEntry<T> | null {
    const file = this.pathOf(key);
    const peeked = this.#peeked?.key === key ? this.#peeked.bytes : null;
    // Taken once: a lean read rewrites them.
    this.#peeked = null;
    return this.#entry<T>(file, key, peeked !== null ? { kind: 'ok', bytes: peeked } : this.#readBytes(file), lean);
  }

  /**
   * An entry's bytes and fetch time, read but not parsed, when the file begins exactly as papers
   * writes an entry of this key and version (`{"v":1,"key":"day:…","fetchedAt":…,"data":`); else
   * null, and read() decides what the file is. For a look that may spare the parse (core/listIds.ts);
   * a read() of the same key right after uses these bytes rather than reading the file again. The
   * bytes are valid until the next peek() or read: every read goes into the same memory (papers new
   * peeks at 15 days; fresh memory for each cost ~2 ms of page faults).
   */
  peek(key: string): { fetchedAt: number; bytes: Buffer } | null {
    const got = this.#readBytes(this.pathOf(key));
    this.#peeked = got.kind === 'ok' ? { key, bytes: got.bytes } : null;
    if (got.kind !== 'ok') return null;
    const head = HEAD.exec(got.bytes.toString('latin1', 0, 200));
    if (!head || head[1] !== key) return null;
    const fetchedAt = Number(head[2]);
    return Number.isSafeInteger(fetchedAt) && fetchedAt <= 8.64e15 ? { fetchedAt, bytes: got.bytes } : null;
  }

  /** The bytes of the last peek(), for a read() of its key that comes next. */
  #peeked: { key: string; bytes: Buffer } | null = null;

  /** A file's bytes, read into the memory every read shares (the last peek's bytes are gone then), decoded before the next. */
  #readBytes(file: string): BytesResult {
    this.#peeked = null;
    return readOwnBytes(file, MAX_ENTRY_BYTES, this.#scratchOf);
  }

  /** The memory every read goes into, grown as needed; never from Buffer's shared pool. */
  #scratch: Buffer = Buffer.alloc(0);
  readonly #scratchOf = (size: number): Buffer =>
    this.#scratch.length >= size ? this.#scratch : (this.#scratch = Buffer.allocUnsafeSlow(Math.max(size, 2 * this.#scratch.length)));

  /** The entry in one file of the cache (from `list()`). */
  readFile<T>(file: string): CacheEntry<T> | null {
    return this.#entry<T>(file, undefined, this.#readBytes(file));
  }

  /** The entry in a file's bytes, read a moment ago; `key`, when given, must match; `lean` as read() has it. */
  #entry<T>(file: string, key: string | undefined, got: BytesResult, lean = false): CacheEntry<T> | null {
    if (got.kind === 'missing') return null;
    if (got.kind === 'refused') {
      this.#setAside(file, got.why);
      return null;
    }
    const { bytes } = got;
    const text = lean ? dropAuthorsAndLinks(bytes.toString('utf8', 0, dropAbstracts(bytes, bytes.length))) : bytes.toString('utf8');
    let entry: unknown;
    try {
      entry = JSON.parse(text);
    } catch {
      this.#setAside(file, 'not valid JSON');
      return null;
    }
    const version = (entry as { v?: unknown } | null)?.v;
    if (typeof version === 'number' && version !== VERSION) return null;
    if (!isEntry(entry) || (key !== undefined && entry.key !== key)) {
      this.#setAside(file, 'not a cache entry');
      return null;
    }
    const kind = ownKind(basename(file).replace(/\.json$/, ''));
    if (kind === null || !entry.key.startsWith(`${kind}:`) || !DATA_CHECKS[kind](entry.data)) {
      this.#setAside(file, 'not a cache entry of the right shape');
      return null;
    }
    return entry as CacheEntry<T>;
  }

  /**
   * Stores data for a key, stamped with its fetch time. A failure to write (a full disk, a read-only
   * directory) is a warning, never fatal, and never leaves a cut-short entry: see writeConfStore.
   */
  async write<T>(key: string, data: T, fetchedAt: number): Promise<void> {
    const name = entryName(key);
    const file = join(this.dir, `${name}.json`);
    try {
      this.#clearWay(file);
      const entry: CacheEntry<T> = { v: VERSION, key, fetchedAt, data };
      await writeConfStore(this.dir, name, entry as unknown as Record<string, unknown>, true);
      this.evict([file]);
    } catch (error) {
      this.#warn(`could not write the cache entry ${name}.json (${describeError(error)}); continuing without it`);
    }
  }

  /**
   * Stores data made here from other entries (a full text rendered for a terminal), not fetched: the
   * same file write() makes (the same name, the same compact JSON of the same entry), written by the
   * same checked writer, then evicted like any entry; only conf is left out. conf adds nothing to such a
   * file (papers chooses its path and its bytes) and would cost ~9 ms to load and a read of the old copy,
   * on the path of a first render. The eviction after it never removes `sources`, the keys of the entries
   * it was made from (evicting them for their own copy would fetch them again at every run); and data
   * that would crowd them out (more than a quarter of the cap) or could never be read back (past the
   * size an entry is read to) is not written. Returns the failure in words (the caller decides whether
   * it is worth a warning: nothing is lost, the copy can be made again), or null.
   */
  writeDerived<T>(key: string, data: T, fetchedAt: number, sources: readonly string[]): string | null {
    const name = entryName(key);
    const file = join(this.dir, `${name}.json`);
    try {
      const entry: CacheEntry<T> = { v: VERSION, key, fetchedAt, data };
      const json = JSON.stringify(entry);
      const size = Buffer.byteLength(json);
      if (size > MAX_ENTRY_BYTES) return `the cache entry ${name}.json is not written: ${kib(size)}, more than an entry may take (${kib(MAX_ENTRY_BYTES)})`;
      if (size > this.#maxBytes / 4)
        return `the cache entry ${name}.json is not written: ${kib(size)}, more than a quarter of the cache's size cap (${kib(this.#maxBytes)})`;
      this.#clearWay(file);
      mkdirSync(this.dir, { recursive: true });
      writeFileAtomic(file, json);
      this.evict([file, ...sources.map((k) => this.pathOf(k))]);
      return null;
    } catch (error) {
      return `could not write the cache entry ${name}.json (${describeError(error)})`;
    }
  }

  /** Loads what write() needs (conf), for a caller with time to spare: one waiting on the network. */
  prepareWrite(): void {
    // A failure to load is write()'s to report.
    loadConf().catch(() => undefined);
  }

  /** Removes the oldest entries until the cache is under its cap again; the files in `keep` are never removed. */
  evict(keep: readonly string[] = []): void {
    const entries = this.list();
    let total = entries.reduce((sum, e) => sum + e.size, 0);
    if (total <= this.#maxBytes) return;
    for (const e of entries.sort((a, b) => a.mtimeMs - b.mtimeMs)) {
      if (total <= this.#maxBytes * 0.8) break;
      if (keep.includes(e.file)) continue;
      rmSync(e.file, { force: true });
      total -= e.size;
    }
  }

  /** Every entry file papers wrote (of one kind, when given), with its size and time. */
  list(kind?: EntryKind): EntryFile[] {
    return this.#names().flatMap((n) => {
      const own = n.endsWith('.json') ? ownKind(n.slice(0, -5)) : null;
      if (own === null || (kind !== undefined && own !== kind)) return [];
      const file = join(this.dir, n);
      try {
        const st = lstatSync(file);
        return st.isFile() ? [{ file, kind: own, name: n.slice(0, -5), size: st.size, mtimeMs: st.mtimeMs }] : [];
      } catch {
        return [];
      }
    });
  }

  /** The keys of every entry of a kind: from the name when it is readable, else from the entry. */
  keys(kind: EntryKind): string[] {
    return this.list(kind).flatMap((e) => {
      const readable = READABLE.exec(e.name);
      if (readable) return [`${readable[1]}:${readable[2]}`];
      const entry = this.readFile<unknown>(e.file);
      return entry ? [entry.key] : [];
    });
  }

  /** Removes every file papers wrote here (entries, set-aside entries, temporary files) and nothing else; returns how many. */
  clear(): number {
    let removed = 0;
    for (const n of this.#names()) {
      const base = /^(.*?)\.json(?:\.corrupt(?:-\d+)?|\.tmp-.*|\.lock)?$/.exec(n)?.[1];
      const ours = LAST_LIST_FILES.test(n) || (base !== undefined && ownKind(base) !== null);
      if (!ours) continue;
      try {
        const st = lstatSync(join(this.dir, n));
        if (st.isDirectory()) continue;
        rmSync(join(this.dir, n), { force: true });
        removed++;
      } catch {
        // gone already
      }
    }
    return removed;
  }

  #names(): string[] {
    try {
      return readdirSync(this.dir);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOTDIR') this.#warnOnce(`the cache directory ${this.dir} is not a directory; the cache is not used`);
      else if (code !== 'ENOENT') this.#warnOnce(`cannot read the cache directory ${this.dir} (${code}); the cache is not used`);
      return [];
    }
  }

  #warned = new Set<string>();
  #warnOnce(message: string): void {
    if (this.#warned.has(message)) return;
    this.#warned.add(message);
    this.#warn(message);
  }

  /** Sets a bad entry aside as a numbered `*.corrupt-N` backup (never over an older one). */
  #setAside(file: string, why: string): void {
    try {
      const aside = setAside(file);
      this.#warn(`the cache entry ${basename(file)} was ${why}; set aside as ${aside}`);
    } catch {
      this.#warn(`the cache entry ${basename(file)} was ${why} and could not be set aside`);
    }
  }

  /** Anything but a regular file where an entry goes (a link, a FIFO, a directory) is set aside before conf reads the path. */
  #clearWay(file: string): void {
    let st;
    try {
      st = lstatSync(file);
    } catch {
      return;
    }
    if (!st.isFile()) this.#setAside(file, 'not a regular file');
  }
}

/** A size in KiB, or MiB from 1 MiB. */
function kib(bytes: number): string {
  return bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;
}

function isEntry(value: unknown): value is CacheEntry<unknown> {
  const e = value as CacheEntry<unknown> | null;
  return (
    typeof e === 'object' &&
    e !== null &&
    e.v === VERSION &&
    typeof e.key === 'string' &&
    // A time a Date can hold: `1e300` would make every age and date printed from it throw.
    Number.isSafeInteger(e.fetchedAt) &&
    Math.abs(e.fetchedAt) <= 8.64e15 &&
    'data' in e
  );
}
