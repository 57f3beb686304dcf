import { NetworkError } from '../core/errors.js';
import { filterPapers } from '../core/filter.js';
import { TTL } from '../core/freshness.js';
import type { ListOptions } from '../core/listOptions.js';
import type { Paper } from '../core/paper.js';
import { plural } from '../core/plural.js';
import { dedupe } from '../core/rank.js';
import { loadOptions, type Context } from '../context.js';
import { cached, CacheMissError } from '../io/cachePolicy.js';
import { fetchTrendingPage } from '../io/hfApi.js';

const PAGE = 100;
/** Trending is ranked over every paper ever listed; 1,000 of them is more than anyone reads. */
const MAX_PAGES = 10;

/**
 * Hugging Face's trending list in its order: `limit=100` pages (each cached an hour) followed only as far
 * as the list options need, so that `--limit` papers pass the filters; `--limit 0` follows them all.
 * A later page that is not cached offline, or fails, ends the list with what was had.
 */
export async function loadTrending(ctx: Context, opts: ListOptions): Promise<Paper[]> {
  const papers: Paper[] = [];
  for (let p = 0; p < MAX_PAGES; p++) {
    let page: Paper[];
    try {
      page = (
        await cached(loadOptions(ctx, opts), `trending:${p}`, `the trending list${p > 0 ? ` (page ${p + 1})` : ''}`, TTL.trending, async () => {
          const http = await ctx.http(opts.timeout);
          ctx.spinner.update(`fetching the trending list${p > 0 ? ` (page ${p + 1})` : ''}`);
          const got = await fetchTrendingPage(http, ctx.apiBase, p);
          if (got.skipped > 0) ctx.warn(`skipped ${plural(got.skipped, 'item')} of the trending list that were not papers`);
          return got.papers;
        })
      ).data;
    } catch (error) {
      if (p === 0 || !(error instanceof CacheMissError || error instanceof NetworkError)) throw error;
      ctx.warn(`the trending list stops at ${plural(papers.length, 'paper')}: ${error.message}`);
      break;
    }
    papers.push(...page);
    if (page.length < PAGE) break;
    if (opts.limit > 0 && filterPapers(dedupe(papers), opts.filters).length >= opts.limit) break;
  }
  return dedupe(papers);
}
