import { UsageError } from '../core/errors.js';
import { nyDay } from '../core/dates.js';
import { ago, isFresh, ttlOfKey } from '../core/freshness.js';
import { describeKey } from '../core/cacheKey.js';
import { NOTHING, type Invocation, type Result } from '../core/result.js';
import type { Context } from '../context.js';
import { plural } from '../core/plural.js';

/** `papers cache [path|ls|clear]`: where the cache is, what it holds, and emptying it. */
export async function run(ctx: Context, { args }: Invocation): Promise<Result> {
  const store = ctx.cache();
  const action = args[0] ?? 'ls';
  switch (action) {
    case 'path':
      return { kind: 'lines', lines: [store.dir] };
    case 'ls': {
      const now = ctx.now().getTime();
      const today = nyDay(ctx.now());
      const rows = store
        .list()
        .flatMap((e) => {
          const entry = store.readFile<unknown>(e.file);
          if (!entry) return [];
          const fresh = isFresh(now - entry.fetchedAt, ttlOfKey(entry.key, today));
          return [{ key: entry.key, fetchedAt: entry.fetchedAt, size: e.size, fresh }];
        })
        .sort((a, b) => b.fetchedAt - a.fetchedAt);
      if (rows.length === 0) {
        ctx.note(`the cache is empty (${store.dir})`);
        return NOTHING;
      }
      const summary = `${plural(rows.length, 'entry', 'entries')}, ${kib(rows.reduce((s, r) => s + r.size, 0))} in ${store.dir}`;
      if (!ctx.terminal.stdoutTTY) {
        // Piped: the key as papers stores it, the fetch time in ISO 8601 UTC, the age and the size.
        ctx.note(summary);
        return { kind: 'lines', lines: rows.map((r) => `${r.key}\t${new Date(r.fetchedAt).toISOString()}\t${ago(now - r.fetchedAt)}\t${kib(r.size)}`) };
      }
      // On a terminal: what each entry is in words, how old, whether a run would use it without a request.
      return {
        kind: 'table',
        columns: [
          { head: 'entry', align: 'left', cut: true },
          { head: 'fetched', align: 'left' },
          { head: 'state', align: 'left' },
          { head: 'size', align: 'right' },
        ],
        rows: rows.map((r) => ({ cells: [describeKey(r.key), ago(now - r.fetchedAt), r.fresh ? 'fresh' : 'stale', kib(r.size)], dim: !r.fresh })),
        footer: `total: ${summary}`,
      };
    }
    case 'clear': {
      // Only what papers itself writes there: the directory may be one the user shares.
      const removed = store.clear();
      ctx.note(`removed ${plural(removed, 'file')} from ${store.dir}`);
      return { kind: 'none' };
    }
    default:
      throw new UsageError(`no cache action '${action}'`, 'use path, ls or clear');
  }
}

function kib(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : bytes < 1048576 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1048576).toFixed(1)} MiB`;
}
