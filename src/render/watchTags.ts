import type { RankedPaper } from '../core/paper.js';
import { sanitizeLine } from '../core/sanitize.js';

/** The watches column (the table's, the reader's) never takes more than this from the title. */
export const WATCHES_WIDTH = 14;

/**
 * The names of the watches a paper matches as the table and the reader show them: comma-joined and
 * sanitised (the names come from the settings file, which is not ours alone). Empty when none.
 */
export function watchText(p: Pick<RankedPaper, 'watches'>): string {
  return sanitizeLine(p.watches.join(','));
}
