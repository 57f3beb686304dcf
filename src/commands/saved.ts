import { selection } from '../core/rank.js';
import { listOf, type Invocation, type Result } from '../core/result.js';
import { listOptions, type Context } from '../context.js';
import { plural } from '../core/plural.js';

/** `papers saved`: the reading list, like any other list; works offline. */
export async function run(ctx: Context, { options }: Invocation): Promise<Result> {
  const opts = await listOptions(ctx, options);
  const store = await ctx.settings().read();
  const papers = store.saved.map((e) => e.paper);
  ctx.debug(`the reading list: ${ctx.settings().path}, ${plural(papers.length, 'paper')}`);
  const note = papers.length === 0 ? 'the reading list is empty (add papers with papers save <ref>)' : 'no saved papers match the filters';
  return listOf(selection(papers, opts), 'the reading list', note, opts);
}
