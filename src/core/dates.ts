import { UsageError } from './errors.js';

/** The first day of the Daily Papers archive. */
export const FIRST_DAY = '2023-05-04';

/** The nth Sunday (1-based) of a month, as a day of the month, in UTC arithmetic. */
function nthSunday(year: number, month: number, n: number): number {
  const first = new Date(Date.UTC(year, month, 1)).getUTCDay();
  return 1 + ((7 - first) % 7) + (n - 1) * 7;
}

/**
 * "Today" as Hugging Face counts it: the calendar date in New York at that instant.
 * US Eastern time by the rule in force since 2007 (EDT, UTC-4, from 02:00 on the second Sunday of
 * March to 02:00 on the first Sunday of November; EST, UTC-5, otherwise). Computed rather than asked
 * of Intl with a time zone, whose zone data costs ~30 ms at every start; tests check it against Intl.
 */
export function nyDay(now: Date): string {
  const t = now.getTime();
  const year = now.getUTCFullYear();
  const dstStart = Date.UTC(year, 2, nthSunday(year, 2, 2), 7);
  const dstEnd = Date.UTC(year, 10, nthSunday(year, 10, 1), 6);
  const offsetHours = t >= dstStart && t < dstEnd ? -4 : -5;
  return new Date(t + offsetHours * 3_600_000).toISOString().slice(0, 10);
}

/** Whether a YYYY-MM-DD string names a real calendar day. */
export function isDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

/** Day arithmetic on YYYY-MM-DD, in UTC so that no zone shift can move it. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const DAY_FORMS = 'use YYYY-MM-DD, yesterday, or -N for N days ago';

/** Reads `papers day <date>`: YYYY-MM-DD, `today`, `yesterday` or `-N`, within the archive and not in the future. */
export function parseDayArg(arg: string, today: string): string {
  const text = arg.trim().toLowerCase();
  let day: string;
  if (text === 'today') day = today;
  else if (text === 'yesterday') day = addDays(today, -1);
  else if (/^-\d{1,5}$/.test(text)) day = addDays(today, Number(text));
  else if (isDay(text)) day = text;
  else throw new UsageError(`not a date: '${arg}'`, DAY_FORMS);
  if (day < FIRST_DAY) throw new UsageError(`${day} is before the Daily Papers archive starts (${FIRST_DAY})`, DAY_FORMS);
  if (day > today) throw new UsageError(`${day} is in the future (today is ${today} in New York)`, DAY_FORMS);
  return day;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Weekday name of a YYYY-MM-DD day, for notes such as "no papers on Saturday 2026-11-28". */
export function weekday(day: string): string {
  return WEEKDAYS[new Date(`${day}T12:00:00Z`).getUTCDay()]!;
}

/** The line over a day's table: `Daily Papers of Thu 2026-11-26`. */
export function dailyHeading(day: string): string {
  return `Daily Papers of ${weekday(day).slice(0, 3)} ${day}`;
}
