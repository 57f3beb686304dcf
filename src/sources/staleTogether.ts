import { ago } from '../core/freshness.js';
import type { StaleFallback } from '../core/listOptions.js';
import { plural } from '../core/plural.js';
import type { Context } from '../context.js';

/**
 * One warning for a command that loads many lists and falls back to the cache for several: the
 * network failing once is said once ("showing 7 day lists from the cache, the oldest cached 3 h ago:
 * Hugging Face answered 503"), not once per list. `onStale` goes into the loads' Net; `say` warns
 * once they are done (one fallback reads as the cache rules say it alone).
 */
export function staleTogether(ctx: Context, one: string, many = `${one}s`): { onStale: (fallback: StaleFallback) => void; say: () => void } {
  const all: StaleFallback[] = [];
  return {
    onStale: (fallback) => void all.push(fallback),
    say() {
      if (all.length === 0) return;
      const now = ctx.now().getTime();
      const oldest = Math.min(...all.map((f) => f.fetchedAt));
      const reasons = [...new Set(all.map((f) => f.reason))].join('; ');
      const what = all.length === 1 ? all[0]!.what : `${plural(all.length, one, many)} from the cache, the oldest`;
      ctx.warn(`showing ${what} cached ${ago(now - oldest)}: ${reasons}`);
      all.length = 0;
    },
  };
}
