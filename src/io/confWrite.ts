import type Conf from 'conf';
import { writeFileAtomic } from './safeFile.js';

let loaded: Promise<typeof Conf> | undefined;

/** conf, imported once (~6 ms): a command waiting on the network may load it meanwhile (Cache.prepareWrite). */
export function loadConf(): Promise<typeof Conf> {
  return (loaded ??= import('conf').then((m) => m.default));
}

/** The parts of a conf instance papers relies on that its typings keep private. */
interface ConfInternals {
  path: string;
  _write(value: unknown): void;
  _serialize(value: unknown): string;
}

/**
 * Stores `value` as the whole conf store `<dir>/<name>.json`. conf stays the store (its path rules,
 * serialisation, directory creation), but its byte writer is replaced by writeFileAtomic: conf's
 * `atomically` writes the temporary file with one unchecked writeSync, so on a nearly full disk a
 * short write is renamed over the old file and reported as success. The caller must have made sure
 * that the path holds a regular file or nothing (conf reads it with a plain readFileSync, which
 * would follow a link or wait on a FIFO). Throws WriteFailed, or conf's own error (a directory that
 * cannot be made).
 */
export async function writeConfStore(dir: string, name: string, value: Record<string, unknown>, compact: boolean): Promise<void> {
  const Store = await loadConf();
  const conf = new Store<Record<string, unknown>>({
    projectName: 'papers',
    cwd: dir,
    configName: name,
    clearInvalidConfig: true,
    ...(compact ? { serialize: (v: unknown) => JSON.stringify(v) } : {}),
  });
  const internals = conf as unknown as ConfInternals;
  if (typeof internals._write !== 'function' || typeof internals._serialize !== 'function') {
    throw new Error('this version of conf has no _write to replace');
  }
  internals._write = (v: unknown) => writeFileAtomic(internals.path, internals._serialize(v));
  conf.store = value;
}
