import { nyDay } from '../core/dates.js';
import { parseFeed } from '../core/feed.js';
import type { FeedFormat } from '../core/feedFormats.js';
import { selectPapers } from '../core/select.js';
import type { Context } from '../context.js';
import { readInput } from '../io/input.js';
import type { ListResult } from '../ui/present.js';
import type { ListOptions } from './listOptions.js';

/** `papers read [file|-]`: any saved feed, listed like the live one. */
export async function read(ctx: Context, arg: string | undefined, from: FeedFormat | undefined, opts: ListOptions): Promise<ListResult> {
  const input = await readInput(arg, ctx.stdin());
  const feed = parseFeed(input.bytes, input.name, nyDay(ctx.now()), from);
  if (feed.skipped > 0) ctx.warn(`${input.name}: skipped ${feed.skipped} broken entr${feed.skipped === 1 ? 'y' : 'ies'}; listing the other ${feed.papers.length}`);
  const why = feed.papers.length > 0 ? 'match the filters' : 'are in it';
  return { papers: selectPapers(feed.papers, opts), emptyNote: `no papers ${why}` };
}
