import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../src/core/filter.js';
import { selection, SORT_KEYS, type Selection } from '../../src/core/rank.js';
import { PaperSelector } from '../../src/core/selector.js';
import { makePaper } from '../helpers/papers.js';

// Few distinct values, so that sort keys tie often and the id and arrival tie-breaks decide.
const small = fc.option(fc.integer({ min: 0, max: 3 }), { nil: null });
const paper = fc
  .record({
    id: fc.option(fc.constantFrom('2401.00001', '2401.00002', '2401.00003'), { nil: null }),
    upvotes: small,
    comments: small,
    githubStars: small,
    day: fc.option(fc.constantFrom('2026-01-01', '2026-01-02'), { nil: null }),
    title: fc.constantFrom('alpha', 'Alpha', 'beta'),
    code: fc.boolean(),
  })
  .map(({ id, code, ...rest }) => makePaper(id as string, { ...rest, id, githubRepo: code ? 'https://github.com/x/y' : null }));

const selections = fc.record({
  sort: fc.constantFrom(...SORT_KEYS),
  reverse: fc.boolean(),
  limit: fc.nat(12),
  filters: fc.record({
    grep: fc.constantFrom<RegExp[]>([], [/alpha/i]),
    exclude: fc.constantFrom<RegExp[]>([], [/beta/i]),
    minUpvotes: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
    hasCode: fc.boolean(),
    author: fc.constantFrom<RegExp[]>([], [/^a/i]),
    org: fc.constantFrom<RegExp[]>([], [/lab/i]),
  }),
  only: fc.record({ unseen: fc.boolean(), unread: fc.boolean(), watched: fc.constant(false) }),
  marks: fc.constant({ isSeen: (id: string) => id.endsWith('1'), isRead: (id: string) => id.endsWith('2') }),
});

function streamed(papers: ReturnType<typeof makePaper>[], sel: Selection): PaperSelector {
  const s = new PaperSelector(sel);
  for (const p of papers) s.add(p);
  return s;
}

describe('PaperSelector', () => {
  it('equals selection() over the whole list: every sort, reverse, limit (0 = all) and filter, ties included', () => {
    fc.assert(
      fc.property(fc.array(paper, { maxLength: 40 }), selections, (papers, sel) => {
        const got = streamed(papers, sel).result();
        const want = selection(papers, sel);
        // The same papers in the same order, none lost or shown twice, and the same count that matched.
        expect(got).toEqual(want);
      }),
      { numRuns: 800 },
    );
  });

  it('counts every paper offered, also those the filters drop', () => {
    const papers = Array.from({ length: 50 }, (_, i) => makePaper(`2401.${String(i).padStart(5, '0')}`, { upvotes: i }));
    const s = streamed(papers, { sort: 'upvotes', reverse: false, limit: 3, filters: { ...NO_FILTERS, minUpvotes: 45 } });
    expect(s.count).toBe(50);
    expect(s.result().total).toBe(5);
    expect(s.result().papers.map((p) => [p.rank, p.upvotes])).toEqual([
      [1, 49],
      [2, 48],
      [3, 47],
    ]);
  });
});
