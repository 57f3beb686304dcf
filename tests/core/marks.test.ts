import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isArxivId } from '../../src/core/ref.js';
import { addDays } from '../../src/core/dates.js';
import { marksFrom, marksToJson, NO_MARKS, pruned, withRead, withSeen } from '../../src/core/marks.js';

describe('marks', () => {
  it('seen keeps the first day; read implies seen; unread keeps it seen', () => {
    let m = withSeen(NO_MARKS, ['2611.00001'], '2026-11-01');
    m = withSeen(m, ['2611.00001', '2611.00002', '2611.00002'], '2026-11-05');
    expect(m.seen.days).toEqual(
      new Map([
        ['2026-11-01', ['2611.00001']],
        ['2026-11-05', ['2611.00002']],
      ]),
    );
    // Nothing new to mark: the very same marks.
    expect(withSeen(m, ['2611.00002'], '2026-11-06')).toBe(m);
    m = withRead(m, ['2611.00003'], true, '2026-11-06');
    expect(m.seen.has('2611.00003') && m.read.has('2611.00003')).toBe(true);
    m = withRead(m, ['2611.00003'], false, '2026-11-07');
    expect(m.read.has('2611.00003')).toBe(false);
    expect(m.seen.has('2611.00003')).toBe(true);
    expect(NO_MARKS.seen.size).toBe(0);
  });

  it('prunes marks made more than a year ago, keeps newThrough', () => {
    let m = withSeen({ ...NO_MARKS, newThrough: '2026-11-20' }, ['2510.00001'], '2025-11-01');
    m = withRead(m, ['2611.00001'], true, '2026-11-01');
    const p = pruned(m, '2026-11-27');
    expect(p.seen.days).toEqual(new Map([['2026-11-01', ['2611.00001']]]));
    expect(p.read.days).toEqual(new Map([['2026-11-01', ['2611.00001']]]));
    expect(p.seen.has('2510.00001')).toBe(false);
    expect(p.newThrough).toBe('2026-11-20');
    // Nothing a year old: the very same maps, nothing copied.
    const again = pruned(p, '2026-11-27');
    expect(again.seen).toBe(p.seen);
    expect(again.read).toBe(p.read);
  });

  it('round-trips through its file shape, grouped by day', () => {
    const m = withRead(withSeen({ ...NO_MARKS, newThrough: '2026-11-27' }, ['2611.00001', 'hep-th/9901001'], '2026-11-02'), ['2611.00002'], true, '2026-11-03');
    const text = marksToJson(m);
    expect(JSON.parse(text)).toEqual({
      version: 1,
      newThrough: '2026-11-27',
      seen: { '2026-11-02': ['2611.00001', 'hep-th/9901001'], '2026-11-03': ['2611.00002'] },
      read: { '2026-11-03': ['2611.00002'] },
    });
    expect(marksFrom(JSON.parse(text))).toEqual(m);
  });

  it('reads a planted or hand-edited file defensively: bad ids and days dropped, not a marks file is null', () => {
    const m = marksFrom({
      version: 1,
      newThrough: '../x',
      seen: { '2026-11-02': ['2611.00001', '../../etc', 7, '2611.00001v2'], bad: ['2611.00003'] },
      read: [],
    });
    expect(m!.seen.days).toEqual(new Map([['2026-11-02', ['2611.00001']]]));
    expect(m!.seen.size).toBe(1);
    expect(m!.read.size).toBe(0);
    expect(m!.newThrough).toBeNull();
    expect(marksFrom([])).toBeNull();
    expect(marksFrom({ version: 2 })).toBeNull();
  });

  it("takes a day's ids as they are when every one is an id, and checks them one by one otherwise, as isArxivId does", () => {
    const id = fc.oneof(
      fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 99999 }), fc.boolean()).map(
        ([yy, mm, n, five]) =>
          `${String(yy).padStart(2, '0')}${String(mm).padStart(2, '0')}.${String(n)
            .padStart(five ? 5 : 4, '0')
            .slice(0, five ? 5 : 4)}`,
      ),
      fc.constantFrom('hep-th/9901001', '2405.13956v2', ' 2405.13956', '2405.13956"', '2405\\.13956', '', '2405.1395６'),
    );
    fc.assert(
      fc.property(fc.array(id, { maxLength: 8 }), (ids) => {
        const m = marksFrom({ version: 1, seen: { '2026-11-02': ids } })!;
        const valid = ids.filter((x) => isArxivId(x));
        expect(m.seen.days.get('2026-11-02') ?? []).toEqual(valid);
        for (const x of ids) expect(m.seen.has(x)).toBe(isArxivId(x));
      }),
      { numRuns: 3000 },
    );
  });

  it('unread takes an id off whatever day it was read, and drops a day left empty', () => {
    let m = withRead(NO_MARKS, ['2611.00001', '2611.00002'], true, '2026-11-01');
    m = withRead(m, ['2611.00003'], true, '2026-11-02');
    m = withRead(m, ['2611.00002', '2611.00003', '2611.00009'], false, '2026-11-03');
    expect(m.read.days).toEqual(new Map([['2026-11-01', ['2611.00001']]]));
    expect(m.seen.size).toBe(3);
    expect(withRead(m, ['2611.00009'], false, '2026-11-03').read).toBe(m.read);
  });

  it('a year of marks round-trips, each id with its day', () => {
    const seen: Record<string, string[]> = {};
    for (let d = 0; d < 365; d++) seen[addDays('2026-01-01', d)] = Array.from({ length: 50 }, (_, i) => `2601.${String(10000 + d * 50 + i)}`);
    const m = marksFrom({ version: 1, newThrough: '2026-11-20', seen, read: {} })!;
    expect(m.seen.size).toBe(Object.values(seen).flat().length);
    expect(JSON.parse(marksToJson(m)).seen).toEqual(Object.fromEntries(Object.entries(seen).sort(([a], [b]) => (a < b ? -1 : 1))));
    const next = withSeen(m, ['2601.10000', '2612.00001'], '2027-01-01');
    expect(next.seen.days.get('2027-01-01')).toEqual(['2612.00001']);
    expect(next.seen.size).toBe(m.seen.size + 1);
  });

  it('reads a planted file of 300,000 days, or of a million ids in a day, without overflowing', () => {
    const days: Record<string, string[]> = {};
    const two = (n: number) => String(n % 100).padStart(2, '0');
    // 300,000 distinct keys of a day's shape (the file's check is of the shape, not of the calendar).
    for (let d = 0; d < 300_000; d++)
      days[`${String(Math.floor(d / 10_000)).padStart(4, '0')}-${two(Math.floor(d / 100))}-${two(d)}`] = [`2601.${String(10000 + (d % 90000))}`];
    expect(Object.keys(days)).toHaveLength(300_000);
    const many = marksFrom({ version: 1, seen: days })!;
    expect(many.seen.has('2601.10000')).toBe(true);
    const ids = Array.from({ length: 1_000_000 }, (_, i) => `2601.${String(10000 + (i % 90000))}`);
    const big = marksFrom({ version: 1, seen: { '2026-11-02': [...ids, 'not an id'] } })!;
    expect(big.seen.days.get('2026-11-02')).toHaveLength(1_000_000);
    expect(big.seen.has('2601.10005')).toBe(true);
    expect(big.seen.has('not an id')).toBe(false);
  });
});
