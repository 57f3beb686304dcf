import type { RankedPaper } from '../../core/paper.js';

/** The reader's three screens; `detail` shows one paper, `help` the keys. */
type View = 'list' | 'detail' | 'help';

/** Everything the reader shows, as plain data; changed only by `reduce`. */
export interface ReaderState {
  title: string;
  papers: readonly RankedPaper[];
  /** Indices into `papers` the filter keeps, in list order. */
  visible: readonly number[];
  /** Position in `visible` of the highlighted row. */
  cursor: number;
  /** Position in `visible` of the first row on screen. */
  top: number;
  view: View;
  /** The view `help` returns to. */
  back: 'list' | 'detail';
  filter: string;
  /** Typing into the filter: keys are text, not commands. */
  filtering: boolean;
  /** First line of the detail view on screen. */
  scroll: number;
  columns: number;
  rows: number;
}

export type Action =
  | { type: 'move'; delta: number }
  | { type: 'page'; direction: -1 | 1 }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'open' }
  | { type: 'back' }
  | { type: 'help' }
  | { type: 'filterStart' }
  | { type: 'filterType'; text: string }
  | { type: 'filterErase' }
  | { type: 'filterKeep' }
  | { type: 'filterClear' }
  | { type: 'scroll'; delta: number; lines: number }
  | { type: 'scrollPage'; direction: -1 | 1; lines: number }
  | { type: 'resize'; columns: number; rows: number }
  /** A new list (another day, a refresh); `keep` leaves the cursor on the same paper when it is still there. */
  | { type: 'load'; title: string; papers: readonly RankedPaper[]; keep?: boolean };

/** Screen lines around the list rows: header, status line and footer. */
export const LIST_CHROME = 3;
/** Screen lines around the detail text: status line and footer. */
const DETAIL_CHROME = 2;
/** Below this size the reader draws nothing but a note. */
export const MIN_COLUMNS = 60;
export const MIN_ROWS = 15;

/** List rows that fit on screen. */
export const listRows = (s: Pick<ReaderState, 'rows'>): number => Math.max(1, s.rows - LIST_CHROME);
/** Detail lines that fit on screen. */
export const detailRows = (s: Pick<ReaderState, 'rows'>): number => Math.max(1, s.rows - DETAIL_CHROME);

/** What the filter searches: title, abstract and keywords, as `--grep` does. */
function haystack(p: RankedPaper): string {
  return `${p.title}\n${p.summary ?? ''}\n${p.keywords.join('\n')}`.toLowerCase();
}

/** Indices of the papers containing every word of the query, case-insensitively. */
export function matching(papers: readonly RankedPaper[], query: string): number[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const all = papers.map((_, i) => i);
  if (words.length === 0) return all;
  return all.filter((i) => {
    const text = haystack(papers[i]!);
    return words.every((w) => text.includes(w));
  });
}

/** The reader's first state: the list, cursor on the first paper. */
export function initialState(title: string, papers: readonly RankedPaper[], columns: number, rows: number): ReaderState {
  return {
    title,
    papers,
    visible: matching(papers, ''),
    cursor: 0,
    top: 0,
    view: 'list',
    back: 'list',
    filter: '',
    filtering: false,
    scroll: 0,
    columns,
    rows,
  };
}

/** The paper under the cursor, if the (filtered) list has any. */
export function current(s: ReaderState): RankedPaper | undefined {
  const i = s.visible[s.cursor];
  return i === undefined ? undefined : s.papers[i];
}

const clamp = (n: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, n));

/** Puts the cursor at `cursor` (clamped) and scrolls just enough to keep it on screen. */
function place(s: ReaderState, cursor: number): ReaderState {
  const c = clamp(cursor, 0, Math.max(0, s.visible.length - 1));
  const height = listRows(s);
  let top = clamp(s.top, 0, Math.max(0, s.visible.length - height));
  if (c < top) top = c;
  if (c >= top + height) top = c - height + 1;
  return { ...s, cursor: c, top };
}

/** A new filter: the cursor stays on the same paper when the filter keeps it, else goes to the first. */
function refilter(s: ReaderState, filter: string): ReaderState {
  const before = s.visible[s.cursor];
  const visible = matching(s.papers, filter);
  const at = before === undefined ? -1 : visible.indexOf(before);
  return place({ ...s, filter, visible, top: 0 }, Math.max(0, at));
}

/** The reader's one state transition: pure, so every key's effect is tested without a terminal. */
export function reduce(s: ReaderState, a: Action): ReaderState {
  switch (a.type) {
    case 'move':
      return place(s, s.cursor + a.delta);
    case 'page':
      return place({ ...s, top: s.top + a.direction * listRows(s) }, s.cursor + a.direction * listRows(s));
    case 'first':
      return place(s, 0);
    case 'last':
      return place(s, s.visible.length - 1);
    case 'open':
      return current(s) === undefined ? s : { ...s, view: 'detail', scroll: 0 };
    case 'back':
      if (s.view === 'help') return { ...s, view: s.back };
      return { ...s, view: 'list' };
    case 'help':
      return s.view === 'help' ? { ...s, view: s.back } : { ...s, view: 'help', back: s.view };
    case 'filterStart':
      return { ...s, filtering: true };
    case 'filterType':
      return refilter(s, s.filter + a.text);
    case 'filterErase':
      return refilter(s, [...s.filter].slice(0, -1).join(''));
    case 'filterKeep':
      return { ...s, filtering: false };
    case 'filterClear':
      return { ...refilter(s, ''), filtering: false };
    case 'scroll':
      return { ...s, scroll: clamp(s.scroll + a.delta, 0, Math.max(0, a.lines - detailRows(s))) };
    case 'scrollPage':
      return reduce(s, { type: 'scroll', delta: a.direction * Math.max(1, detailRows(s) - 1), lines: a.lines });
    case 'resize':
      return place({ ...s, columns: a.columns, rows: a.rows }, s.cursor);
    case 'load': {
      const id = a.keep ? current(s)?.id : undefined;
      const next = { ...s, title: a.title, papers: a.papers, visible: matching(a.papers, s.filter), top: a.keep ? s.top : 0 };
      const at = id == null ? -1 : next.visible.findIndex((i) => a.papers[i]!.id === id);
      return place(a.keep ? next : { ...next, view: 'list', scroll: 0 }, Math.max(0, at));
    }
  }
}
