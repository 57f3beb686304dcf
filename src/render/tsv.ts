import type { Field, RankedPaper } from '../core/paper.js';
import { sanitizeLine } from '../core/sanitize.js';
import { DEFAULT_TABLE_COLUMNS } from '../core/formats.js';
import { cellText } from './fields.js';

/** TSV for pipes: no header, no colour, nothing cut; a tab or line break inside a value becomes a space. */
export function* renderTsv(papers: readonly RankedPaper[], fields: readonly Field[] = DEFAULT_TABLE_COLUMNS): Generator<string> {
  for (const paper of papers) {
    yield `${fields.map((f) => sanitizeLine(cellText(paper, f))).join('\t')}\n`;
  }
}
