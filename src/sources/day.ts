import { addDays, dailyHeading, emptyDayReason, FIRST_DAY, isDay, nyDay, weekday } from '../core/dates.js';
import { FeedError, NetworkError, UsageError } from '../core/errors.js';
import { dayTtl, TTL } from '../core/freshness.js';
import { checkIds, type Paper } from '../core/paper.js';
import type { ListOptions, Net } from '../core/listOptions.js';
import { selection } from '../core/rank.js';
import { listNames, type ListResult } from '../core/result.js';
import { loadOptions, type Context } from '../context.js';
import { fetchDailyPages, fetchLatestDay } from '../io/hfApi.js';
import { cached, CacheMissError, entrySpared } from '../io/cachePolicy.js';
import { everyListId } from '../core/listIds.js';
import { plural } from '../core/plural.js';
import { staleTogether } from './staleTogether.js';

export interface DayList {
  day: string;
  papers: Paper[];
}

/**
 * One day's whole list: from a fresh cache entry, else every page of `daily_papers?date=`. With
 * `spare`, a cached list that would be used as it is and whose every paper's id `spare` accepts is
 * not even parsed: the list comes back empty (for papers new, which would drop every one of them).
 */
export async function loadDay(ctx: Context, day: string, net: Net, spare?: (id: string) => boolean): Promise<DayList> {
  const today = nyDay(ctx.now());
  const opts = loadOptions(ctx, net);
  const ttl = dayTtl(day, today);
  if (spare && entrySpared(opts, `day:${day}`, ttl, (json) => everyListId(json, spare))) {
    ctx.debug(`the list of ${day}: cache entry day:${day}, every paper in it seen (not parsed)`);
    return { day, papers: [] };
  }
  const { data } = await cached(opts, `day:${day}`, `the list of ${day}`, ttl, async (whileWaiting) => {
    const http = await ctx.http(net.timeout);
    ctx.spinner.update(`fetching ${day}`);
    const got = await fetchDailyPages(
      http,
      ctx.apiBase,
      { date: day },
      {
        onPage: (page) => {
          if (page > 1) ctx.spinner.update(`fetching ${day} (page ${page})`);
        },
        whileWaiting,
      },
    );
    if (got.skipped > 0) ctx.warn(`skipped ${plural(got.skipped, 'item')} of ${day} that were not papers`);
    return got.papers;
  });
  return { day, papers: checkIds(data) };
}

/** A day's list as `day` and `today` show it, with the reader's refresh and previous/next day. */
export function dayResult(list: DayList, opts: ListOptions, today: string): ListResult {
  const reason = emptyDayReason(list.day, today);
  const why = list.papers.length > 0 ? ' match the filters' : reason ? ` (${reason})` : '';
  return {
    ...selection(list.papers, opts),
    heading: dailyHeading(list.day),
    name: listNames.day(list.day),
    emptyNote: `no papers on ${list.day}${why}`,
    options: opts,
    reload: async (ctx) => dayResult(await loadDay(ctx, list.day, { ...opts, refresh: true }), opts, nyDay(ctx.now())),
    step: async (ctx, delta) => {
      const day = addDays(list.day, delta);
      const now = nyDay(ctx.now());
      if (day > now) throw new UsageError(`${day} is still to come`);
      return dayResult(await loadDay(ctx, day, opts), opts, now);
    },
  };
}

/**
 * `papers today`: today in New York; when that day has no papers yet, the latest day that has
 * (found with the API's no-date call), said on stderr. When the network fails and today is not
 * cached, the most recent cached day is shown with a warning.
 */
export async function loadToday(ctx: Context, given: Net): Promise<DayList> {
  const today = nyDay(ctx.now());
  // Today's list, the latest day and that day's list may each be shown from the cache when the network fails: one warning for them all.
  const stale = staleTogether(ctx, 'entry', 'entries');
  try {
    const list = await todayOrLatest(ctx, today, { ...given, onStale: stale.onStale });
    stale.say();
    return list;
  } catch (error) {
    if (!(error instanceof CacheMissError || error instanceof NetworkError || error instanceof FeedError)) throw error;
    const fallback = latestCachedDay(ctx, today);
    if (!fallback) throw error;
    // This warning says the failure: any entry shown from the cache before it is part of the same story.
    const say = error instanceof CacheMissError ? ctx.note : ctx.warn;
    say(`${error instanceof CacheMissError ? 'offline' : error.message}; showing ${fallback.day}, the latest day in the cache`);
    return fallback;
  }
}

/** Today's list, or the latest day's when today has none yet (said in a note). */
async function todayOrLatest(ctx: Context, today: string, net: Net): Promise<DayList> {
  const list = await loadDay(ctx, today, net);
  if (list.papers.length > 0) return list;
  const { data: latest } = await cached(loadOptions(ctx, net), `latest:${today}`, 'the latest day', TTL.today, async () => {
    ctx.spinner.update('looking for the latest day');
    return fetchLatestDay(await ctx.http(net.timeout), ctx.apiBase);
  });
  // The server's word (or a cache entry's) is checked like user input: a real day in the archive, before today.
  if (!latest || !isDay(latest) || latest < FIRST_DAY || latest >= today) return list;
  ctx.note(`no papers yet for ${weekday(today)} ${today}; showing ${weekday(latest)} ${latest}`);
  return loadDay(ctx, latest, net);
}

/** The most recent day on or before `today` whose non-empty list is cached, whatever its age. */
function latestCachedDay(ctx: Context, today: string): DayList | null {
  const cache = ctx.cache();
  const days = cache
    .keys('day')
    .map((key) => key.slice('day:'.length))
    .filter((d) => isDay(d) && d <= today)
    .sort()
    .reverse();
  for (const day of days.slice(0, 30)) {
    const entry = cache.read<Paper[]>(`day:${day}`);
    if (entry && entry.data.length > 0) return { day, papers: checkIds(entry.data) };
  }
  return null;
}
