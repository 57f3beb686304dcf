import type { Paper } from '../core/paper.js';
import type { Context } from '../context.js';
import type { Net } from './daily.js';
import { lookupPaper, resolveRef } from './lookup.js';

/** `papers show <ref>`: one paper in full. */
export async function show(ctx: Context, ref: string, net: Net): Promise<Paper> {
  return lookupPaper(ctx, resolveRef(ctx, ref), net);
}
