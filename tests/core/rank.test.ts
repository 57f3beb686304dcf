import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareBy, dedupe, SAVED_SORT_KEYS, sortPapers, withRanks } from '../../src/core/rank.js';
import { selectPapers } from '../../src/core/rank.js';
import type { Paper } from '../../src/core/paper.js';
import { makePaper } from '../helpers/papers.js';

function paper(id: string, upvotes: number | null, comments: number | null, extra: Partial<Paper> = {}): Paper {
  return makePaper(id, { upvotes, comments, title: `T ${id}`, ...extra });
}
describe('sortPapers', () => {
  it('orders as compareBy does, true ties (papers without an id) in the order they came', () => {
    const arbPaper = fc.record({
      id: fc.option(fc.constantFrom('2401.00001', '2401.00002', '2401.00003'), { nil: null }),
      upvotes: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
      comments: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }),
      n: fc.nat(),
    });
    fc.assert(
      fc.property(fc.array(arbPaper, { maxLength: 40 }), fc.constantFrom(...SAVED_SORT_KEYS), fc.boolean(), (rows, key, reverse) => {
        const papers = rows.map((r, i) =>
          makePaper(r.id ?? '', { id: r.id, upvotes: r.upvotes, comments: r.comments, title: `T ${r.n % 3}`, savedAt: `${i % 4}` }),
        );
        const compare = compareBy(key);
        // The order by hand: the key, then the input position.
        const expected = papers
          .map((p, i) => ({ p, i }))
          .sort((a, b) => compare(a.p, b.p) || a.i - b.i)
          .map((x) => x.p);
        expect(sortPapers(papers, key, reverse)).toEqual(reverse ? expected.reverse() : expected);
      }),
    );
  });

  it('ranks by upvotes, then comments, then id', () => {
    const papers = [paper('2401.00003', 5, 1), paper('2401.00002', 5, 1), paper('2401.00001', 5, 9), paper('2401.00009', 50, 0)];
    expect(sortPapers(papers).map((p) => p.id)).toEqual(['2401.00009', '2401.00001', '2401.00002', '2401.00003']);
  });

  it('puts unknown upvotes last, and reverses on request', () => {
    const papers = [paper('a', null, null), paper('b', 0, 0), paper('c', 3, 0)];
    expect(sortPapers(papers).map((p) => p.id)).toEqual(['c', 'b', 'a']);
    expect(sortPapers(papers, 'upvotes', true).map((p) => p.id)).toEqual(['a', 'b', 'c']);
  });

  it('sorts by date newest first, by title alphabetically, by stars', () => {
    const papers = [
      paper('a', 1, 0, { day: '2026-01-02', title: 'beta', githubStars: 5 }),
      paper('b', 1, 0, { day: '2026-01-03', title: 'Alpha', githubStars: null }),
      paper('c', 1, 0, { day: '2026-01-01', title: 'gamma', githubStars: 50 }),
    ];
    expect(sortPapers(papers, 'date').map((p) => p.id)).toEqual(['b', 'a', 'c']);
    expect(sortPapers(papers, 'title').map((p) => p.id)).toEqual(['b', 'a', 'c']);
    expect(sortPapers(papers, 'stars').map((p) => p.id)).toEqual(['c', 'a', 'b']);
  });

  it('breaks ties as the README says: upvotes, then comments, then id (the key itself skipped); title ties by id', () => {
    const tied = { day: '2026-01-02', title: 'Same', githubStars: 7 };
    const papers = [paper('2401.00004', 5, 1, tied), paper('2401.00003', 5, 9, tied), paper('2401.00002', 8, 1, tied), paper('2401.00001', 5, 1, tied)];
    const order = ['2401.00002', '2401.00003', '2401.00001', '2401.00004'];
    for (const key of ['upvotes', 'date', 'stars'] as const) expect(sortPapers(papers, key).map((p) => p.id)).toEqual(order);
    // --sort comments: 9 first, then the ties on 1 comment by upvotes (8, then 5s by id).
    expect(sortPapers(papers, 'comments').map((p) => p.id)).toEqual(['2401.00003', '2401.00002', '2401.00001', '2401.00004']);
    expect(sortPapers(papers, 'title').map((p) => p.id)).toEqual(['2401.00001', '2401.00002', '2401.00003', '2401.00004']);
  });

  it('does not change its input', () => {
    const papers = [paper('a', 1, 0), paper('b', 2, 0)];
    sortPapers(papers);
    expect(papers.map((p) => p.id)).toEqual(['a', 'b']);
  });
});

describe('selectPapers', () => {
  it('limits after sorting and numbers the rows from 1; 0 means all', () => {
    const papers = [paper('a', 1, 0), paper('b', 3, 0), paper('c', 2, 0)];
    expect(selectPapers(papers, { sort: 'upvotes', reverse: false, limit: 2 }).map((p) => [p.rank, p.id])).toEqual([
      [1, 'b'],
      [2, 'c'],
    ]);
    expect(selectPapers(papers, { sort: 'upvotes', reverse: false, limit: 0 })).toHaveLength(3);
  });

  it('puts rank first in every object', () => {
    expect(Object.keys(withRanks([paper('a', 1, 0)])[0]!)[0]).toBe('rank');
  });

  it('copies every field of the paper, the optional ones only where present', () => {
    // Required<Paper>: a field added to Paper fails to compile here until it is named, and then
    // fails this test until withRanks copies it.
    const full: Required<Paper> = {
      ...paper('2611.00001', 3, 1),
      summary: 'An abstract.',
      authors: ['Ada Quill'],
      authorCount: 1,
      publishedAt: '2026-11-02T00:00:00.000Z',
      day: '2026-11-02',
      githubRepo: 'https://github.com/a/b',
      githubStars: 9,
      projectPage: 'https://example.org',
      aiSummary: 'In short.',
      keywords: ['k'],
      organization: 'A Lab',
      orgName: 'a-lab',
      savedAt: '2026-11-03T00:00:00.000Z',
      submitter: 'Ada Quill (@ada)',
      categories: ['cs.LG'],
      comment: '9 pages',
    };
    const [ranked] = withRanks([full]);
    expect(ranked).toEqual({ rank: 1, ...full, watches: [] });
    expect(Object.keys(ranked!).sort()).toEqual(Object.keys({ rank: 1, ...full, watches: [] }).sort());
    const [plain] = withRanks([paper('b', 1, 0)]);
    for (const optional of ['orgName', 'savedAt', 'submitter', 'categories', 'comment']) expect(plain).not.toHaveProperty(optional);
  });
});

describe('dedupe', () => {
  it('keeps the first of each id and every paper without an id', () => {
    const papers = [paper('a', 1, 0), paper('a', 9, 0), { ...paper('x', 0, 0), id: null }, { ...paper('y', 0, 0), id: null }];
    expect(dedupe(papers).map((p) => p.upvotes)).toEqual([1, 0, 0]);
  });
});
