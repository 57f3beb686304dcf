import { flagOption, parseNet } from '../core/listOptions.js';
import type { Invocation, Result } from '../core/result.js';
import type { Context } from '../context.js';
import { lookupPaper, resolveRef } from '../sources/paper.js';
import { compileWatch, watchesOf } from '../core/watch.js';
import { recordMarks } from '../io/marksStore.js';

/** `papers show <ref>`: one paper in full, or as one JSON object. */
export async function run(ctx: Context, { args, options }: Invocation): Promise<Result> {
  const net = parseNet(options);
  const paper = await lookupPaper(ctx, resolveRef(ctx, args[0] ?? ''), net);
  const json = flagOption(options, 'json');
  // Shown in full to a person: read. A script's --json reads nothing for the reader.
  const id = paper.id;
  if (!json && id !== null) await recordMarks(ctx.warn, () => ctx.marks().markRead([id]));
  const { watches } = await ctx.settings().read();
  return { kind: 'paper', paper, json, watches: watchesOf(paper, watches.map(compileWatch)) };
}
