import type { Paper } from '../core/paper.js';
import type { Context } from '../context.js';

/**
 * Adds papers with their data to the reading list, in one locked update; saving again refreshes a
 * paper's data and keeps its place and date. Resolves to the ids that were there already.
 */
export async function savePapers(ctx: Context, papers: readonly Paper[]): Promise<Set<string>> {
  const already = new Set<string>();
  await ctx.settings().update((store) => {
    already.clear();
    let saved = store.saved;
    for (const paper of papers) {
      if (paper.id !== null && saved.some((e) => e.paper.id === paper.id)) {
        already.add(paper.id);
        saved = saved.map((e) => (e.paper.id === paper.id ? { ...e, paper } : e));
      } else saved = [...saved, { paper, savedAt: ctx.now().toISOString() }];
    }
    return { ...store, saved };
  });
  return already;
}

/** Removes papers from the reading list, in one locked update; resolves to the ids that were there. */
export async function unsavePapers(ctx: Context, ids: readonly string[]): Promise<Set<string>> {
  const removed = new Set<string>();
  await ctx.settings().update((store) => {
    removed.clear();
    const saved = store.saved.filter((e) => {
      const drop = e.paper.id !== null && ids.includes(e.paper.id);
      if (drop) removed.add(e.paper.id!);
      return !drop;
    });
    return { ...store, saved };
  });
  return removed;
}
