import { lazy } from '../core/lazy.js';
import type { GridColumn, GridRow } from '../core/result.js';
import { DEFAULT_TABLE_COLUMNS, type TableColumn } from '../core/formats.js';
import { paperDay, type Field, type RankedPaper } from '../core/paper.js';
import { cellText } from './fields.js';
import { fitColumns } from './fitColumns.js';
import { sanitizeLine } from '../core/sanitize.js';
import type { Paint } from './paint.js';
import { loadTextWidth, truncate, widthOf } from './text.js';
import { watchText, WATCHES_WIDTH } from './watchTags.js';

/** cli-table3: loaded only when a table is drawn (a terminal), never for a pipe. */
const cliTable = lazy('cli-table3', () => import('cli-table3'));
/** Loads what renderTable draws and measures with; await it once before renderTable. */
export async function loadTable(): Promise<void> {
  await Promise.all([cliTable.load(), loadTextWidth()]);
}

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
export interface TableOptions {
  /** Terminal columns the table must fit in: it never takes more, down to 20 and below. */
  width: number;
  paint: Paint;
  /** Which columns, in order: the table columns of the settings, or any fields (`--fields`). */
  columns?: readonly (TableColumn | Field)[];
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

interface Column {
  head: string;
  align: 'left' | 'right';
  text: (p: RankedPaper) => string;
  style: (paint: Paint, text: string, p: RankedPaper) => string;
  /** A text column, cut to fit (from `min` cells while other columns can still be dropped). */
  cut?: { min: number };
  /** Narrow terminals drop columns in this order (lowest first); never when absent. */
  drop?: number;
}

const num = (n: number | null): string => (n === null ? '–' : String(n));
const MIN_TITLE = 12;
/** Cells a text column other than the title keeps before columns are dropped. */
const MIN_TEXT = 8;

const stars: Column = { head: '★', align: 'right', text: (p) => num(p.githubStars), style: (c, t) => c.dim(t), drop: 2 };
const KNOWN: Partial<Record<TableColumn | Field, Column>> = {
  rank: { head: '#', align: 'right', text: (p) => String(p.rank), style: (c, t) => c.dim(t), drop: 5 },
  upvotes: { head: '▲', align: 'right', text: (p) => num(p.upvotes), style: (c, t, p) => c.heat(t, p.upvotes), drop: 4 },
  comments: { head: 'cmt', align: 'right', text: (p) => num(p.comments), style: (c, t) => c.dim(t), drop: 1 },
  id: { head: 'id', align: 'left', text: (p) => sanitizeLine(p.id ?? '–'), style: (c, t) => c.link(t) },
  day: { head: 'day', align: 'left', text: (p) => paperDay(p) ?? '–', style: (c, t) => c.dim(t), drop: 3 },
  stars,
  githubStars: stars,
  title: { head: 'title', align: 'left', text: (p) => sanitizeLine(p.title), style: (_c, t) => t, cut: { min: MIN_TITLE } },
};

/** Any field as a column: its value as one line, cut to fit; dropped after the known narrow columns, the last first. */
function fieldColumn(field: Field, position: number): Column {
  return { head: field, align: 'left', text: (p) => sanitizeLine(cellText(p, field)), style: (_c, t) => t, cut: { min: MIN_TEXT }, drop: 100 - position };
}

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

/**
 * The terminal list: by default rank, upvotes, comments, id and the title, which takes the rest of the
 * width, cut with `…`. Too narrow a terminal drops columns (comments, stars, day, upvotes, rank), then
 * cuts: no line is ever wider than `width`.
 */
export function renderTable(
  papers: readonly RankedPaper[],
  { width, paint, columns: chosen = DEFAULT_TABLE_COLUMNS, highlight: patterns = [], marks, watches }: TableOptions,
): string[] {
  if (papers.length === 0) return [];
  const isRead = (p: RankedPaper) => p.id !== null && marks !== undefined && marks.read.has(p.id);
  const all = chosen.map((key, i) => KNOWN[key] ?? fieldColumn(key as Field, i));
  if (marks && marks.unseen.size > 0) {
    all.unshift({ head: '', align: 'left', text: (p) => (p.id !== null && marks.unseen.has(p.id) ? '•' : ''), style: (c, t) => c.bold(t) });
  }
  if (watches) {
    const watch: Column = {
      head: 'watch',
      align: 'left',
      text: (p) => truncate(watchText(p), WATCHES_WIDTH),
      style: (c, t) => c.link(t),
      drop: 6,
    };
    const title = all.indexOf(KNOWN.title!);
    all.splice(title < 0 ? all.length : title, 0, watch);
  }
  const texts = all.map((c) => papers.map((p) => c.text(p)));
  const fit = fitColumns(
    all.map((c, i) => ({
      natural: Math.max(widthOf(c.head), ...texts[i]!.map(widthOf)),
      cut: c.cut !== undefined,
      min: c.cut?.min ?? 0,
      drop: c.drop ?? Infinity,
    })),
    Math.max(1, width),
  );
  const columns = fit.keep.map((i) => all[i]!);
  const head = columns.map((c, k) => paint.dim(truncate(c.head, fit.widths[k]!)));
  const body = papers.map((p, row) =>
    columns.map((c, k) => {
      const text = truncate(texts[fit.keep[k]!]![row]!, fit.widths[k]!);
      if (c !== KNOWN.title) return c.style(paint, text, p);
      return isRead(p) ? paint.dim(text) : highlight(text, patterns, paint);
    }),
  );
  return draw(fit.widths, columns, [head, ...body]);
}

/** Cells already cut to their columns' widths, as borderless lines with `gap` spaces between columns and no trailing space. */
function draw(widths: readonly number[], columns: readonly { align: 'left' | 'right' }[], rows: readonly string[][], gap = 1): string[] {
  const table = new (cliTable.get().default)({
    chars: { ...NO_BORDER, middle: ' '.repeat(gap) },
    colWidths: [...widths],
    colAligns: columns.map((c) => c.align),
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
    wordWrap: false,
  });
  table.push(...rows.map((r) => [...r]));
  return table
    .toString()
    .split('\n')
    .map((line) => line.trimEnd());
}

/**
 * A small table of text (`cache ls`) drawn as the paper table is, with two spaces between its few
 * columns: no borders, the header dim, every cell cleaned and measured in terminal cells, and the `cut` column
 * cut with `…` when the width is short (down to 12 cells, then every column gives way).
 */
export function renderGrid(columns: readonly GridColumn[], rows: readonly GridRow[], { width, paint }: Pick<TableOptions, 'width' | 'paint'>): string[] {
  const texts = rows.map((r) => columns.map((_, i) => sanitizeLine(r.cells[i] ?? '')));
  const fit = fitColumns(
    columns.map((c, i) => ({
      natural: Math.max(widthOf(c.head), ...texts.map((t) => widthOf(t[i]!))),
      cut: c.cut === true,
      min: MIN_TITLE,
      drop: Infinity,
    })),
    // Two spaces between columns: fitColumns counts one.
    Math.max(1, width - (columns.length - 1)),
  );
  const kept = fit.keep.map((i) => columns[i]!);
  const head = kept.map((c, k) => paint.dim(truncate(sanitizeLine(c.head), fit.widths[k]!)));
  const body = rows.map((r, row) =>
    fit.keep.map((i, k) => {
      const text = truncate(texts[row]![i]!, fit.widths[k]!);
      return r.dim ? paint.dim(text) : text;
    }),
  );
  return draw(fit.widths, kept, [head, ...body], 2);
}
