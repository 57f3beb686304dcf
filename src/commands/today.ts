import { dailyHeading, emptyDayReason, nyDay } from '../core/dates.js';
import { selection } from '../core/rank.js';
import { listNames, listOf, type Invocation, type Result } from '../core/result.js';
import { listOptions, type Context } from '../context.js';
import { loadToday } from '../sources/day.js';

/** `papers today`: the latest Daily Papers list, ranked. */
export async function run(ctx: Context, { options }: Invocation): Promise<Result> {
  const opts = await listOptions(ctx, options);
  const list = await loadToday(ctx, opts);
  const reason = emptyDayReason(list.day, nyDay(ctx.now()));
  const why = list.papers.length > 0 ? ' match the filters' : reason ? ` (${reason})` : '';
  return listOf(selection(list.papers, opts), dailyHeading(list.day), `no papers on ${list.day}${why}`, opts, listNames.day(list.day));
}
