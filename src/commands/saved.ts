import { selection } from '../core/rank.js';
import { listNames, type Invocation, type ListResult, type Result } from '../core/result.js';
import { listOptions, type Context } from '../context.js';
import { plural } from '../core/plural.js';

/** `papers saved`: the reading list, like any other list; works offline. */
export async function run(ctx: Context, { options }: Invocation): Promise<Result> {
  const opts = await listOptions(ctx, options);
  // In the interactive reader, `r` reads the list again (another papers may have saved to it meanwhile).
  const list = async (from: Context = ctx): Promise<ListResult> => {
    const papers = (await from.settings().read()).saved.map((e) => e.paper);
    from.debug(`the reading list: ${from.settings().path}, ${plural(papers.length, 'paper')}`);
    const note = papers.length === 0 ? 'the reading list is empty (add papers with papers save <ref>)' : 'no saved papers match the filters';
    return { ...selection(papers, opts), heading: 'the reading list', emptyNote: note, options: opts, reload: list, name: listNames.command('saved') };
  };
  return { kind: 'list', list: await list() };
}
