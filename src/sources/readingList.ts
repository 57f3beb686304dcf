import type { Paper } from '../core/paper.js';
import type { Context } from '../context.js';

/** Adds a paper with its data to the reading list; saving again refreshes its data and keeps its place and date. Resolves to whether it was there already. */
export async function savePaper(ctx: Context, paper: Paper): Promise<boolean> {
  let already = false;
  await ctx.settings().update((store) => {
    already = store.saved.some((e) => e.paper.id === paper.id);
    const saved = already
      ? store.saved.map((e) => (e.paper.id === paper.id ? { ...e, paper } : e))
      : [...store.saved, { paper, savedAt: ctx.now().toISOString() }];
    return { ...store, saved };
  });
  return already;
}

/** Removes a paper from the reading list; resolves to whether it was there. */
export async function unsavePaper(ctx: Context, id: string): Promise<boolean> {
  let removed = false;
  await ctx.settings().update((store) => {
    const saved = store.saved.filter((e) => e.paper.id !== id);
    removed = saved.length < store.saved.length;
    return { ...store, saved };
  });
  return removed;
}
