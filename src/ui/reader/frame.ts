import { truncate } from '../../render/text.js';
import { listHeader, listLines, type RowFacts } from './listView.js';
import type { ReaderPaint } from './paint.js';
import type { ReaderProps } from './props.js';
import { detailRows, LIST_CHROME, MIN_COLUMNS, MIN_ROWS, type ReaderState } from './state.js';
import { footerText, statusText, type Status } from './statusLine.js';

/** The terminal's size now; ink's test streams have no rows, so 24 stands in. */
export function sizeOf(stdout: { columns?: number; rows?: number }): { columns: number; rows: number } {
  return { columns: stdout.columns || 80, rows: stdout.rows || 24 };
}

/** What the list needs to know of each paper, from the reader's props. */
export function factsOf(props: Pick<ReaderProps, 'isNew' | 'isSaved' | 'isRead'>): RowFacts {
  return {
    isNew: (x) => props.isNew?.(x) ?? false,
    isSaved: (x) => props.isSaved(x),
    isRead: (x) => props.isRead?.(x) ?? false,
  };
}

/** What a frame shows besides the state: the status line (and its spinner's step), the lines of the detail or help view. */
export interface FrameParts {
  paint: ReaderPaint;
  facts: RowFacts;
  status: Status;
  spin: number;
  /** Whether `[ ]` move between days (the footer says so). */
  days: boolean;
  body(s: ReaderState): string[];
}

/**
 * One screen of the reader as exactly `s.rows` lines, each cut to the width: what ink draws, and
 * what is painted before ink is loaded (screen.ts), from the one function.
 */
export function frameLines(s: ReaderState, parts: FrameParts): string[] {
  const { paint } = parts;
  const fill = (lines: string[]): string[] => Array.from({ length: s.rows }, (_, i) => lines[i] ?? '');
  if (s.columns < MIN_COLUMNS || s.rows < MIN_ROWS) {
    return fill([truncate(`terminal too small: ${MIN_COLUMNS}×${MIN_ROWS} at least, this is ${s.columns}×${s.rows}`, s.columns)]);
  }
  const statusLine = statusText(parts.status, parts.spin, s.columns, paint, s.view === 'list' && s.filtering ? s.filter : null);
  if (s.view === 'list') {
    const rows = listLines(s, parts.facts, paint);
    const gap = Array.from({ length: s.rows - LIST_CHROME - rows.length }, () => '');
    return fill([listHeader(s, parts.facts, paint), ...rows, ...gap, statusLine, footerText('list', s.columns, paint, { days: parts.days })]);
  }
  const lines = parts.body(s);
  const height = detailRows(s);
  const scroll = Math.min(s.scroll, Math.max(0, lines.length - height));
  const visible = lines.slice(scroll, scroll + height);
  const gap = Array.from({ length: height - visible.length }, () => '');
  const position = s.view === 'detail' && lines.length > height ? `${scroll + 1}–${scroll + visible.length}/${lines.length}` : undefined;
  return fill([...visible, ...gap, statusLine, footerText(s.view, s.columns, paint, { days: false, ...(position ? { position } : {}) })]);
}
