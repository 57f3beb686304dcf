import { nyDay } from '../core/dates.js';
import { periodTtl } from '../core/freshness.js';
import type { Net, RawOptions } from '../core/listOptions.js';
import { checkIds, type Paper } from '../core/paper.js';
import { daysOf, type Period } from '../core/period.js';
import { dedupe, selection } from '../core/rank.js';
import { listNames, type ListResult, type Result } from '../core/result.js';
import { listOptions, loadOptions, type Context } from '../context.js';
import { cached } from '../io/cachePolicy.js';
import { fetchDailyPages } from '../io/hfApi.js';
import { mapLimit } from '../io/mapLimit.js';
import { loadDay } from './day.js';
import { staleTogether } from './staleTogether.js';
import { plural } from '../core/plural.js';

/** At most this many requests in flight at once. */
const PARALLEL = 4;

/**
 * Every paper of a week or month. HF serves `week=` and `month=`; it does not serve W53, so such a
 * week is built from its days (each through the day cache). Past periods are cached like past days,
 * the current one like today.
 */
export async function loadPeriod(ctx: Context, period: Period, net: Net): Promise<Paper[]> {
  const today = nyDay(ctx.now());
  if (period.kind === 'week' && period.label.endsWith('-W53')) {
    const stale = staleTogether(ctx, 'day list');
    const lists = await mapLimit(daysOf(period, today), PARALLEL, (day) => loadDay(ctx, day, { ...net, onStale: stale.onStale }));
    stale.say();
    return dedupe(lists.flatMap((l) => l.papers));
  }
  const { data } = await cached(loadOptions(ctx, net), `${period.kind}:${period.label}`, `${period.label}`, periodTtl(period, today), async (whileWaiting) => {
    const http = await ctx.http(net.timeout);
    ctx.spinner.update(`fetching ${period.label}`);
    const got = await fetchDailyPages(
      http,
      ctx.apiBase,
      { [period.kind]: period.label },
      {
        parallel: PARALLEL,
        onPage: (n) => ctx.spinner.update(`fetching ${period.label} (${plural(n, 'page')})`),
        whileWaiting,
      },
    );
    if (got.skipped > 0) ctx.warn(`skipped ${plural(got.skipped, 'item')} of ${period.label} that were not papers`);
    return got.papers;
  });
  return checkIds(data);
}

/** A week's or month's list, ranked, as `week` and `month` show it. */
export async function periodList(ctx: Context, period: Period, raw: RawOptions): Promise<Result> {
  const opts = await listOptions(ctx, raw);
  const result = (papers: Paper[]): ListResult => ({
    ...selection(papers, opts),
    heading: `${period.kind} ${period.label}`,
    emptyNote: `no papers in ${period.label}${papers.length > 0 ? ' match the filters' : ''}`,
    options: opts,
    name: listNames.period(period.kind, period.label),
    // `r` in the interactive reader: the period again, from the network.
    reload: async (again) => result(await loadPeriod(again, period, { ...opts, refresh: true })),
  });
  return { kind: 'list', list: result(await loadPeriod(ctx, period, opts)) };
}
