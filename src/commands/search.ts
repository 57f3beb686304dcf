import { UsageError } from '../core/errors.js';
import { TTL } from '../core/freshness.js';
import { selectPapers } from '../core/select.js';
import { loadOptions, type Context } from '../context.js';
import { fetchSearch } from '../io/hfApi.js';
import { cached } from '../io/load.js';
import type { ListResult } from '../ui/present.js';
import type { ListOptions } from './listOptions.js';

const MAX_QUERY = 250;

/** `papers search <query...>`: Hugging Face paper search, ranked by upvotes unless --sort says otherwise. */
export async function search(ctx: Context, words: string[], opts: ListOptions): Promise<ListResult> {
  const q = words.join(' ').replace(/\s+/g, ' ').trim();
  if (q === '') throw new UsageError('search needs words to look for', 'papers search diffusion transformers');
  if (q.length > MAX_QUERY) throw new UsageError(`the query is ${q.length} characters; Hugging Face takes at most ${MAX_QUERY}`);
  const { data } = await cached(loadOptions(ctx, opts), `search:${q.toLowerCase()}`, `the search '${q}'`, TTL.recentDay, async () => {
    const http = await ctx.http(opts.timeout);
    ctx.spinner.update(`searching for ${q}`);
    return (await fetchSearch(http, ctx.apiBase, q)).papers;
  });
  return { papers: selectPapers(data, opts), emptyNote: `nothing found for '${q}'` };
}
