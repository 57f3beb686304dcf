import { describe, expect, it } from 'vitest';
import { plural } from '../../src/core/plural.js';

describe('plural', () => {
  it('says the count with the right form of the noun', () => {
    expect(plural(0, 'paper')).toBe('0 papers');
    expect(plural(1, 'paper')).toBe('1 paper');
    expect(plural(3, 'paper')).toBe('3 papers');
    expect(plural(1, 'entry', 'entries')).toBe('1 entry');
    expect(plural(2, 'entry', 'entries')).toBe('2 entries');
  });
});
