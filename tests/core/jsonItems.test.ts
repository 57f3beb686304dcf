import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/core/feed.js';
import { jsonArrayItems } from '../../src/core/jsonItems.js';
import { FeedError } from '../../src/core/errors.js';
import { fixture } from '../helpers/papers.js';

const bytes = (s: string) => new TextEncoder().encode(s);
const items = (s: string) => [...jsonArrayItems(bytes(s))];

describe('jsonArrayItems', () => {
  it('yields each item of an array, whatever the spacing and nesting', () => {
    expect(items('[]')).toEqual([]);
    expect(items(' \n[ ] \n')).toEqual([]);
    expect(items('[1,"two",null,true,{"a":[1,{"b":"]}"}]},[],{}]')).toEqual([1, 'two', null, true, { a: [1, { b: ']}' }] }, [], {}]);
    expect(items('\ufeff[ {"q":"say \\"hi\\" \\\\"} ,\n\t{"x":"{["} ]')).toEqual([{ q: 'say "hi" \\' }, { x: '{[' }]);
    expect(items('[{"t":"大规模 🚀"}]')).toEqual([{ t: '大规模 🚀' }]);
  });

  it('agrees with JSON.parse on arbitrary arrays', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue()), fc.boolean(), (arr, pretty) => {
        const text = JSON.stringify(arr, null, pretty ? 2 : undefined);
        expect(items(text)).toEqual(JSON.parse(text));
      }),
      { numRuns: 500 },
    );
  });

  it('throws a SyntaxError on anything JSON.parse would refuse, truncations included', () => {
    for (const bad of ['', '{}', '[1,', '[1 2]', '[{"a":1}', '["unterminated]', '[1],', '[1]x', '[,1]']) {
      expect(() => items(bad), bad).toThrow(SyntaxError);
    }
    const text = JSON.stringify([{ a: 'x' }, { b: [1, 2, { c: '"]' }] }]);
    for (let cut = 1; cut < text.length; cut++) expect(() => items(text.slice(0, cut))).toThrow(SyntaxError);
  });
});

describe('a big feed is read item by item, with the same result', () => {
  const quirks = JSON.parse(fixture('hf/daily-quirks.json')) as unknown[];
  // Past the 8 MiB threshold: the quirks fixture repeated, with distinct ids.
  const many = Array.from({ length: 9000 }, (_, i) =>
    quirks.map((q, j) => JSON.parse(JSON.stringify(q).replace(/2611\.00(\d)(\d\d)/g, `2611.${String(10000 + ((i * 6 + j) % 89999)).padStart(5, '0')}`))),
  ).flat();

  // Made once for both tests: building and parsing it is most of their time.
  const text = JSON.stringify(many);

  it('the streaming and the one-parse reading agree', () => {
    expect(text.length).toBeGreaterThan(8 * 1024 * 1024);
    const streamed = parseFeed(bytes(text), 'big', '2026-11-28');
    const whole = parseFeed(text, 'big', '2026-11-28');
    expect(streamed.papers.length).toBe(many.length);
    // Compared as JSON: the same check as a deep equality of plain data, at a fraction of its cost here.
    expect(JSON.stringify(streamed)).toBe(JSON.stringify(whole));
  });

  it('a big file that is cut short is the same error as a small one', () => {
    const cut = bytes(text.slice(0, text.length - 100));
    let error: unknown;
    try {
      parseFeed(cut, 'big.json', '2026-11-28');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FeedError);
    expect((error as FeedError).message).toMatch(/big\.json: not a feed I can read \(JSON that does not parse/);
  });
});
