import { parseNet } from '../core/listOptions.js';
import { NOTHING, type Invocation, type Result } from '../core/result.js';
import { quote } from '../core/sanitize.js';
import type { Context } from '../context.js';
import { lookupPaper, resolveRef } from '../sources/paper.js';

/** `papers save <ref>`: adds the paper, with its data, to the reading list; saving twice is harmless. */
export async function run(ctx: Context, { args, options }: Invocation): Promise<Result> {
  const id = resolveRef(ctx, args[0] ?? '');
  const paper = await lookupPaper(ctx, id, parseNet(options));
  let already = false;
  await ctx.settings().update((store) => {
    already = store.saved.some((e) => e.paper.id === id);
    // Saving again refreshes the paper's data and keeps its place and date in the list.
    const saved = already ? store.saved.map((e) => (e.paper.id === id ? { ...e, paper } : e)) : [...store.saved, { paper, savedAt: ctx.now().toISOString() }];
    return { ...store, saved };
  });
  await ctx.spinner.stop();
  ctx.note(already ? `${id} was already in the reading list` : `saved ${id}: ${quote(paper.title, 200)}`);
  return NOTHING;
}
