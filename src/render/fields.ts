import { FIELDS, isoTime, validDay, type Field, type RankedPaper } from '../core/paper.js';

/**
 * A field's value as it may be printed: dates only when they are real dates (a cached or planted
 * entry may hold anything there), everything else as it is.
 */
function fieldValue(paper: RankedPaper, field: Field): RankedPaper[Field] | undefined {
  if (field === 'publishedAt') return isoTime(paper.publishedAt);
  if (field === 'day') return validDay(paper.day);
  if (field === 'savedAt') return isoTime(paper.savedAt);
  return paper[field];
}

/** A field's value as one flat string cell (arrays joined, unknown as empty). */
export function cellText(paper: RankedPaper, field: Field): string {
  const value = fieldValue(paper, field);
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/** The object `--json` prints: every field in contract order, or the ones `--fields` names, in its order. */
export function pick(paper: RankedPaper, fields: readonly Field[] = FIELDS): Partial<RankedPaper> {
  // Always in contract order, whatever order a parser built the object in.
  const out: Record<string, unknown> = {};
  for (const f of fields) out[f] = fieldValue(paper, f) ?? (f === 'authors' || f === 'keywords' || f === 'watches' ? [] : null);
  return out as Partial<RankedPaper>;
}
