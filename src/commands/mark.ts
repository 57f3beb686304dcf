import { flagOption } from '../core/listOptions.js';
import { NOTHING, type Invocation, type Result } from '../core/result.js';
import type { Context } from '../context.js';
import { resolveRef } from '../sources/paper.js';

/** `papers mark [--unread] <ref...>`: marks papers read (or unread again) without showing them. */
export async function run(ctx: Context, { args, options }: Invocation): Promise<Result> {
  const ids = [...new Set(args.map((ref) => resolveRef(ctx, ref)))];
  const read = !flagOption(options, 'unread');
  await ctx.marks().markRead(ids, read);
  ctx.note(`marked ${ids.length === 1 ? ids[0] : `${ids.length} papers`} ${read ? 'read' : 'unread'}`);
  return NOTHING;
}
