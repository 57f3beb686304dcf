import { NOTHING, type Invocation, type Result } from '../core/result.js';
import type { Context } from '../context.js';
import { resolveRef } from '../sources/paper.js';

/** `papers unsave <ref...>`: removes them; unsaving what is not saved says so and succeeds. */
export async function run(ctx: Context, { args }: Invocation): Promise<Result> {
  const ids = [...new Set(args.map((ref) => resolveRef(ctx, ref)))];
  const removed = new Set<string>();
  await ctx.settings().update((store) => {
    removed.clear();
    const saved = store.saved.filter((e) => {
      const drop = e.paper.id !== null && ids.includes(e.paper.id);
      if (drop) removed.add(e.paper.id!);
      return !drop;
    });
    return { ...store, saved };
  });
  for (const id of ids) ctx.note(removed.has(id) ? `removed ${id} from the reading list` : `${id} is not in the reading list`);
  return NOTHING;
}
