import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TopN } from '../../src/core/topN.js';

interface Item {
  key: number;
  name: string;
}
const byKey = (a: Item, b: Item) => a.key - b.key;

/** What TopN must equal: Array.prototype.sort is stable; reversed whole, then cut. */
function reference(items: Item[], limit: number, reverse: boolean): Item[] {
  const sorted = [...items].sort(byKey);
  return (reverse ? sorted.reverse() : sorted).slice(0, limit);
}

function top(items: Item[], limit: number, reverse: boolean): TopN<Item> {
  const t = new TopN(limit, byKey, reverse);
  for (const item of items) t.push(item);
  return t;
}

describe('TopN', () => {
  it('equals a stable sort cut to the limit, ties and reverse included', () => {
    // Few distinct keys, so that most items tie with others.
    const item = fc.record({ key: fc.integer({ min: 0, max: 4 }), name: fc.string({ maxLength: 3 }) });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 60 }), fc.nat(70), fc.boolean(), (items, limit, reverse) => {
        const got = top(items, limit, reverse).result();
        const want = reference(items, limit, reverse);
        // The very objects, in the very order: no item lost, none duplicated.
        expect(got.length).toBe(want.length);
        got.forEach((x, i) => expect(x).toBe(want[i]));
      }),
      { numRuns: 1000 },
    );
  });

  it('ties keep their order of arrival, and reverse reverses it', () => {
    const items = ['a', 'b', 'c', 'd', 'e'].map((name, i) => ({ key: i === 4 ? 0 : 1, name }));
    expect(
      top(items, 3, false)
        .result()
        .map((x) => x.name),
    ).toEqual(['e', 'a', 'b']);
    expect(
      top(items, 3, true)
        .result()
        .map((x) => x.name),
    ).toEqual(['d', 'c', 'b']);
  });

  it('counts every item offered, and holds at most the limit', () => {
    const t = top(
      Array.from({ length: 1000 }, (_, i) => ({ key: (i * 7919) % 1000, name: String(i) })),
      5,
      false,
    );
    expect(t.seen).toBe(1000);
    expect(t.result().map((x) => x.key)).toEqual([0, 1, 2, 3, 4]);
    expect(top([{ key: 1, name: 'x' }], 0, false).result()).toEqual([]);
  });

  it('refuses a limit that is not a count', () => {
    expect(() => new TopN(-1, byKey)).toThrow(RangeError);
    expect(() => new TopN(1.5, byKey)).toThrow(RangeError);
  });
});
