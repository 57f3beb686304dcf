import { UsageError } from './errors.js';

/** The first day of the Daily Papers archive. */
export const FIRST_DAY = '2023-05-04';

/**
 * A date's UTC calendar day as YYYY-MM-DD, as `toISOString().slice(0, 10)` gives it for years 0-9999
 * (and a RangeError for an invalid date, as it throws), from the UTC fields: the first toISOString of a
 * run costs ~0.7 ms here, every cache hit's start paying for it.
 */
export function utcDay(d: Date): string {
  const year = d.getUTCFullYear();
  if (Number.isNaN(year)) throw new RangeError('Invalid time value');
  if (year < 0 || year > 9999) return d.toISOString().slice(0, 10);
  const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);
  return `${String(year).padStart(4, '0')}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
}

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
  return utcDay(new Date(t + offsetHours * 3_600_000));
}

/** Whether a YYYY-MM-DD string names a real calendar day. */
export function isDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return utcDay(d) === text;
}

/** Day arithmetic on YYYY-MM-DD, in UTC so that no zone shift can move it. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return utcDay(d);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const DAY_FORMS = 'use YYYY-MM-DD (or YYYY-M-D), today, yesterday, or -N for N days ago';

/** `YYYY-MM-DD` or `YYYY-M-D` as a real calendar day in YYYY-MM-DD form; else null. */
function calendarDay(text: string): string | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  if (!m) return null;
  const day = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isDay(day) ? day : null;
}

/**
 * The words every date argument takes (`day`, `week`, `month`, `new --since`): a calendar day,
 * `today`, `yesterday`, or `-N` counted in the command's own unit (days, weeks or months, which the
 * caller applies). Returns the day named, `{ ago: N }` for `-N`, or null when the text is none of these.
 */
export function dateWord(arg: string, today: string): string | { ago: number } | null {
  const text = arg.trim().toLowerCase();
  if (text === 'today') return today;
  if (text === 'yesterday') return addDays(today, -1);
  if (/^-\d{1,4}$/.test(text)) return { ago: -Number(text) };
  return calendarDay(text);
}

/** A day inside the archive and not after today, else a usage error that says which way it is out. */
function checkDay(day: string, today: string, forms: string): string {
  if (day < FIRST_DAY) throw new UsageError(`${day} is before the Daily Papers archive starts (${FIRST_DAY})`, forms);
  if (day > today) throw new UsageError(`${day} is in the future: today is ${today} in New York`);
  return day;
}

/** Reads `papers day <date>` (and `new --since`): see dateWord; `-N` is N days ago. */
export function parseDayArg(arg: string, today: string): string {
  const word = dateWord(arg, today);
  if (word === null) throw new UsageError(`not a date: '${arg}'`, DAY_FORMS);
  return checkDay(typeof word === 'string' ? word : addDays(today, -word.ago), today, DAY_FORMS);
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Why a day's list is empty, when that is known: weekends have no Daily Papers; today's may not be out yet. */
export function emptyDayReason(day: string, today: string): string | null {
  const name = weekday(day);
  if (name === 'Saturday' || name === 'Sunday') return `${name}: no Daily Papers on weekends`;
  if (day === today) return 'not published yet';
  return null;
}

/** Weekday name of a YYYY-MM-DD day, for notes such as "no papers on Saturday 2026-11-28". */
export function weekday(day: string): string {
  return WEEKDAYS[new Date(`${day}T12:00:00Z`).getUTCDay()]!;
}

/** The line over a day's table: `Daily Papers of Thu 2026-11-26`. */
export function dailyHeading(day: string): string {
  return `Daily Papers of ${weekday(day).slice(0, 3)} ${day}`;
}
