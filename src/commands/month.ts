import { nyDay } from '../core/dates.js';
import { parseMonth } from '../core/period.js';
import type { Invocation, Result } from '../core/result.js';
import type { Context } from '../context.js';
import { periodList } from '../sources/period.js';

/** `papers month [YYYY-MM]`: every paper of a month. */
export async function run(ctx: Context, { args, options }: Invocation): Promise<Result> {
  return periodList(ctx, parseMonth(args[0], nyDay(ctx.now())), options);
}
