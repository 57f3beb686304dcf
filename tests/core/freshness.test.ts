import { describe, expect, it } from 'vitest';
import { TTL, isFresh, ttlOfKey } from '../../src/core/freshness.js';
import { describeKey } from '../../src/core/cacheKey.js';

describe('ttlOfKey', () => {
  const today = '2026-11-27';
  it('gives each kind of cache key the lifetime its loader uses', () => {
    expect(ttlOfKey(`day:${today}`, today)).toBe(TTL.today);
    expect(ttlOfKey('day:2026-11-20', today)).toBe(TTL.recentDay);
    expect(ttlOfKey('day:2026-08-18', today)).toBe(TTL.oldDay);
    expect(ttlOfKey('week:2026-W48', today)).toBe(TTL.today);
    expect(ttlOfKey('week:2026-W30', today)).toBe(TTL.oldDay);
    expect(ttlOfKey('month:2026-11', today)).toBe(TTL.today);
    expect(ttlOfKey('month:2026-10', today)).toBe(TTL.oldDay);
    expect(ttlOfKey('latest:2026-11-27', today)).toBe(TTL.today);
    expect(ttlOfKey('search:diffusion', today)).toBe(TTL.recentDay);
    expect(ttlOfKey('paper:2405.13956', today)).toBe(TTL.paper);
    expect(ttlOfKey('fulltext:2405.13956', today)).toBe(TTL.fullText);
    // A rendered copy is as fresh as the text it was made from (it carries that text's fetch time).
    expect(ttlOfKey('render:2405.13956', today)).toBe(TTL.fullText);
    expect(ttlOfKey('trending:0', today)).toBe(TTL.trending);
  });

  it('knows nothing of other keys, or of periods that cannot be', () => {
    expect(ttlOfKey('other:x', today)).toBeNull();
    expect(ttlOfKey('week:9999-W01', today)).toBeNull();
    for (const key of ['constructor:x', '__proto__:x', 'toString:x', 'nocolon']) expect(ttlOfKey(key, today), key).toBeNull();
  });
});

describe('isFresh', () => {
  it('is younger than the lifetime, never from the future, never for an unknown lifetime', () => {
    expect(isFresh(0, 1000)).toBe(true);
    expect(isFresh(999, 1000)).toBe(true);
    expect(isFresh(1000, 1000)).toBe(false);
    expect(isFresh(-1, 1000)).toBe(false);
    expect(isFresh(0, null)).toBe(false);
  });
});

describe('describeKey', () => {
  it('says what each kind of entry is in words', () => {
    expect(describeKey('day:2026-11-26')).toBe('day 2026-11-26');
    expect(describeKey('week:2026-W48')).toBe('week 2026-W48');
    expect(describeKey('month:2026-11')).toBe('month 2026-11');
    expect(describeKey('search:diffusion models')).toBe('search diffusion models');
    expect(describeKey('paper:2405.13956')).toBe('paper 2405.13956');
    expect(describeKey('fulltext:2405.13956')).toBe('full text 2405.13956');
    expect(describeKey('render:2405.13956')).toBe('full text 2405.13956, rendered');
    expect(describeKey('latest:2026-11-27')).toBe('latest day, as of 2026-11-27');
    expect(describeKey('trending:0')).toBe('trending page 1');
    expect(describeKey('trending:11')).toBe('trending page 12');
  });

  it('shows a key of no kind it knows as it is', () => {
    for (const key of ['other:x', 'trending:x', 'nocolon', ':empty']) expect(describeKey(key)).toBe(key);
  });
});
