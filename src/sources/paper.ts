import { FeedError, NetworkError, NotFoundError, TokenRefusedError, UsageError, type PapersError } from '../core/errors.js';
import { TTL } from '../core/freshness.js';
import type { Net } from '../core/listOptions.js';
import type { PaperDetail } from '../core/linked.js';
import { isHfId, type Paper } from '../core/paper.js';
import { parseArxivId, parseRef, type Ref } from '../core/ref.js';
import { loadOptions, type Context } from '../context.js';
import type { Cache } from '../io/cache.js';
import { recallList } from '../io/lastList.js';
import { cached, Uncached, type Found } from '../io/cachePolicy.js';
import { fetchHfPaper } from '../io/hfApi.js';
import { fetchArxivPaper } from '../io/arxivApi.js';
import { plural } from '../core/plural.js';

/** The arXiv id a ref names; a row number is looked up in the last list shown. */
export function resolveRef(ctx: Context, text: string): string {
  const ref: Ref = parseRef(text);
  if (ref.kind === 'id') return ref.id;
  const last = recallList(ctx.cache().dir);
  if (!last) throw new UsageError(`no list to take row ${ref.row} from`, 'list papers first (papers today), then use a row number');
  if (ref.row > last.ids.length) throw new UsageError(`row ${ref.row} is out of range: the last list had ${plural(last.ids.length, 'paper')}`);
  const id = last.ids[ref.row - 1];
  // The file is ours, but it sits in a directory anyone may write to: check the id again.
  const parsed = id ? parseArxivId(id) : null;
  if (!parsed) throw new UsageError(`row ${ref.row} of the last list has no arXiv id`);
  return parsed.id;
}

/** A paper of the reading list (which keeps the paper's data), else one seen in any cached list. */
async function findElsewhere(ctx: Context, id: string): Promise<Found<Paper> | null> {
  const saved = (await ctx.settings().read()).saved.find((e) => e.paper.id === id);
  if (saved) return { data: saved.paper, from: 'the reading list' };
  const listed = findInLists(ctx.cache(), id);
  return listed && { data: listed, from: 'a cached list' };
}

/** A paper seen in any cached list, newest entry first. */
function findInLists(cache: Cache, id: string): Paper | null {
  const entries = (['day', 'week', 'month', 'search'] as const).flatMap((kind) => cache.list(kind)).sort((a, b) => b.mtimeMs - a.mtimeMs);
  for (const e of entries) {
    const entry = cache.readFile<unknown>(e.file);
    if (entry && Array.isArray(entry.data)) {
      const hit = (entry.data as Paper[]).find((p) => p && p.id === id);
      if (hit) return hit;
    }
  }
  return null;
}

/**
 * One paper by arXiv id: the cache, then the reading list and cached lists, then Hugging Face, then
 * the arXiv export API when HF does not know it (old-style ids go to arXiv only). Unknown: exit 3.
 * When HF fails and arXiv answers, arXiv's record is shown with a warning and not cached, so the
 * next run asks HF again. With `detail` (`show`), a paper Hugging Face may know is asked of its paper
 * API, since only that names the models, datasets and Spaces built on it; the reading list's or a
 * cached list's copy stands in offline, or with a warning when the request fails.
 */
export async function lookupPaper(ctx: Context, id: string, net: Net, detail = false): Promise<PaperDetail> {
  const key = `paper:${id}`;
  const fetch = async (): Promise<PaperDetail | Uncached<PaperDetail>> => {
    const http = await ctx.http(net.timeout);
    ctx.spinner.update(`looking up ${id}`);
    let hfError: PapersError | null = null;
    if (isHfId(id)) {
      try {
        const paper = await fetchHfPaper(http, ctx.apiBase, id);
        if (paper) return paper;
      } catch (error) {
        // A refused token is the user's to fix, not a failure for arXiv to cover; and an earlier record
        // of the paper, however old, beats arXiv's: the cache rules show it with a warning.
        if (!(error instanceof NetworkError) || error instanceof TokenRefusedError || ctx.cache().read(key)) throw error;
        // Hugging Face is failing: arXiv may still have the abstract.
        hfError = error;
        ctx.debug(`${error.message}; asking arXiv`);
      }
    }
    ctx.spinner.update(`looking up ${id} on arXiv`);
    const paper = await fetchArxivPaper(http, ctx.arxivBase, id);
    if (paper && hfError) {
      ctx.warn(`${hfError.message}; showing arXiv's record (no upvotes, day or organization)`);
      return new Uncached<PaperDetail>(paper);
    }
    if (paper) return paper;
    if (hfError) throw hfError;
    throw new NotFoundError(`no paper ${id} on Hugging Face or arXiv`, 'check the id');
  };
  const elsewhere = () => findElsewhere(ctx, id);
  // Every source is checked for the id asked for; an entry read back from the cache is checked again.
  const checked = (data: PaperDetail): PaperDetail => {
    if (data.id !== id) throw new FeedError(`the cache entry for ${id} holds another paper`, 'run it again with --refresh');
    return data;
  };
  if (!detail || net.offline || !isHfId(id)) return checked((await cached(loadOptions(ctx, net), key, `paper ${id}`, TTL.paper, fetch, elsewhere)).data);
  // A saved paper is found in the reading list before the network, always (its linked repositories
  // are shown once a fresh lookup of it is cached, e.g. after --refresh).
  const saved = net.refresh ? null : (await ctx.settings().read()).saved.find((e) => e.paper.id === id);
  if (saved && !ctx.cache().read(key)) return checked(saved.paper);
  try {
    return checked((await cached(loadOptions(ctx, net), key, `paper ${id}`, TTL.paper, fetch)).data);
  } catch (error) {
    // Hugging Face listed the paper but its paper API does not know it (404): what the reading list or a list has is all there is.
    const known = error instanceof NotFoundError || (error instanceof NetworkError && !(error instanceof TokenRefusedError)) ? await elsewhere() : null;
    if (!known) throw error;
    if (!(error instanceof NotFoundError)) ctx.warn(`showing ${id} from ${known.from}: ${(error as NetworkError).message}`);
    return known.data;
  }
}
