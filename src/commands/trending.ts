import { stringOption } from '../core/listOptions.js';
import { keptBy, selection, withRanks, type Selected } from '../core/rank.js';
import { listNames, listOf, type Invocation, type Result } from '../core/result.js';
import { listOptions, type Context } from '../context.js';
import { loadTrending } from '../sources/trending.js';

/** `papers trending`: Hugging Face's trending list, in its order unless `--sort` is given. */
export async function run(ctx: Context, { options }: Invocation): Promise<Result> {
  const opts = await listOptions(ctx, options);
  const papers = await loadTrending(ctx, opts);
  // Trending is Hugging Face's own ranking: only an explicit --sort (not the sort setting) replaces it.
  let shown: Selected;
  if (stringOption(options, 'sort') !== undefined) shown = selection(papers, opts);
  else {
    const kept = keptBy(papers, opts);
    if (opts.reverse) kept.reverse();
    shown = { papers: withRanks(opts.limit > 0 ? kept.slice(0, opts.limit) : kept, opts.watches), total: kept.length };
  }
  const empty = papers.length > 0 ? 'no trending papers match the filters' : 'the trending list is empty';
  return listOf(shown, 'trending on Hugging Face', empty, opts, { name: listNames.trending() });
}
