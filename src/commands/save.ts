import { parseNet } from '../core/listOptions.js';
import { NOTHING, type Invocation, type Result } from '../core/result.js';
import { quote } from '../core/sanitize.js';
import type { Context } from '../context.js';
import { lookupPaper, resolveRef } from '../sources/paper.js';
import { savePaper } from '../sources/readingList.js';

/** `papers save <ref>`: adds the paper, with its data, to the reading list; saving twice is harmless. */
export async function run(ctx: Context, { args, options }: Invocation): Promise<Result> {
  const id = resolveRef(ctx, args[0] ?? '');
  const paper = await lookupPaper(ctx, id, parseNet(options));
  const already = await savePaper(ctx, paper);
  await ctx.spinner.stop();
  ctx.note(already ? `${id} was already in the reading list` : `saved ${id}: ${quote(paper.title, 200)}`);
  return NOTHING;
}
