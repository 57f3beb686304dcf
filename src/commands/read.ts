import { nyDay } from '../core/dates.js';
import { parseFeed } from '../core/feed.js';
import { FEED_FORMATS } from '../core/feedFormats.js';
import { oneOf, stringOption } from '../core/listOptions.js';
import { selection } from '../core/rank.js';
import { listOf, type Invocation, type Result } from '../core/result.js';
import { listOptions, type Context } from '../context.js';
import { readInput } from '../io/input.js';
import { plural } from '../core/plural.js';

/** `papers read [file|-]`: any saved feed, listed like the live one. */
export async function run(ctx: Context, { args, options }: Invocation): Promise<Result> {
  const fromText = stringOption(options, 'from');
  const from = fromText === undefined ? undefined : oneOf(fromText, FEED_FORMATS, '--from');
  const opts = await listOptions(ctx, options);
  const input = await readInput(args[0], ctx.stdin());
  const feed = parseFeed(input.bytes, input.name, nyDay(ctx.now()), from);
  if (feed.skipped > 0) ctx.warn(`${input.name}: skipped ${plural(feed.skipped, 'broken entry', 'broken entries')}; listing the other ${feed.papers.length}`);
  const why = feed.papers.length > 0 ? 'match the filters' : 'are in it';
  return listOf(selection(feed.papers, opts), input.name, `no papers ${why}`, opts);
}
