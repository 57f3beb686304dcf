import { SHOW_FIELDS, unknownLinked, type Linked } from '../core/linked.js';
import type { RankedPaper } from '../core/paper.js';
import type { ShowField, ShownPaper } from '../core/result.js';
import { pick } from './fields.js';

/**
 * The object `show --json` prints: a list's fields in contract order (`rank` null: one paper has no
 * rank), then the linked repositories (`[]`) and their totals (`null`) as far as known; or `fields`, in their order.
 */
export function showObject({ paper, linked }: ShownPaper, fields: readonly ShowField[] = SHOW_FIELDS): Record<string, unknown> {
  const base = pick({ ...paper, rank: null } as unknown as RankedPaper) as Record<string, unknown>;
  const extra: Linked = linked ?? unknownLinked();
  const out: Record<string, unknown> = {};
  for (const f of fields) out[f] = f in extra ? extra[f as keyof Linked] : base[f];
  return out;
}
