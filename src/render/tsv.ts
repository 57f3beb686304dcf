import type { Field, RankedPaper } from '../core/paper.js';
import { sanitizeLine } from '../core/sanitize.js';
import { DEFAULT_TABLE_COLUMNS } from '../core/formats.js';
import { cellText } from './fields.js';

/** Rows joined into one piece of output at a time. */
const BATCH_ROWS = 512;

/** TSV for pipes: no header, no colour, nothing cut; a tab or line break inside a value becomes a space. */
export function* renderTsv(papers: readonly RankedPaper[], fields: readonly Field[] = DEFAULT_TABLE_COLUMNS): Generator<string> {
  const n = fields.length;
  // A row's cells joined once, and rows a batch at a time: adding strings up made a rope node per cell
  // and per row (~100 KB of them for the 336 rows of a morning's papers new, all to be flattened
  // again on the way out). Plain loops, no closure per row: a month's 1,100 rows are printed before V8
  // has optimised this.
  const cells = new Array<string>(n);
  let rows: string[] = [];
  for (let r = 0; r < papers.length; r++) {
    const paper = papers[r]!;
    for (let i = 0; i < n; i++) cells[i] = sanitizeLine(cellText(paper, fields[i]!));
    rows.push(cells.join('\t'));
    if (rows.length === BATCH_ROWS || r === papers.length - 1) {
      rows.push('');
      yield rows.join('\n');
      rows = [];
    }
  }
}
