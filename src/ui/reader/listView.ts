import { plural } from '../../core/plural.js';
import type { RankedPaper } from '../../core/paper.js';
import { sanitizeLine } from '../../core/sanitize.js';
import { truncate, widthOf } from '../../render/text.js';
import { watchText, WATCHES_WIDTH } from '../../render/watchTags.js';
import type { ReaderPaint } from './paint.js';
import { listRows, type ReaderState } from './state.js';

/** What the list needs to know of each paper beyond the paper itself. */
export interface RowFacts {
  isNew(id: string): boolean;
  isSaved(id: string): boolean;
  isRead(id: string): boolean;
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

/** Cells before the rank: cursor, new and saved marks, one each so the columns stay put, and a space. */
const LEAD = 4;

/**
 * The rows on screen: cursor, new mark, rank, ▲, id, the watches the paper matches and the title, as
 * in the table, each exactly one terminal line (feed text sanitised, titles and watch names cut with
 * `…`); read papers dimmed. The watches column is there when a listed paper matches a watch, as wide
 * as its longest names up to the table's limit and a third of what the title would have.
 */
export function listLines(s: ReaderState, facts: RowFacts, paint: ReaderPaint): string[] {
  if (s.visible.length === 0) return [paint.dim(s.papers.length === 0 ? '  no papers in this list' : '  no paper matches the filter (Esc clears it)')];
  const papers = s.visible.map((i) => s.papers[i]!);
  const rankW = maxWidth(papers.map((p) => String(p.rank)));
  const upW = maxWidth(papers.map((p) => num(p.upvotes)));
  const idW = maxWidth(papers.map((p) => sanitizeLine(p.id ?? '–')));
  // Lead (cursor, new, saved, space), then rank, ▲ and upvotes, id, each followed by a space.
  const fixed = LEAD + rankW + 1 + widthOf('▲') + upW + 1 + idW + 1;
  const tagW = Math.min(WATCHES_WIDTH, Math.floor((s.columns - fixed) / 3), maxWidth(papers.map(watchText)));
  const w: Widths = { rankW, upW, idW, tagW: Math.max(0, tagW), titleW: Math.max(1, s.columns - fixed - (tagW > 0 ? tagW + 1 : 0)), columns: s.columns };
  const out: string[] = [];
  for (let at = s.top; at < Math.min(s.visible.length, s.top + listRows(s)); at++) out.push(row(papers[at]!, at === s.cursor, w, facts, paint));
  return out;
}

interface Widths {
  rankW: number;
  upW: number;
  idW: number;
  /** The watches column; 0 when no row has one. */
  tagW: number;
  titleW: number;
  columns: number;
}

function row(p: RankedPaper, here: boolean, w: Widths, facts: RowFacts, paint: ReaderPaint): string {
  const fresh = p.id !== null && facts.isNew(p.id);
  const read = p.id !== null && facts.isRead(p.id);
  const saved = p.id !== null && facts.isSaved(p.id);
  const lead = `${here ? '›' : ' '}${fresh ? '•' : ' '}${saved ? '✓' : ' '} `;
  const rank = pad(String(p.rank), w.rankW, true);
  const up = `▲${pad(num(p.upvotes), w.upW, true)}`;
  const id = pad(sanitizeLine(p.id ?? '–'), w.idW);
  const tag = w.tagW > 0 ? truncate(watchText(p), w.tagW) : '';
  const tagCell = w.tagW > 0 ? pad(tag, w.tagW) + ' ' : '';
  const title = truncate(sanitizeLine(p.title), w.titleW);
  if (here) return paint.cursor(pad(`${lead}${rank} ${up} ${id} ${tagCell}${title}`, w.columns));
  if (read) return paint.dim(`${lead}${rank} ${up} ${id} ${tagCell}${title}`);
  const tagPainted = (tag && paint.tag(tag)) + tagCell.slice(tag.length);
  return `${lead}${paint.dim(rank)} ${paint.heat(up, p.upvotes)} ${paint.link(id)} ${tagPainted}${title}`;
}
