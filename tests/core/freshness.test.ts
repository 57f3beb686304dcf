import { describe, expect, it } from 'vitest';
import { TTL, ttlOfKey } from '../../src/core/freshness.js';

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
  });

  it('knows nothing of other keys, or of periods that cannot be', () => {
    expect(ttlOfKey('other:x', today)).toBeNull();
    expect(ttlOfKey('week:9999-W01', today)).toBeNull();
  });
});
