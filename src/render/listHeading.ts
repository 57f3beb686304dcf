import type { TableColumn } from '../core/formats.js';
import { paperDay, type Paper } from '../core/paper.js';
import type { ListResult } from '../core/result.js';
import { plural } from '../core/plural.js';

/**
 * The line over a table on a terminal: which list, how many are shown of how many matched, and of
 * those shown how many are new to the reader (when the marks are known) and match a watch (when
 * there are watches); a count of none is left out.
 */
export function contextLine(list: Pick<ListResult, 'heading' | 'papers' | 'total'>, unseen?: ReadonlySet<string>): string {
  const count = list.papers.length < list.total ? `${list.papers.length} of ${plural(list.total, 'paper')}` : plural(list.papers.length, 'paper');
  const fresh = unseen ? list.papers.filter((p) => p.id !== null && unseen.has(p.id)).length : 0;
  const watched = list.papers.filter((p) => p.watches.length > 0).length;
  return [`${list.heading} · ${count}`, ...(fresh > 0 ? [`${fresh} new`] : []), ...(watched > 0 ? [`${watched} watched`] : [])].join(', ');
}

/**
 * The table's columns for these papers: a list that spans several days, or a feed dated only by its
 * papers' publication, gets a day column (unless the user's columns already have one), and columns a source never fills (upvotes and comments of an
 * arXiv or RSS feed) are dropped rather than shown as a column of dashes.
 */
export function columnsFor(papers: readonly Paper[], chosen: readonly TableColumn[]): TableColumn[] {
  const days = new Set(papers.map((p) => paperDay(p)).filter((d) => d !== null));
  // A feed without Daily Papers days (arXiv, RSS) shows its papers' dates, whatever their number.
  const dated = days.size > 1 || (days.size > 0 && papers.every((p) => p.day === null));
  let columns = [...chosen];
  if (dated && !columns.includes('day')) columns.splice(Math.max(0, columns.indexOf('title')), 0, 'day');
  if (papers.length > 0 && papers.every((p) => p.upvotes === null)) columns = columns.filter((c) => c !== 'upvotes');
  if (papers.length > 0 && papers.every((p) => p.comments === null)) columns = columns.filter((c) => c !== 'comments');
  return columns;
}
