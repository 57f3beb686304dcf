import { isoTime, paperDay, type Paper } from '../core/paper.js';
import type { SavedEntry } from '../core/settings.js';
import type { Context } from '../context.js';
import type { Cache } from '../io/cache.js';

/**
 * Adds papers with their data to the reading list, in one locked update; saving again refreshes a
 * paper's data and keeps its place and date. Resolves to the ids that were there already.
 */
export async function savePapers(ctx: Context, papers: readonly Paper[]): Promise<Set<string>> {
  const already = new Set<string>();
  await ctx.settings().update((store) => {
    already.clear();
    let saved = store.saved;
    for (const { savedAt: _listed, ...paper } of papers) {
      if (paper.id !== null && saved.some((e) => e.paper.id === paper.id)) {
        already.add(paper.id);
        saved = saved.map((e) => (e.paper.id === paper.id ? { ...e, paper, updatedAt: ctx.now().toISOString() } : e));
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

/**
 * The reading list's papers, each with when it was saved; the upvotes and comments are taken from the
 * cache where a list of the paper's day, or the paper's own entry, was fetched after the paper's data
 * was saved. Latest saved first (the file keeps them in the order of saving). Reads only the cache
 * (never the network), one entry file per day at most.
 */
export async function savedPapers(ctx: Context): Promise<Paper[]> {
  const cache = ctx.cache();
  const days = new Map<string, Map<string, Fresher>>();
  return (await ctx.settings().read()).saved
    .map((entry) => {
      const savedAt = isoTime(entry.savedAt) ?? undefined;
      const fresher = freshest(cache, entry, days);
      return { ...entry.paper, ...(fresher && { upvotes: fresher.upvotes, comments: fresher.comments }), savedAt };
    })
    .reverse();
}

interface Fresher {
  fetchedAt: number;
  upvotes: number | null;
  comments: number | null;
}

/** The counts of the newest cache entry that holds the paper and was fetched after its data was saved; else null. */
function freshest(cache: Cache, entry: SavedEntry, days: Map<string, Map<string, Fresher>>): Fresher | null {
  const { id } = entry.paper;
  if (id === null) return null;
  const since = Date.parse(entry.updatedAt ?? entry.savedAt);
  const found: Fresher[] = [];
  const own = cache.read<Paper>(`paper:${id}`);
  if (own) found.push({ fetchedAt: own.fetchedAt, upvotes: own.data.upvotes, comments: own.data.comments });
  const day = paperDay(entry.paper);
  if (day !== null && entry.paper.day !== null) {
    let list = days.get(day);
    if (!list) {
      list = new Map();
      const got = cache.read<Paper[]>(`day:${day}`);
      for (const p of got?.data ?? []) if (p.id !== null) list.set(p.id, { fetchedAt: got!.fetchedAt, upvotes: p.upvotes, comments: p.comments });
      days.set(day, list);
    }
    const listed = list.get(id);
    if (listed) found.push(listed);
  }
  const best = found.filter((f) => f.fetchedAt > since && f.upvotes !== null).sort((a, b) => b.fetchedAt - a.fetchedAt)[0];
  return best ?? null;
}
