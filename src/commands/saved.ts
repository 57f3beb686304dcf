import { selection } from '../core/rank.js';
import { listNames, type Invocation, type ListResult, type Result } from '../core/result.js';
import { listOptions, type Context } from '../context.js';
import { plural } from '../core/plural.js';
import { SAVED_FIELDS } from '../core/paper.js';
import { SAVED_SORT_KEYS } from '../core/rank.js';
import { savedPapers } from '../sources/readingList.js';

/**
 * `papers saved`: the reading list, like any other list, newest first unless --sort says otherwise;
 * works offline. Its JSON has `savedAt`; its counts are the freshest the cache knows.
 */
export async function run(ctx: Context, { options }: Invocation): Promise<Result> {
  const opts = await listOptions(ctx, options, { sortKeys: SAVED_SORT_KEYS, fields: SAVED_FIELDS, sort: 'saved' });
  // In the interactive reader, `r` reads the list again (another papers may have saved to it meanwhile).
  const list = async (from: Context = ctx): Promise<ListResult> => {
    const papers = await savedPapers(from);
    from.debug(`the reading list: ${from.settings().path}, ${plural(papers.length, 'paper')}`);
    const note = papers.length === 0 ? 'the reading list is empty (add papers with papers save <ref>)' : 'no saved papers match the filters';
    return { ...selection(papers, opts), heading: 'the reading list', emptyNote: note, options: opts, reload: list, name: listNames.command('saved') };
  };
  return { kind: 'list', list: await list() };
}
