import { selection } from '../core/rank.js';
import { listNames, listOf, type Invocation, type ListResult, type Result } from '../core/result.js';
import { listOptions, type Context } from '../context.js';
import { loadSearch, searchQuery } from '../sources/search.js';

/** `papers search <query...>`: Hugging Face paper search, ranked by upvotes unless --sort says otherwise. */
export async function run(ctx: Context, { args, options }: Invocation): Promise<Result> {
  const q = searchQuery(args);
  const opts = await listOptions(ctx, options);
  const papers = await loadSearch(ctx, q, opts);
  const heading = `search "${q}"`;
  const emptyNote = `nothing found for '${q}'`;
  // `r` in the interactive reader: the search again, from the network.
  const reload = async (again: Context): Promise<ListResult> => ({
    ...selection(await loadSearch(again, q, { ...opts, refresh: true }), opts),
    heading,
    emptyNote,
    options: opts,
    reload,
    name: listNames.search(q),
  });
  return listOf(selection(papers, opts), heading, emptyNote, opts, { reload, name: listNames.search(q) });
}
