import { addDays, daysBetween, nyDay, parseDayArg, weekday } from '../core/dates.js';
import { UsageError } from '../core/errors.js';
import { stringOption, flagOption } from '../core/listOptions.js';
import { paperDay } from '../core/paper.js';
import { plural } from '../core/plural.js';
import { dedupe, selection } from '../core/rank.js';
import { listOf, type Invocation, type Result } from '../core/result.js';
import { listOptions, type Context } from '../context.js';
import { CacheMissError } from '../io/cachePolicy.js';
import { mapLimit } from '../io/mapLimit.js';
import { loadDay, loadToday, type DayList } from '../sources/day.js';
import { staleTogether } from '../sources/staleTogether.js';

/** How far back `papers new` looks, in days before today. */
const MAX_BACK = 14;
/** At most this many days fetched at once. */
const PARALLEL = 4;

const short = (day: string): string => `${weekday(day).slice(0, 3)} ${day}`;

/** The days from `first` through `last`, in order. */
function daysFrom(first: string, last: string): string[] {
  return Array.from({ length: daysBetween(first, last) + 1 }, (_, i) => addDays(first, i));
}

/**
 * Each day's list, less the cached days whose every paper is seen (not parsed, they come back empty);
 * with --offline, days not in the cache are left out and named (all missing: the first miss is thrown).
 */
async function loadDays(
  ctx: Context,
  days: string[],
  net: { offline: boolean; refresh: boolean; timeout: number },
  seen: (id: string) => boolean,
): Promise<{ lists: DayList[]; missing: string[] }> {
  // A network failure shows each cached day: one warning for them all.
  const stale = staleTogether(ctx, 'day list');
  const got = await mapLimit(days, PARALLEL, async (day) => {
    try {
      return await loadDay(ctx, day, { ...net, onStale: stale.onStale }, seen);
    } catch (error) {
      if (error instanceof CacheMissError) return error;
      throw error;
    }
  });
  const lists = got.filter((g): g is DayList => !(g instanceof CacheMissError));
  const missing = days.filter((_, i) => got[i] instanceof CacheMissError);
  stale.say();
  if (lists.length === 0) throw got[0] as CacheMissError;
  if (missing.length > 0) ctx.warn(`not in the cache, so not looked at (--offline): ${missing.map(short).join(', ')}`);
  return { lists, missing };
}

/**
 * `papers new`: every Daily Papers paper you have not seen, from the newest day the last run covered
 * (or `--since`; at most 14 days back; on the first run the latest day) through today in New York.
 * Printing the list marks it seen and records the newest day covered (not with --peek): see ui/print.ts.
 */
export async function run(ctx: Context, { options }: Invocation): Promise<Result> {
  const today = nyDay(ctx.now());
  const given = await listOptions(ctx, options);
  // Every new paper unless -n says otherwise: a cut list would leave papers behind the recorded day.
  const opts = stringOption(options, 'limit') === undefined ? { ...given, limit: 0 } : given;
  const marks = ctx.marks();
  const oldest = addDays(today, -MAX_BACK);
  const since = stringOption(options, 'since');
  let first: string | null = null;
  if (since !== undefined) {
    first = parseDayArg(since, today);
    if (first < oldest)
      throw new UsageError(`--since goes at most ${MAX_BACK} days back (to ${oldest})`, 'papers week or papers month --unseen list older papers');
  } else if (marks.marks.newThrough) {
    first = marks.marks.newThrough < oldest ? oldest : marks.marks.newThrough > today ? today : marks.marks.newThrough;
  }
  let lists: DayList[];
  let through: string;
  if (first === null) {
    const latest = await loadToday(ctx, opts);
    lists = [latest];
    first = latest.day;
    through = latest.day;
  } else {
    const got = await loadDays(ctx, daysFrom(first, today), opts, (id) => marks.isSeen(id));
    lists = got.lists;
    // Days the cache did not have are looked at again next time.
    const gap = got.missing[0];
    through = gap === undefined ? today : gap > first ? addDays(gap, -1) : first;
  }
  const dayOf = new Map<string, string>();
  for (const l of lists) for (const p of l.papers) if (p.id !== null && !dayOf.has(p.id)) dayOf.set(p.id, l.day);
  const unseen = dedupe(lists.flatMap((l) => l.papers)).filter((p) => p.id === null || !marks.isSeen(p.id));
  const selected = selection(unseen, opts);
  const { papers } = selected;
  if (papers.length > 0) {
    const perDay = new Map<string, number>();
    for (const p of papers) {
      const day = (p.id === null ? null : dayOf.get(p.id)) ?? paperDay(p) ?? through;
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
    const from = [...perDay].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, n]) => `${n} from ${short(day)}`);
    const watched = papers.filter((p) => p.watches.length > 0).length;
    const watchNote = opts.watches.length > 0 ? `; ${watched} match${watched === 1 ? 'es' : ''} your watches` : '';
    ctx.note(`${plural(papers.length, 'new paper')}: ${from.join(', ')}${watchNote}`);
  }
  const peek = flagOption(options, 'peek');
  const heading = `New papers since ${short(first)}${peek ? ' (peek)' : ''}`;
  return listOf(selected, heading, `nothing new since ${short(first)}`, opts, peek ? { seen: 'never' } : { seen: 'always', newThrough: through });
}
