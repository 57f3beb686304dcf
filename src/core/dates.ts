import { UsageError } from './errors.js';

/** The first day of the Daily Papers archive. */
export const FIRST_DAY = '2023-05-04';
const ZONE = 'America/New_York';

let nyFormat: Intl.DateTimeFormat | undefined;

/** "Today" as Hugging Face counts it: the calendar date in New York at that instant. */
export function nyDay(now: Date): string {
  nyFormat ??= new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
  return nyFormat.format(now);
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

/** Weekday name of a YYYY-MM-DD day, for notes such as "no papers on Saturday 2026-11-28". */
export function weekday(day: string): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' });
}
