import { selection } from '../core/rank.js';
import { listNames, listOf, type Invocation, type Result } from '../core/result.js';
import { listOptions, type Context } from '../context.js';
import { loadSearch, searchQuery } from '../sources/search.js';

/** `papers search <query...>`: Hugging Face paper search, ranked by upvotes unless --sort says otherwise. */
export async function run(ctx: Context, { args, options }: Invocation): Promise<Result> {
  const q = searchQuery(args);
  const opts = await listOptions(ctx, options);
  const papers = await loadSearch(ctx, q, opts);
  return listOf(selection(papers, opts), `search "${q}"`, `nothing found for '${q}'`, opts, listNames.search(q));
}
