import { UsageError } from '../core/errors.js';
import { TTL } from '../core/freshness.js';
import type { Net } from '../core/listOptions.js';
import { checkIds, type Paper } from '../core/paper.js';
import { loadOptions, type Context } from '../context.js';
import { cached } from '../io/cachePolicy.js';
import { fetchSearch } from '../io/hfApi.js';

/** Hugging Face takes at most this many characters of query. */
const MAX_QUERY = 250;

/** The query as sent: words joined by single spaces; empty or too long is a usage error. */
export function searchQuery(words: readonly string[]): string {
  const q = words.join(' ').replace(/\s+/g, ' ').trim();
  if (q === '') throw new UsageError('search needs words to look for', 'papers search diffusion transformers');
  if (q.length > MAX_QUERY) throw new UsageError(`the query is ${q.length} characters; Hugging Face takes at most ${MAX_QUERY}`);
  return q;
}

/** Hugging Face paper search results (at most 120), through the cache. */
export async function loadSearch(ctx: Context, q: string, net: Net): Promise<Paper[]> {
  const { data } = await cached(loadOptions(ctx, net), `search:${q.toLowerCase()}`, `the search '${q}'`, TTL.recentDay, async () => {
    const http = await ctx.http(net.timeout);
    ctx.spinner.update(`searching for ${q}`);
    return (await fetchSearch(http, ctx.apiBase, q)).papers;
  });
  return checkIds(data);
}
