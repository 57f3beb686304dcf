import { nyDay } from '../core/dates.js';
import { parseWeek } from '../core/period.js';
import type { Invocation, Result } from '../core/result.js';
import type { Context } from '../context.js';
import { periodList } from '../sources/period.js';

/** `papers week [YYYY-Www|date]`: every paper of an ISO week. */
export async function run(ctx: Context, { args, options }: Invocation): Promise<Result> {
  return periodList(ctx, parseWeek(args[0], nyDay(ctx.now())), options);
}
