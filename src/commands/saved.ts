import { selectPapers } from '../core/select.js';
import type { Context } from '../context.js';
import type { ListResult } from '../ui/present.js';
import type { Net } from './daily.js';
import type { ListOptions } from './listOptions.js';
import { lookupPaper, resolveRef } from './lookup.js';

/** `papers save <ref>`: adds the paper, with its data, to the reading list; saving twice is harmless. */
export async function save(ctx: Context, ref: string, net: Net): Promise<void> {
  const id = resolveRef(ctx, ref);
  const paper = await lookupPaper(ctx, id, net);
  let already = false;
  await ctx.settings().update((store) => {
    already = store.saved.some((e) => e.paper.id === id);
    // Saving again refreshes the paper's data and keeps its place and date in the list.
    const saved = already
      ? store.saved.map((e) => (e.paper.id === id ? { ...e, paper } : e))
      : [...store.saved, { paper, savedAt: ctx.now().toISOString() }];
    return { ...store, saved };
  });
  await ctx.spinner.stop();
  ctx.note(already ? `${id} was already in the reading list` : `saved ${id}: ${paper.title}`);
}

/** `papers unsave <ref>`: removes it; unsaving what is not saved says so and succeeds. */
export async function unsave(ctx: Context, ref: string): Promise<void> {
  const id = resolveRef(ctx, ref);
  let removed = false;
  await ctx.settings().update((store) => {
    const saved = store.saved.filter((e) => e.paper.id !== id);
    removed = saved.length < store.saved.length;
    return { ...store, saved };
  });
  ctx.note(removed ? `removed ${id} from the reading list` : `${id} is not in the reading list`);
}

/** `papers saved`: the reading list, like any other list; works offline. */
export async function saved(ctx: Context, opts: ListOptions): Promise<ListResult> {
  const store = await ctx.settings().read();
  const papers = store.saved.map((e) => e.paper);
  const note = papers.length === 0 ? 'the reading list is empty (add papers with papers save <ref>)' : 'no saved papers match the filters';
  return { papers: selectPapers(papers, opts), emptyNote: note };
}
