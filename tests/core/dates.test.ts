import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, emptyDayReason, FIRST_DAY, isDay, nyDay, parseDayArg, utcDay, weekday } from '../../src/core/dates.js';

/** The New York date asked of Intl's zone data: the reference the fast rule in nyDay is checked against. */
function nyDayIntl(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
import { UsageError } from '../../src/core/errors.js';
import { ago, dayTtl, TTL } from '../../src/core/freshness.js';

describe('nyDay', () => {
  it('agrees with Intl America/New_York every 20 minutes from 2023 to 2031, and at every DST switch', () => {
    const fmt = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit' });
    for (let t = Date.UTC(2023, 0, 1); t < Date.UTC(2031, 0, 1); t += 20 * 60_000) {
      const d = new Date(t);
      if (nyDay(d) !== fmt.format(d)) expect(nyDay(d), d.toISOString()).toBe(fmt.format(d));
    }
    for (const iso of ['2026-03-08T06:59:59Z', '2026-03-08T07:00:00Z', '2026-11-01T05:59:59Z', '2026-11-01T06:00:00Z', '2025-11-02T04:30:00Z']) {
      const d = new Date(iso);
      expect(nyDay(d), iso).toBe(nyDayIntl(d));
    }
  });

  it('is still yesterday in New York just after midnight UTC', () => {
    // 2026-11-28 04:59 UTC is 23:59 on the 27th in New York (EST, UTC-5).
    expect(nyDay(new Date('2026-11-28T04:59:00Z'))).toBe('2026-11-27');
    expect(nyDay(new Date('2026-11-28T05:00:00Z'))).toBe('2026-11-28');
  });

  it('follows daylight saving time (EDT, UTC-4) in summer', () => {
    expect(nyDay(new Date('2026-07-15T03:59:00Z'))).toBe('2026-07-14');
    expect(nyDay(new Date('2026-07-15T04:00:00Z'))).toBe('2026-07-15');
  });

  it('at 21:30 New York time it is already tomorrow in UTC but still today in New York', () => {
    expect(nyDay(new Date('2026-11-28T02:30:00Z'))).toBe('2026-11-27');
    expect(nyDay(new Date('2026-07-15T01:30:00Z'))).toBe('2026-07-14');
  });
});

describe('parseDayArg', () => {
  const today = '2026-11-28';

  it('accepts YYYY-MM-DD, today, yesterday and -N', () => {
    expect(parseDayArg('2026-11-20', today)).toBe('2026-11-20');
    expect(parseDayArg('today', today)).toBe(today);
    expect(parseDayArg('yesterday', today)).toBe('2026-11-27');
    expect(parseDayArg('-7', today)).toBe('2026-11-21');
    expect(parseDayArg('-0', today)).toBe(today);
    expect(parseDayArg('Yesterday', '2026-03-01')).toBe('2026-02-28');
  });

  it('rejects what is not a date, naming the accepted forms', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '26-11-01', 'tomorrow', '', '+3', '2026/11/01', '-x']) {
      expect(() => parseDayArg(bad, today)).toThrow(UsageError);
    }
    expect(() => parseDayArg('nope', today)).toThrow(/not a date/);
    try {
      parseDayArg('nope', today);
    } catch (e) {
      expect((e as UsageError).hint).toMatch(/YYYY-MM-DD \(or YYYY-M-D\), today, yesterday, or -N/);
    }
  });

  it('rejects days before the archive and in the future', () => {
    expect(() => parseDayArg('2023-05-03', today)).toThrow(/before the Daily Papers archive/);
    expect(parseDayArg(FIRST_DAY, today)).toBe(FIRST_DAY);
    expect(() => parseDayArg('2026-11-29', today)).toThrow(/in the future/);
    expect(() => parseDayArg('-99999', today)).toThrow(UsageError);
  });
});

describe('day arithmetic', () => {
  it('crosses months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2026-11-01', '2026-11-28')).toBe(27);
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2025-02-29')).toBe(false);
    expect(weekday('2026-11-28')).toBe('Saturday');
  });

  it('names a UTC day exactly as toISOString does, and throws for an invalid date as it does', () => {
    const instants = [
      0,
      -1,
      86_399_999,
      Date.UTC(2024, 1, 29, 23, 59, 59, 999),
      Date.UTC(9999, 11, 31, 23),
      Date.UTC(10000, 0, 1),
      Date.UTC(-1, 5, 1),
      -62_198_755_200_000,
    ];
    for (let t = Date.UTC(1999, 0, 1); t < Date.UTC(2031, 0, 1); t += 86_400_000 * 7 + 3_600_000) instants.push(t);
    for (const t of instants) expect(utcDay(new Date(t)), String(t)).toBe(new Date(t).toISOString().slice(0, 10));
    expect(() => utcDay(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('freshness', () => {
  it('follows SPEC: today 10 min, under 14 days 3 h, older 7 days', () => {
    expect(dayTtl('2026-11-28', '2026-11-28')).toBe(TTL.today);
    expect(dayTtl('2026-11-27', '2026-11-28')).toBe(3 * 3600_000);
    expect(dayTtl('2026-11-15', '2026-11-28')).toBe(3 * 3600_000);
    expect(dayTtl('2026-11-14', '2026-11-28')).toBe(7 * 86_400_000);
    expect(TTL.today).toBe(600_000);
    expect(TTL.paper).toBe(86_400_000);
  });

  it('says ages the way a person would', () => {
    expect(ago(20_000)).toBe('just now');
    expect(ago(12 * 60_000)).toBe('12 min ago');
    expect(ago(3 * 3600_000)).toBe('3 h ago');
    expect(ago(5 * 86_400_000)).toBe('5 days ago');
  });
});

describe('emptyDayReason', () => {
  it('says why a day is empty only when that is known', () => {
    expect(emptyDayReason('2026-11-28', '2026-11-30')).toBe('Saturday: no Daily Papers on weekends');
    expect(emptyDayReason('2026-11-29', '2026-11-30')).toBe('Sunday: no Daily Papers on weekends');
    expect(emptyDayReason('2026-11-30', '2026-11-30')).toBe('not published yet');
    expect(emptyDayReason('2026-11-26', '2026-11-30')).toBeNull();
  });
});
