import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { everyListId } from '../../src/core/listIds.js';
import { makePaper } from '../helpers/papers.js';

const text = (data: unknown[]) => JSON.stringify({ v: 1, key: 'day:2026-11-27', fetchedAt: 1, data });
const entry = (data: unknown[]) => Buffer.from(text(data));
const seenOf = (...ids: string[]) => {
  const set = new Set(ids);
  return (id: string) => set.has(id);
};

describe('everyListId', () => {
  it('answers from the ids of the papers alone, as JSON.stringify writes them', () => {
    const list = [makePaper('2611.00001'), makePaper('2611.00002')];
    expect(everyListId(entry(list), seenOf('2611.00001', '2611.00002', '2611.00003'))).toBe(true);
    expect(everyListId(entry(list), seenOf('2611.00001'))).toBe(false);
    expect(everyListId(entry([]), seenOf())).toBe(true);
  });

  it('says no for a paper without a known id, and for an id written with escapes', () => {
    expect(everyListId(entry([makePaper('2611.00001'), makePaper('2611.00002', { id: null })]), seenOf('2611.00001'))).toBe(false);
    const escaped = text([makePaper('2611.00001')]).replace('"id":"2611.00001"', '"id":"2611.0000\\u0031"');
    expect(JSON.parse(escaped).data[0].id).toBe('2611.00001');
    expect(everyListId(Buffer.from(escaped), seenOf('2611.00001'))).toBe(false);
    expect(everyListId(Buffer.from('{"data":[{"id":2611}]}'), () => true)).toBe(false);
    expect(everyListId(Buffer.from('{"data":[{"id":"2611.00001'), () => true)).toBe(false);
  });

  it('is never fooled by text in titles, abstracts or authors that looks like an id', () => {
    const sneaky = '","id":"2611.99999';
    fc.assert(
      fc.property(fc.string(), fc.boolean(), (text, seenSneaky) => {
        const paper = makePaper('2611.00001', { title: `${text}${sneaky}`, summary: `"id":"2611.99999" ${text}`, authors: [sneaky] });
        const known = seenSneaky ? seenOf('2611.00001', '2611.99999') : seenOf('2611.00001');
        // Only the paper's own id counts: the answer is the same whatever the text around it.
        expect(everyListId(entry([paper]), known)).toBe(true);
        expect(everyListId(entry([paper]), seenOf('2611.99999'))).toBe(false);
      }),
    );
  });

  it('agrees with parsing the list, for any papers and any set of seen ids', () => {
    const pool = ['2611.00001', '2611.00002', '2611.00003', '2611.00004'];
    const id = fc.option(fc.constantFrom(...pool), { nil: null });
    fc.assert(
      fc.property(fc.array(fc.tuple(id, fc.string()), { maxLength: 6 }), fc.subarray(pool), (papers, seen) => {
        const list = papers.map(([i, title]) => makePaper('2611.00009', { id: i, title, summary: title }));
        const known = seenOf(...seen);
        expect(everyListId(entry(list), known)).toBe(list.every((p) => p.id !== null && known(p.id)));
      }),
    );
  });
});
