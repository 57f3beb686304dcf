import { fullTextKey } from '../core/cacheKey.js';
import { NotFoundError } from '../core/errors.js';
import { TTL } from '../core/freshness.js';
import type { Net } from '../core/listOptions.js';
import { isHfId } from '../core/paper.js';
import { loadOptions, type Context } from '../context.js';
import { cached } from '../io/cachePolicy.js';
import { fetchPaperMarkdown } from '../io/hfApi.js';

/** A paper's markdown and when it was fetched (what a rendered copy of it is keyed by). */
export interface FullText {
  markdown: string;
  fetchedAt: number;
}

/** The whole paper as Hugging Face serves it in markdown, through the cache (7 days; offline from it). */
export async function loadFullText(ctx: Context, id: string, net: Net): Promise<FullText> {
  // Hugging Face has pages (and text) for new-style ids only.
  if (!isHfId(id)) throw new NotFoundError(`Hugging Face has no full text for ${id}`, `papers open ${id} --pdf`);
  const { data, fetchedAt } = await cached(loadOptions(ctx, net), fullTextKey(id), `the full text of ${id}`, TTL.fullText, async () => {
    const http = await ctx.http(net.timeout);
    ctx.spinner.update(`fetching the full text of ${id}`);
    return fetchPaperMarkdown(http, ctx.apiBase, id);
  });
  if (typeof data !== 'string') throw new NotFoundError(`Hugging Face has no full text for ${id}`, `papers open ${id} --pdf`);
  return { markdown: data, fetchedAt };
}
