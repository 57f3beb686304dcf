import { UsageError } from '../core/errors.js';
import { nyDay } from '../core/dates.js';
import { ago, ttlOfKey } from '../core/freshness.js';
import type { Invocation, Result } from '../core/result.js';
import { sanitizeLine } from '../core/sanitize.js';
import type { Context } from '../context.js';
import { widthOf } from '../render/text.js';
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
          const ttl = ttlOfKey(entry.key, today);
          const fresh = ttl !== null && now - entry.fetchedAt >= 0 && now - entry.fetchedAt < ttl;
          return [{ key: entry.key, fetchedAt: entry.fetchedAt, size: e.size, fresh }];
        })
        .sort((a, b) => b.fetchedAt - a.fetchedAt);
      const total = rows.reduce((s, r) => s + r.size, 0);
      const summary = `${plural(rows.length, 'entry', 'entries')}, ${kib(total)} in ${store.dir}`;
      if (rows.length === 0) ctx.note(`the cache is empty (${store.dir})`);
      else if (!ctx.terminal.stdoutTTY) ctx.note(summary);
      if (!ctx.terminal.stdoutTTY) {
        return { kind: 'lines', lines: rows.map((r) => `${r.key}\t${new Date(r.fetchedAt).toISOString()}\t${ago(now - r.fetchedAt)}\t${kib(r.size)}`) };
      }
      if (rows.length === 0) return { kind: 'none' };
      // On a terminal: an aligned table with a header, and the total last.
      const cells = [['entry', 'fetched', '', 'size'], ...rows.map((r) => [r.key, ago(now - r.fetchedAt), r.fresh ? 'fresh' : 'stale', kib(r.size)])];
      const widths = [0, 1, 2, 3].map((i) => Math.max(...cells.map((c) => widthOf(sanitizeLine(c[i]!)))));
      const pad = (text: string, i: number, right = false) => {
        const fill = ' '.repeat(widths[i]! - widthOf(sanitizeLine(text)));
        return right ? fill + text : text + fill;
      };
      const line = (c: string[]) => [pad(c[0]!, 0), pad(c[1]!, 1), pad(c[2]!, 2), pad(c[3]!, 3, true)].join('  ').trimEnd();
      return { kind: 'lines', lines: [...cells.map(line), `total: ${summary}`] };
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
