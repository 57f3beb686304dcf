import Table from 'cli-table3';
import type { RankedPaper } from '../core/paper.js';
import { sanitizeLine } from '../core/sanitize.js';
import type { Paint } from './paint.js';
import { truncate, widthOf } from './text.js';

const NO_BORDER = {
  top: '', 'top-mid': '', 'top-left': '', 'top-right': '', bottom: '', 'bottom-mid': '', 'bottom-left': '',
  'bottom-right': '', left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: ' ',
};
const MIN_TITLE = 12;

export interface TableOptions {
  /** Terminal columns the table must fit in. */
  width: number;
  paint: Paint;
}

interface Column {
  head: string;
  align: 'left' | 'right';
  text: (p: RankedPaper) => string;
}

const num = (n: number | null): string => (n === null ? '–' : String(n));

const COLUMNS: Column[] = [
  { head: '#', align: 'right', text: (p) => String(p.rank) },
  { head: '▲', align: 'right', text: (p) => num(p.upvotes) },
  { head: 'cmt', align: 'right', text: (p) => num(p.comments) },
  { head: 'id', align: 'left', text: (p) => sanitizeLine(p.id ?? '–') },
];

/** The terminal list: rank, upvotes, comments, id, title; the title takes the rest of the width, cut with `…`. */
export function renderTable(papers: readonly RankedPaper[], { width, paint }: TableOptions): string[] {
  if (papers.length === 0) return [];
  let columns = COLUMNS;
  const widths = () => columns.map((c) => Math.max(widthOf(c.head), ...papers.map((p) => widthOf(c.text(p)))));
  let fixed = widths();
  let titleWidth = width - fixed.reduce((a, b) => a + b + 1, 0);
  if (titleWidth < MIN_TITLE) {
    // Narrow terminals lose the comments column before the title gets unreadable.
    columns = COLUMNS.filter((c) => c.head !== 'cmt');
    fixed = widths();
    titleWidth = Math.max(MIN_TITLE, width - fixed.reduce((a, b) => a + b + 1, 0));
  }
  const table = new Table({
    chars: NO_BORDER,
    colWidths: [...fixed, titleWidth],
    colAligns: [...columns.map((c) => c.align), 'left'],
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
    wordWrap: false,
  });
  table.push([...columns.map((c) => paint.dim(c.head)), paint.dim('title')]);
  for (const p of papers) {
    const cells = columns.map((c) => c.text(p));
    const title = truncate(sanitizeLine(p.title), titleWidth);
    table.push([
      paint.dim(cells[0]!),
      paint.heat(cells[1]!, p.upvotes),
      ...cells.slice(2, -1).map((c) => paint.dim(c)),
      paint.link(cells.at(-1)!),
      title,
    ]);
  }
  return table.toString().split('\n').map((line) => line.trimEnd());
}
