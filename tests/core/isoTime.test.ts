import { describe, expect, it } from 'vitest';
import { isoTime } from '../../src/core/paper.js';

describe('isoTime', () => {
  it('writes every source form of a timestamp as ISO 8601 in UTC', () => {
    expect(isoTime('2026-08-17T13:54:50.000Z')).toBe('2026-08-17T13:54:50.000Z');
    expect(isoTime('2025-10-17T17:59:59Z')).toBe('2025-10-17T17:59:59.000Z');
    expect(isoTime('2026-04-27T00:00:00-04:00')).toBe('2026-04-27T04:00:00.000Z');
    expect(isoTime('2026-04-27T00:00:00+0530')).toBe('2026-04-26T18:30:00.000Z');
    expect(isoTime('2026-02-27')).toBe('2026-02-27T00:00:00.000Z');
    // Without a zone the time is taken as UTC, never as the machine's local time.
    expect(isoTime('2026-02-27T10:30')).toBe('2026-02-27T10:30:00.000Z');
  });

  it('gives null for what is not a real date', () => {
    for (const bad of [null, undefined, '', '2026-13-45', 'yesterday', '\x1b]52;c;aGk=\x07', '2026-02-30T00:00:00Z']) expect(isoTime(bad)).toBeNull();
  });
});
