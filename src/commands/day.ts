import { nyDay, parseDayArg } from '../core/dates.js';
import type { Invocation, Result } from '../core/result.js';
import { listOptions, type Context } from '../context.js';
import { dayResult, loadDay } from '../sources/day.js';

/** `papers day <date>`: one day's list. */
export async function run(ctx: Context, { args, options }: Invocation): Promise<Result> {
  const date = parseDayArg(args[0] ?? '', nyDay(ctx.now()));
  const opts = await listOptions(ctx, options);
  return { kind: 'list', list: dayResult(await loadDay(ctx, date, opts), opts, nyDay(ctx.now())) };
}
