import { nyDay } from '../core/dates.js';
import { dayTtl } from '../core/freshness.js';
import { daysOf, parseMonth, parseWeek, type Period } from '../core/period.js';
import { dedupe } from '../core/rank.js';
import { selectPapers } from '../core/select.js';
import type { Paper } from '../core/paper.js';
import { loadOptions, type Context } from '../context.js';
import { fetchDailyPages } from '../io/hfApi.js';
import { mapLimit } from '../io/limit.js';
import { cached } from '../io/load.js';
import type { ListResult } from '../ui/present.js';
import { loadDay } from './daily.js';
import type { ListOptions } from './listOptions.js';

/** At most this many requests in flight (SPEC "Network"). */
const PARALLEL = 4;

/**
 * Every paper of a week or month. HF serves `week=` and `month=`; it does not serve W53, so such a
 * week is built from its days (each through the day cache). Past periods are cached like past days,
 * the current one like today.
 */
export async function loadPeriod(ctx: Context, period: Period, net: ListOptions): Promise<Paper[]> {
  const today = nyDay(ctx.now());
  if (period.kind === 'week' && period.label.endsWith('-W53')) {
    const lists = await mapLimit(daysOf(period, today), PARALLEL, (day) => loadDay(ctx, day, net));
    return dedupe(lists.flatMap((l) => l.papers));
  }
  const lastDay = period.last < today ? period.last : today;
  const { data } = await cached(loadOptions(ctx, net), `${period.kind}:${period.label}`, `${period.label}`, dayTtl(lastDay, today), async () => {
    const http = await ctx.http(net.timeout);
    ctx.spinner.update(`fetching ${period.label}`);
    const got = await fetchDailyPages(http, ctx.apiBase, { [period.kind]: period.label }, (n) => ctx.spinner.update(`fetching ${period.label} (${n} page${n === 1 ? '' : 's'})`), PARALLEL);
    if (got.skipped > 0) ctx.warn(`skipped ${got.skipped} item(s) of ${period.label} that were not papers`);
    return got.papers;
  });
  return data;
}

async function list(ctx: Context, period: Period, opts: ListOptions): Promise<ListResult> {
  const papers = await loadPeriod(ctx, period, opts);
  return { papers: selectPapers(papers, opts), emptyNote: `no papers in ${period.label}${papers.length > 0 ? ' match the filters' : ''}` };
}

/** `papers week [YYYY-Www|date]`. */
export function week(ctx: Context, arg: string | undefined, opts: ListOptions): Promise<ListResult> {
  return list(ctx, parseWeek(arg, nyDay(ctx.now())), opts);
}

/** `papers month [YYYY-MM]`. */
export function month(ctx: Context, arg: string | undefined, opts: ListOptions): Promise<ListResult> {
  return list(ctx, parseMonth(arg, nyDay(ctx.now())), opts);
}
