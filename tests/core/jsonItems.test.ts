import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonArrayItems } from '../../src/core/jsonItems.js';

const bytes = (s: string) => new TextEncoder().encode(s);

/** The items of `data`, pushed in chunks that end at the given cut points. */
function items(data: Uint8Array | string, cuts: number[] = []): unknown[] {
  const all = typeof data === 'string' ? bytes(data) : data;
  const out: unknown[] = [];
  const reader = new JsonArrayItems();
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    reader.push(all.subarray(from, cut), (x) => out.push(x));
    from = cut;
  }
  reader.push(all.subarray(from), (x) => out.push(x));
  reader.end((x) => out.push(x));
  return out;
}

describe('JsonArrayItems', () => {
  it('yields each item of an array, whatever the spacing and nesting', () => {
    expect(items('[]')).toEqual([]);
    expect(items(' \n[ ] \n')).toEqual([]);
    expect(items('[1,"two",null,true,{"a":[1,{"b":"]}"}]},[],{}]')).toEqual([1, 'two', null, true, { a: [1, { b: ']}' }] }, [], {}]);
    expect(items('\ufeff[ {"q":"say \\"hi\\" \\\\"} ,\n\t{"x":"{["} ]')).toEqual([{ q: 'say "hi" \\' }, { x: '{[' }]);
    expect(items('[{"t":"大规模 🚀"}]')).toEqual([{ t: '大规模 🚀' }]);
  });

  it('gives the same items wherever the chunks are cut: escapes, strings, scalars and UTF-8 split', () => {
    const text = '\ufeff[ 12 , -3.5e2,"a\\\\\\"b", {"k":"大🚀\\u00e9","n":[true,false,null]} ,[[]],"x"]';
    const all = bytes(text);
    const want = JSON.parse(text.slice(1));
    for (let cut = 0; cut <= all.length; cut++) expect(items(all, [cut]), `cut at ${cut}`).toEqual(want);
    // Every byte its own chunk.
    expect(
      items(
        all,
        Array.from({ length: all.length }, (_, i) => i),
      ),
    ).toEqual(want);
  });

  it('agrees with JSON.parse on arbitrary arrays, in arbitrary chunks', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue()), fc.boolean(), fc.array(fc.nat()), (arr, pretty, rawCuts) => {
        const all = bytes(JSON.stringify(arr, null, pretty ? 2 : undefined));
        expect(
          items(
            all,
            rawCuts.map((c) => c % (all.length + 1)),
          ),
        ).toEqual(JSON.parse(new TextDecoder().decode(all)));
      }),
      { numRuns: 500 },
    );
  });

  it('throws a SyntaxError on anything JSON.parse would refuse, truncations included', () => {
    for (const bad of [
      '',
      '{}',
      '[1,',
      '[1 2]',
      '[{"a":1}',
      '["unterminated]',
      '[1],',
      '[1]x',
      '[,1]',
      '[1,]',
      '[1}',
      '\xef[1]',
      '[tru]',
      '[{"a":1]]',
      '[1',
      '[01]',
    ]) {
      expect(() => items(bad), bad).toThrow(SyntaxError);
    }
    const text = JSON.stringify([{ a: 'x' }, { b: [1, 2, { c: '"]' }] }, 7]);
    for (let cut = 1; cut < text.length; cut++) {
      expect(() => items(text.slice(0, cut)), text.slice(0, cut)).toThrow(SyntaxError);
      expect(() => items(text.slice(0, cut), [cut >> 1])).toThrow(SyntaxError);
    }
  });
});
