import { NOTHING, type Invocation, type Result } from '../core/result.js';
import type { Context } from '../context.js';
import { resolveRef } from '../sources/paper.js';
import { unsavePapers } from '../sources/readingList.js';

/** `papers unsave <ref...>`: removes them; unsaving what is not saved says so and succeeds. */
export async function run(ctx: Context, { args }: Invocation): Promise<Result> {
  const ids = [...new Set(args.map((ref) => resolveRef(ctx, ref)))];
  const removed = await unsavePapers(ctx, ids);
  for (const id of ids) ctx.note(removed.has(id) ? `removed ${id} from the reading list` : `${id} is not in the reading list`);
  return NOTHING;
}
