import { dailyHeading, emptyDayReason, nyDay, parseDayArg } from '../core/dates.js';
import { selection } from '../core/rank.js';
import { listNames, listOf, type Invocation, type Result } from '../core/result.js';
import { listOptions, type Context } from '../context.js';
import { loadDay } from '../sources/day.js';

/** `papers day <date>`: one day's list. */
export async function run(ctx: Context, { args, options }: Invocation): Promise<Result> {
  const date = parseDayArg(args[0] ?? '', nyDay(ctx.now()));
  const opts = await listOptions(ctx, options);
  const list = await loadDay(ctx, date, opts);
  const reason = emptyDayReason(date, nyDay(ctx.now()));
  const why = list.papers.length > 0 ? ' match the filters' : reason ? ` (${reason})` : '';
  return listOf(selection(list.papers, opts), dailyHeading(date), `no papers on ${date}${why}`, opts, listNames.day(list.day));
}
