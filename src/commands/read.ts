import { nyDay } from '../core/dates.js';
import { readFeed } from '../core/feed.js';
import { FEED_FORMATS } from '../core/feedFormats.js';
import { oneOf, stringOption } from '../core/listOptions.js';
import { listNames, listOf, type Invocation, type Result } from '../core/result.js';
import { PaperSelector } from '../core/selector.js';
import { listOptions, type Context } from '../context.js';
import { openInput } from '../io/input.js';
import { plural } from '../core/plural.js';

/**
 * `papers read [file|-]`: any saved feed, listed like the live one. The papers go one by one into the
 * selection, which keeps only the top N when there is a limit: a big feed is never held whole.
 */
export async function run(ctx: Context, { args, options }: Invocation): Promise<Result> {
  const fromText = stringOption(options, 'from');
  const from = fromText === undefined ? undefined : oneOf(fromText, FEED_FORMATS, '--from');
  const opts = await listOptions(ctx, options);
  const input = openInput(args[0], () => ctx.stdin());
  const selection = new PaperSelector(opts);
  const feed = await readFeed(input.chunks, input.name, nyDay(ctx.now()), from, (paper) => selection.add(paper));
  ctx.debug(`${input.name}: read, ${plural(feed.papers, 'paper')}`);
  if (feed.skipped > 0) ctx.warn(`${input.name}: skipped ${plural(feed.skipped, 'broken entry', 'broken entries')}; listing the other ${feed.papers}`);
  const why = feed.papers > 0 ? 'match the filters' : 'are in it';
  return listOf(selection.result(), input.name, `no papers ${why}`, opts, { name: listNames.command(`read ${input.name}`) });
}
