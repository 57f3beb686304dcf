import { NetworkError, TokenRefusedError } from '../core/errors.js';
import { parseNet } from '../core/listOptions.js';
import type { Paper } from '../core/paper.js';
import { NOTHING, type Invocation, type Result } from '../core/result.js';
import { quote } from '../core/sanitize.js';
import type { Context } from '../context.js';
import { CacheMissError } from '../io/cachePolicy.js';
import { lookupPaper, resolveRef } from '../sources/paper.js';
import { savePapers } from '../sources/readingList.js';

/**
 * `papers save <ref...>`: adds the papers, with their data, to the reading list; saving twice is
 * harmless. A paper any cache knows is saved without the network; all are looked up before any is
 * saved, so a failure saves nothing.
 */
export async function run(ctx: Context, { args, options }: Invocation): Promise<Result> {
  const net = parseNet(options);
  const ids = [...new Set(args.map((ref) => resolveRef(ctx, ref)))];
  const papers: Paper[] = [];
  for (const id of ids) {
    try {
      // The reading list keeps a paper's list fields only (what `saved` shows), not what `show` adds.
      const { linked: _linked, ...paper } = await lookupPaper(ctx, id, net);
      papers.push(paper);
    } catch (error) {
      if (error instanceof CacheMissError || (error instanceof NetworkError && !(error instanceof TokenRefusedError))) {
        throw new NetworkError(
          `cannot save ${id}: it is not in the cache, and looking it up needs the network (${error.message})`,
          error instanceof NetworkError ? error.url : '',
          undefined,
          'try again when online; papers saves any paper a list has shown without the network',
        );
      }
      throw error;
    }
  }
  const already = await savePapers(ctx, papers);
  await ctx.spinner.stop();
  for (const paper of papers)
    ctx.note(already.has(paper.id!) ? `${paper.id} was already in the reading list` : `saved ${paper.id}: ${quote(paper.title, 200)}`);
  return NOTHING;
}
