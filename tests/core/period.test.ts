import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { daysOf, isoWeekOf, parseMonth, parseWeek, weeksInYear } from '../../src/core/period.js';
import { parseDayArg } from '../../src/core/dates.js';

const today = '2026-11-28';

describe('ISO weeks', () => {
  it('numbers weeks across year boundaries', () => {
    expect(isoWeekOf('2026-11-28')).toEqual({ year: 2026, week: 48, monday: '2026-11-23' });
    // 2027-01-01 is a Friday: it belongs to the last week of 2026.
    expect(isoWeekOf('2027-01-01')).toMatchObject({ year: 2026, week: 53 });
    // 2024-12-30 is a Monday in week 1 of 2025.
    expect(isoWeekOf('2024-12-30')).toMatchObject({ year: 2025, week: 1, monday: '2024-12-30' });
    expect(isoWeekOf('2023-01-01')).toMatchObject({ year: 2022, week: 52 });
  });

  it('knows which years have 53 weeks', () => {
    expect(weeksInYear(2026)).toBe(53);
    expect(weeksInYear(2020)).toBe(53);
    expect(weeksInYear(2025)).toBe(52);
    expect(weeksInYear(2024)).toBe(52);
  });

  it('parses YYYY-Www and a date into the Monday..Sunday it spans', () => {
    expect(parseWeek('2026-W48', today)).toEqual({ kind: 'week', label: '2026-W48', first: '2026-11-23', last: '2026-11-29' });
    expect(parseWeek('2026w3', today).label).toBe('2026-W03');
    expect(parseWeek('2025-01-01', today)).toMatchObject({ label: '2025-W01', first: '2024-12-30', last: '2025-01-05' });
    expect(parseWeek(undefined, today).label).toBe('2026-W48');
    expect(parseWeek('2026-W53', '2027-01-10')).toMatchObject({ first: '2026-12-28', last: '2027-01-03' });
  });

  it('rejects weeks that do not exist, are in the future or before the archive', () => {
    expect(() => parseWeek('2026-W60', today)).toThrow(/2026 has no week 60: its weeks are 1 to 53/);
    expect(() => parseWeek('2025-W53', today)).toThrow(UsageError);
    expect(() => parseWeek('2026-W00', today)).toThrow(UsageError);
    expect(() => parseWeek('2026-W49', today)).toThrow(/in the future/);
    expect(() => parseWeek('2023-W17', today)).toThrow(/before the Daily Papers archive/);
    expect(() => parseWeek('2023-W18', today)).not.toThrow();
    expect(() => parseWeek('week', today)).toThrow(/not a week/);
  });
});

describe('months', () => {
  it('parses YYYY-MM into its first and last day', () => {
    expect(parseMonth('2024-02', today)).toEqual({ kind: 'month', label: '2024-02', first: '2024-02-01', last: '2024-02-29' });
    expect(parseMonth('2025-12', today).last).toBe('2025-12-31');
    expect(parseMonth(undefined, today).label).toBe('2026-11');
  });

  it('rejects bad months', () => {
    for (const bad of ['2026-13', '2026-00', '2026-0', 'nov', '2026/11', '2026-11-31']) expect(() => parseMonth(bad, today)).toThrow(UsageError);
    try {
      parseMonth('2026-13', today);
    } catch (e) {
      expect((e as UsageError).hint).toMatch(/use YYYY-MM/);
    }
    expect(() => parseMonth('2026-12', today)).toThrow(/in the future/);
    expect(() => parseMonth('2023-04', today)).toThrow(/before/);
  });

  it('daysOf stops at today', () => {
    expect(daysOf(parseWeek('2026-W48', today), today)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28']);
  });
});

describe('one date grammar for day, week and month', () => {
  const now = '2026-11-29';
  it("takes YYYY-M-D, today, yesterday and -N in the command's own unit", () => {
    expect(parseDayArg('2026-8-3', now)).toBe('2026-08-03');
    expect(parseWeek('today', now).label).toBe('2026-W48');
    expect(parseWeek('yesterday', now).label).toBe('2026-W48');
    expect(parseWeek('-1', now).label).toBe('2026-W47');
    expect(parseWeek('2026-8-18', now).label).toBe('2026-W34');
    expect(parseMonth('2026-08-18', now).label).toBe('2026-08');
    expect(parseMonth('2026-8', now).label).toBe('2026-08');
    expect(parseMonth('-1', now).label).toBe('2026-10');
    expect(parseMonth('-11', now).label).toBe('2025-12');
    expect(parseMonth('today', now)).toMatchObject({ label: '2026-11', first: '2026-11-01', last: '2026-11-30' });
    expect(parseMonth('2024-02', now).last).toBe('2024-02-29');
  });

  it('says a future date is in the future, without a format hint', () => {
    for (const attempt of [
      () => parseDayArg('2026-11-30', now),
      () => parseWeek('2026-W50', now),
      () => parseMonth('2026-12', now),
      () => parseMonth('9999-12', now),
    ]) {
      try {
        attempt();
        expect.unreachable();
      } catch (e) {
        expect((e as UsageError).message).toMatch(/is in the future: today is 2026-11-29 in New York/);
        expect((e as UsageError).hint).toBeUndefined();
      }
    }
  });

  it('turns years JavaScript cannot date into usage errors, never "Invalid time value"', () => {
    for (const [attempt, why] of [
      [() => parseWeek('0000-W01', now), /before the Daily Papers archive/],
      [() => parseWeek('9999-W52', now), /in the future/],
      [() => parseMonth('9999-12', now), /in the future/],
      [() => parseMonth('0000-01', now), /before the Daily Papers archive/],
      [() => parseDayArg('2026-99-99', now), /not a date/],
      [() => parseWeek('-9999', now), /before the Daily Papers archive/],
      [() => parseMonth('-9999', now), /before the Daily Papers archive/],
    ] as const) {
      expect(attempt).toThrow(UsageError);
      expect(attempt).toThrow(why);
    }
  });
});
