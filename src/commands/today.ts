import { parseDayArg, nyDay } from '../core/dates.js';
import { selectPapers } from '../core/select.js';
import type { Context } from '../context.js';
import type { ListResult } from '../ui/present.js';
import { loadDay, loadToday } from './daily.js';
import type { ListOptions } from './listOptions.js';

/** `papers today`: the latest Daily Papers list, ranked. */
export async function today(ctx: Context, opts: ListOptions): Promise<ListResult> {
  const list = await loadToday(ctx, opts);
  const filtered = list.papers.length > 0 ? ' match the filters' : ' yet';
  return { papers: selectPapers(list.papers, opts), emptyNote: `no papers on ${list.day}${filtered}` };
}

/** `papers day <date>`: one day's list. */
export async function day(ctx: Context, arg: string, opts: ListOptions): Promise<ListResult> {
  const date = parseDayArg(arg, nyDay(ctx.now()));
  const list = await loadDay(ctx, date, opts);
  const why = list.papers.length > 0 ? ' match the filters' : ' (weekends and holidays have none)';
  return { papers: selectPapers(list.papers, opts), emptyNote: `no papers on ${date}${why}` };
}
