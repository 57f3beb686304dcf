import { daysBetween } from './dates.js';
import { parseMonth, parseWeek, type Period } from './period.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How long a cached entry is used without a request: today's list 10 min, a recent day 3 h, an older day 7 days, a paper 1 day. */
export const TTL = {
  today: 10 * MINUTE,
  recentDay: 3 * HOUR,
  oldDay: 7 * DAY,
  paper: DAY,
  /** The whole paper's text hardly ever changes. */
  fullText: 7 * DAY,
  trending: HOUR,
} as const;

/** A day's list settles as its upvotes stop moving, about two weeks after the day. */
export function dayTtl(day: string, today: string): number {
  const age = daysBetween(day, today);
  if (age <= 0) return TTL.today;
  return age < 14 ? TTL.recentDay : TTL.oldDay;
}

/** "3 h ago", "12 min ago", "2 days ago": how old a cached entry is, for warnings. */
export function ago(ms: number): string {
  const m = Math.max(0, Math.round(ms / MINUTE));
  if (m < 1) return 'just now';
  if (m < 60) return `${m} min ago`;
  const h = Math.round(ms / HOUR);
  if (h < 48) return `${h} h ago`;
  return `${Math.round(ms / DAY)} days ago`;
}

/** How long a week's or month's list stays fresh: as its last day does (the current one as today's list). */
export function periodTtl(period: Period, today: string): number {
  return dayTtl(period.last < today ? period.last : today, today);
}

/** How long the entry of a cache key stays fresh (the rules above, by the key's kind); null when unknown. */
export function ttlOfKey(key: string, today: string): number | null {
  const colon = key.indexOf(':');
  const kind = key.slice(0, colon);
  const rest = key.slice(colon + 1);
  try {
    if (kind === 'day') return dayTtl(rest, today);
    if (kind === 'week') return periodTtl(parseWeek(rest, today), today);
    if (kind === 'month') return periodTtl(parseMonth(rest, today), today);
  } catch {
    return null;
  }
  const fixed: Record<string, number> = {
    latest: TTL.today,
    search: TTL.recentDay,
    paper: TTL.paper,
    fulltext: TTL.fullText,
    render: TTL.fullText,
    trending: TTL.trending,
  };
  return Object.hasOwn(fixed, kind) ? fixed[kind]! : null;
}

/** Whether an entry of this age (ms since its fetch) is used without a request: younger than its lifetime, and not from the future. */
export function isFresh(age: number, ttl: number | null): boolean {
  return ttl !== null && age >= 0 && age < ttl;
}
