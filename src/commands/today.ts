import { nyDay } from '../core/dates.js';
import type { Invocation, Result } from '../core/result.js';
import { listOptions, type Context } from '../context.js';
import { dayResult, loadToday } from '../sources/day.js';

/** `papers today`: the latest Daily Papers list, ranked. */
export async function run(ctx: Context, { options }: Invocation): Promise<Result> {
  const opts = await listOptions(ctx, options);
  return { kind: 'list', list: dayResult(await loadToday(ctx, opts), opts, nyDay(ctx.now())) };
}
