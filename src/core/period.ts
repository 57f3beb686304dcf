import { addDays, dateWord, FIRST_DAY, utcDay } from './dates.js';
import { UsageError } from './errors.js';

/** A catch-up period: an ISO week or a calendar month, with the days it spans. */
export interface Period {
  kind: 'week' | 'month';
  /** `2026-W48` or `2026-11`: the API's own parameter value and the cache key. */
  label: string;
  first: string;
  last: string;
}

/** Monday..Sunday weekday number of a YYYY-MM-DD day (1..7). */
function isoWeekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay() || 7;
}

/** The ISO week a day belongs to: the week's year (which may differ from the day's), its number, and its Monday. */
export function isoWeekOf(day: string): { year: number; week: number; monday: string } {
  const monday = addDays(day, 1 - isoWeekday(day));
  const thursday = addDays(monday, 3);
  const year = Number(thursday.slice(0, 4));
  const jan4 = `${year}-01-04`;
  const week1Monday = addDays(jan4, 1 - isoWeekday(jan4));
  const week = Math.round((Date.parse(`${monday}T00:00:00Z`) - Date.parse(`${week1Monday}T00:00:00Z`)) / (7 * 86_400_000)) + 1;
  return { year, week, monday };
}

/** How many ISO weeks a year has (52, or 53 when it starts on a Thursday, or a leap year on a Wednesday). */
export function weeksInYear(year: number): number {
  return isoWeekOf(`${year}-12-28`).week;
}

function weekPeriod(year: number, week: number): Period {
  const jan4 = `${year}-01-04`;
  const monday = addDays(addDays(jan4, 1 - isoWeekday(jan4)), (week - 1) * 7);
  return { kind: 'week', label: `${year}-W${String(week).padStart(2, '0')}`, first: monday, last: addDays(monday, 6) };
}

const WEEK_FORMS = 'use YYYY-Www (2026-W48), a date in the week, today, yesterday, or -N for N weeks ago';
const MONTH_FORMS = 'use YYYY-MM (2026-11), a date in the month, today, yesterday, or -N for N months ago';

/**
 * A period's year is checked before any date arithmetic: years outside the archive would make dates
 * JavaScript cannot print (year 0, year 10000), and they are out of range anyway.
 */
function checkYear(year: number, label: string, today: string, forms: string): void {
  if (year < Number(FIRST_DAY.slice(0, 4))) throw new UsageError(`${label} is before the Daily Papers archive starts (${FIRST_DAY})`, forms);
  if (year > Number(today.slice(0, 4))) throw new UsageError(`${label} is in the future: today is ${today} in New York`);
}

function checkRange(p: Period, today: string, forms: string): Period {
  if (p.last < FIRST_DAY) throw new UsageError(`${p.label} is before the Daily Papers archive starts (${FIRST_DAY})`, forms);
  if (p.first > today) throw new UsageError(`${p.label} is in the future: today is ${today} in New York`);
  return p;
}

/** `papers week [YYYY-Www|date|today|yesterday|-N]`: the current week when no argument is given. */
export function parseWeek(arg: string | undefined, today: string): Period {
  const text = arg?.trim() ?? 'today';
  const m = /^(\d{4})-?W(\d{1,2})$/i.exec(text);
  if (m) {
    const year = Number(m[1]);
    const week = Number(m[2]);
    checkYear(year, text, today, WEEK_FORMS);
    if (week < 1 || week > weeksInYear(year)) {
      throw new UsageError(`${year} has no week ${week}: its weeks are 1 to ${weeksInYear(year)}`, WEEK_FORMS);
    }
    return checkRange(weekPeriod(year, week), today, WEEK_FORMS);
  }
  const word = dateWord(text, today);
  if (word === null) throw new UsageError(`not a week: '${arg}'`, WEEK_FORMS);
  const day = typeof word === 'string' ? word : addDays(today, -7 * word.ago);
  checkYear(Number(day.slice(0, 4)), day, today, WEEK_FORMS);
  const { year, week } = isoWeekOf(day);
  return checkRange(weekPeriod(year, week), today, WEEK_FORMS);
}

/** The month `n` months before `month` (YYYY-MM). */
function monthsBefore(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 - n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** `papers month [YYYY-MM|date|today|yesterday|-N]`: the current month when no argument is given. */
export function parseMonth(arg: string | undefined, today: string): Period {
  const text = arg?.trim() ?? 'today';
  let label: string;
  const m = /^(\d{4})-(\d{1,2})$/.exec(text);
  if (m) {
    if (Number(m[2]) < 1 || Number(m[2]) > 12) throw new UsageError(`not a month: '${arg}'`, MONTH_FORMS);
    label = `${m[1]}-${m[2]!.padStart(2, '0')}`;
  } else {
    const word = dateWord(text, today);
    if (word === null) throw new UsageError(`not a month: '${arg}'`, MONTH_FORMS);
    label = typeof word === 'string' ? word.slice(0, 7) : monthsBefore(today.slice(0, 7), word.ago);
  }
  const year = Number(label.slice(0, 4));
  const month = Number(label.slice(5, 7));
  checkYear(year, label, today, MONTH_FORMS);
  const first = `${label}-01`;
  const last = utcDay(new Date(Date.UTC(year, month, 0)));
  return checkRange({ kind: 'month', label, first, last }, today, MONTH_FORMS);
}

/** Every day of a period, first to last, not past today. */
export function daysOf(p: Period, today: string): string[] {
  const days: string[] = [];
  for (let d = p.first; d <= p.last && d <= today; d = addDays(d, 1)) days.push(d);
  return days;
}
