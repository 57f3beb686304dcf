import Table from 'cli-table3';
import { DEFAULT_TABLE_COLUMNS, type TableColumn } from '../core/formats.js';
import { paperDay, type RankedPaper } from '../core/paper.js';
import { sanitizeLine } from '../core/sanitize.js';
import type { Paint } from './paint.js';
import { truncate, widthOf } from './text.js';

const NO_BORDER = {
  top: '',
  'top-mid': '',
  'top-left': '',
  'top-right': '',
  bottom: '',
  'bottom-mid': '',
  'bottom-left': '',
  'bottom-right': '',
  left: '',
  'left-mid': '',
  mid: '',
  'mid-mid': '',
  right: '',
  'right-mid': '',
  middle: ' ',
};
const MIN_TITLE = 12;

export interface TableOptions {
  /** Terminal columns the table must fit in. */
  width: number;
  paint: Paint;
  /** Which columns, in order; the title is always last. */
  columns?: readonly TableColumn[];
  /** `--grep` patterns, whose matches are highlighted in titles. */
  highlight?: readonly RegExp[];
  /** The reader's marks, on a terminal: new papers get a `•`, read ones are dimmed. */
  marks?: TableMarks | undefined;
  /** Whether any watch exists: then a narrow column names the watches each paper matches. */
  watches?: boolean;
}

/** Ids of the listed papers that are new to the reader, and of those already read. */
export interface TableMarks {
  unseen: ReadonlySet<string>;
  read: ReadonlySet<string>;
}

/** The watches column never takes more than this from the title. */
const WATCHES_WIDTH = 14;

interface Column {
  head: string;
  align: 'left' | 'right';
  text: (p: RankedPaper) => string;
  style: (paint: Paint, text: string, p: RankedPaper) => string;
}

const num = (n: number | null): string => (n === null ? '–' : String(n));

const COLUMNS: Record<Exclude<TableColumn, 'title'>, Column> = {
  rank: { head: '#', align: 'right', text: (p) => String(p.rank), style: (c, t) => c.dim(t) },
  upvotes: { head: '▲', align: 'right', text: (p) => num(p.upvotes), style: (c, t, p) => c.heat(t, p.upvotes) },
  comments: { head: 'cmt', align: 'right', text: (p) => num(p.comments), style: (c, t) => c.dim(t) },
  id: { head: 'id', align: 'left', text: (p) => sanitizeLine(p.id ?? '–'), style: (c, t) => c.link(t) },
  day: { head: 'day', align: 'left', text: (p) => paperDay(p) ?? '–', style: (c, t) => c.dim(t) },
  stars: { head: '★', align: 'right', text: (p) => num(p.githubStars), style: (c, t) => c.dim(t) },
};

/** The terminal list: rank, upvotes, comments, id, title; the title takes the rest of the width, cut with `…`. */
/** Paints every match of the patterns in a (sanitised, already cut) title. */
function highlight(title: string, patterns: readonly RegExp[], paint: Paint): string {
  if (patterns.length === 0) return title;
  const marks = new Array<boolean>(title.length).fill(false);
  for (const p of patterns) {
    for (const m of title.matchAll(new RegExp(p.source, 'gi'))) {
      if (m[0] === '') continue;
      for (let i = m.index!; i < m.index! + m[0].length; i++) marks[i] = true;
    }
  }
  let out = '';
  for (let i = 0; i < title.length;) {
    let j = i;
    while (j < title.length && marks[j] === marks[i]) j++;
    out += marks[i] ? paint.match(title.slice(i, j)) : title.slice(i, j);
    i = j;
  }
  return out;
}

export function renderTable(
  papers: readonly RankedPaper[],
  { width, paint, columns: chosen = DEFAULT_TABLE_COLUMNS, highlight: patterns = [], marks, watches = false }: TableOptions,
): string[] {
  if (papers.length === 0) return [];
  const isRead = (p: RankedPaper) => p.id !== null && marks !== undefined && marks.read.has(p.id);
  const all = chosen.filter((c): c is Exclude<TableColumn, 'title'> => c !== 'title').map((c) => COLUMNS[c]);
  if (marks && marks.unseen.size > 0) {
    all.unshift({ head: '', align: 'left', text: (p) => (p.id !== null && marks.unseen.has(p.id) ? '•' : ''), style: (c, t) => c.bold(t) });
  }
  if (watches) {
    all.push({ head: 'watch', align: 'left', text: (p) => truncate(sanitizeLine(p.watches.join(',')), WATCHES_WIDTH), style: (c, t) => c.link(t) });
  }
  let columns = all;
  const widths = () => columns.map((c) => Math.max(widthOf(c.head), ...papers.map((p) => widthOf(c.text(p)))));
  let fixed = widths();
  let titleWidth = width - fixed.reduce((a, b) => a + b + 1, 0);
  if (titleWidth < MIN_TITLE) {
    // Narrow terminals lose the comments column before the title gets unreadable.
    columns = all.filter((c) => c !== COLUMNS.comments);
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
    const title = truncate(sanitizeLine(p.title), titleWidth);
    table.push([...columns.map((c) => c.style(paint, c.text(p), p)), isRead(p) ? paint.dim(title) : highlight(title, patterns, paint)]);
  }
  return table
    .toString()
    .split('\n')
    .map((line) => line.trimEnd());
}
