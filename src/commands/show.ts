import { flagOption, parseNet } from '../core/listOptions.js';
import type { Invocation, Result } from '../core/result.js';
import type { Context } from '../context.js';
import { lookupPaper, resolveRef } from '../sources/paper.js';

/** `papers show <ref>`: one paper in full, or as one JSON object. */
export async function run(ctx: Context, { args, options }: Invocation): Promise<Result> {
  const net = parseNet(options);
  const paper = await lookupPaper(ctx, resolveRef(ctx, args[0] ?? ''), net);
  return { kind: 'paper', paper, json: flagOption(options, 'json') };
}
