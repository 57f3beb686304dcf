import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../core/errors.js';
import { ago } from '../core/freshness.js';
import type { Context } from '../context.js';

/** `papers cache [path|ls|clear]`: where the cache is, what it holds, and emptying it; returns lines. */
export async function cache(ctx: Context, action: string | undefined): Promise<string[]> {
  const store = ctx.cache();
  switch (action ?? 'ls') {
    case 'path':
      return [store.dir];
    case 'ls': {
      const now = ctx.now().getTime();
      const rows = store
        .list()
        .flatMap((e) => {
          const entry = store.readFile<unknown>(e.file);
          return entry ? [{ key: entry.key, fetchedAt: entry.fetchedAt, size: e.size }] : [];
        })
        .sort((a, b) => b.fetchedAt - a.fetchedAt);
      if (rows.length === 0) ctx.note(`the cache is empty (${store.dir})`);
      const total = rows.reduce((s, r) => s + r.size, 0);
      if (rows.length > 0) ctx.note(`${rows.length} entr${rows.length === 1 ? 'y' : 'ies'}, ${kib(total)} in ${store.dir}`);
      return rows.map((r) => `${r.key}\t${new Date(r.fetchedAt).toISOString()}\t${ago(now - r.fetchedAt)}\t${kib(r.size)}`);
    }
    case 'clear': {
      let removed = 0;
      let names: string[] = [];
      try {
        names = readdirSync(store.dir);
      } catch {
        // no cache yet
      }
      // Only what papers itself writes there: the directory may be one the user shares.
      for (const name of names.filter((n) => /^[a-z]+-.+\.json(\.corrupt)?$|^last-list\.ids$|\.tmp$|\.json\.tmp-|^[a-z]+-.+\.json\.lock$/.test(n))) {
        rmSync(join(store.dir, name), { force: true });
        removed++;
      }
      ctx.note(`removed ${removed} file(s) from ${store.dir}`);
      return [];
    }
    default:
      throw new UsageError(`no cache action '${action}'`, 'use path, ls or clear');
  }
}

function kib(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : bytes < 1048576 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1048576).toFixed(1)} MiB`;
}
