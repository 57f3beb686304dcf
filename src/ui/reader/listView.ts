import { plural } from '../../core/plural.js';
import type { RankedPaper } from '../../core/paper.js';
import { sanitizeLine } from '../../core/sanitize.js';
import { truncate, widthOf } from '../../render/text.js';
import type { ReaderPaint } from './paint.js';
import { listRows, type ReaderState } from './state.js';

/** What the list needs to know of each paper beyond the paper itself. */
export interface RowFacts {
  isNew(id: string): boolean;
  isSaved(id: string): boolean;
  isRead(id: string): boolean;
  watchesOf(id: string): readonly string[];
}

const num = (n: number | null): string => (n === null ? '–' : String(n));
const pad = (text: string, width: number, right = false): string => {
  const fill = ' '.repeat(Math.max(0, width - widthOf(text)));
  return right ? fill + text : text + fill;
};
const maxWidth = (texts: Iterable<string>): number => {
  let w = 0;
  for (const t of texts) w = Math.max(w, widthOf(t));
  return w;
};

/** The header: which list, how many papers, how many new, and the filter when one is set. */
export function listHeader(s: ReaderState, facts: RowFacts, paint: ReaderPaint): string {
  const fresh = s.papers.filter((p) => p.id !== null && facts.isNew(p.id)).length;
  const parts = [plural(s.papers.length, 'paper')];
  if (fresh > 0) parts.push(`${fresh} new`);
  if (s.filter !== '') parts.push(`filter “${sanitizeLine(s.filter)}”: ${s.visible.length} shown`);
  const title = sanitizeLine(s.title);
  const text = truncate(`${title} · ${parts.join(' · ')}`, s.columns);
  return text.startsWith(title) ? paint.bold(title) + text.slice(title.length) : paint.bold(text);
}

/**
 * The rows on screen: cursor, new mark, rank, ▲, id, title and watch tags, each exactly one
 * terminal line (feed text sanitised, titles cut with `…`); read papers dimmed.
 */
export function listLines(s: ReaderState, facts: RowFacts, paint: ReaderPaint): string[] {
  if (s.visible.length === 0) return [paint.dim(s.papers.length === 0 ? '  no papers in this list' : '  no paper matches the filter (Esc clears it)')];
  const rankW = maxWidth(s.visible.map((i) => String(s.papers[i]!.rank)));
  const upW = maxWidth(s.visible.map((i) => num(s.papers[i]!.upvotes)));
  const idW = maxWidth(s.visible.map((i) => sanitizeLine(s.papers[i]!.id ?? '–')));
  const out: string[] = [];
  for (let at = s.top; at < Math.min(s.visible.length, s.top + listRows(s)); at++) {
    out.push(row(s.papers[s.visible[at]!]!, at === s.cursor, { rankW, upW, idW, columns: s.columns }, facts, paint));
  }
  return out;
}

interface Widths {
  rankW: number;
  upW: number;
  idW: number;
  columns: number;
}

function row(p: RankedPaper, here: boolean, w: Widths, facts: RowFacts, paint: ReaderPaint): string {
  const fresh = p.id !== null && facts.isNew(p.id);
  const read = p.id !== null && facts.isRead(p.id);
  const tags = p.id === null ? [] : facts.watchesOf(p.id).map((t) => `[${sanitizeLine(t)}]`);
  const saved = p.id !== null && facts.isSaved(p.id);
  // Cursor, new, saved: one cell each, so the columns stay put whatever is marked.
  const lead = `${here ? '›' : ' '}${fresh ? '•' : ' '}${saved ? '✓' : ' '} `;
  const rank = pad(String(p.rank), w.rankW, true);
  const up = `▲${pad(num(p.upvotes), w.upW, true)}`;
  const id = pad(sanitizeLine(p.id ?? '–'), w.idW);
  const fixed = widthOf(`${lead}${rank} ${up} ${id} `);
  const tagText = tags.length > 0 ? truncate(` ${tags.join(' ')}`, Math.max(0, Math.floor((w.columns - fixed) / 3))) : '';
  const title = truncate(sanitizeLine(p.title), Math.max(1, w.columns - fixed - widthOf(tagText)));
  if (here) return paint.cursor(pad(`${lead}${rank} ${up} ${id} ${title}${tagText}`, w.columns));
  if (read) return paint.dim(`${lead}${rank} ${up} ${id} ${title}${tagText}`);
  return `${lead}${paint.dim(rank)} ${paint.heat(up, p.upvotes)} ${paint.link(id)} ${title}${tagText === '' ? '' : paint.tag(tagText)}`;
}
