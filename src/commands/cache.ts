import { UsageError } from '../core/errors.js';
import { ago } from '../core/freshness.js';
import type { Invocation, Result } from '../core/result.js';
import type { Context } from '../context.js';

/** `papers cache [path|ls|clear]`: where the cache is, what it holds, and emptying it. */
export async function run(ctx: Context, { args }: Invocation): Promise<Result> {
  const store = ctx.cache();
  const action = args[0] ?? 'ls';
  switch (action) {
    case 'path':
      return { kind: 'lines', lines: [store.dir] };
    case 'ls': {
      const now = ctx.now().getTime();
      const rows = store
        .list()
        .flatMap((e) => {
          const entry = store.readFile<unknown>(e.file);
          return entry ? [{ key: entry.key, fetchedAt: entry.fetchedAt, size: e.size }] : [];
        })
        .sort((a, b) => b.fetchedAt - a.fetchedAt);
      const total = rows.reduce((s, r) => s + r.size, 0);
      if (rows.length === 0) ctx.note(`the cache is empty (${store.dir})`);
      else ctx.note(`${rows.length} entr${rows.length === 1 ? 'y' : 'ies'}, ${kib(total)} in ${store.dir}`);
      return { kind: 'lines', lines: rows.map((r) => `${r.key}\t${new Date(r.fetchedAt).toISOString()}\t${ago(now - r.fetchedAt)}\t${kib(r.size)}`) };
    }
    case 'clear': {
      // Only what papers itself writes there: the directory may be one the user shares.
      const removed = store.clear();
      ctx.note(`removed ${removed} file${removed === 1 ? '' : 's'} from ${store.dir}`);
      return { kind: 'none' };
    }
    default:
      throw new UsageError(`no cache action '${action}'`, 'use path, ls or clear');
  }
}

function kib(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : bytes < 1048576 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1048576).toFixed(1)} MiB`;
}
