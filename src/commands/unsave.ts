import { NOTHING, type Invocation, type Result } from '../core/result.js';
import type { Context } from '../context.js';
import { resolveRef } from '../sources/paper.js';
import { unsavePaper } from '../sources/readingList.js';

/** `papers unsave <ref>`: removes it; unsaving what is not saved says so and succeeds. */
export async function run(ctx: Context, { args }: Invocation): Promise<Result> {
  const id = resolveRef(ctx, args[0] ?? '');
  const removed = await unsavePaper(ctx, id);
  ctx.note(removed ? `removed ${id} from the reading list` : `${id} is not in the reading list`);
  return NOTHING;
}
