import { describe, expect, it } from 'vitest';
import { marksFrom, marksToJson, NO_MARKS, pruned, withRead, withSeen } from '../../src/core/marks.js';

describe('marks', () => {
  it('seen keeps the first day; read implies seen; unread keeps it seen', () => {
    let m = withSeen(NO_MARKS, ['2611.00001'], '2026-11-01');
    m = withSeen(m, ['2611.00001', '2611.00002'], '2026-11-05');
    expect([...m.seen]).toEqual([
      ['2611.00001', '2026-11-01'],
      ['2611.00002', '2026-11-05'],
    ]);
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
    expect([...p.seen.keys()]).toEqual(['2611.00001']);
    expect([...p.read.keys()]).toEqual(['2611.00001']);
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
    expect([...m!.seen.keys()]).toEqual(['2611.00001']);
    expect(m!.read.size).toBe(0);
    expect(m!.newThrough).toBeNull();
    expect(marksFrom([])).toBeNull();
    expect(marksFrom({ version: 2 })).toBeNull();
  });
});
