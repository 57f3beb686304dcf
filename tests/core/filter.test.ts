import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { filterPapers, NO_FILTERS, pattern } from '../../src/core/filter.js';
import { selectPapers } from '../../src/core/rank.js';
import { makePaper } from '../helpers/papers.js';

const papers = [
  makePaper('2611.00001', { title: 'Diffusion Transformers', upvotes: 50, githubRepo: 'https://github.com/a/b' }),
  makePaper('2611.00002', { title: 'Sparse attention', summary: 'We use diffusion too.', upvotes: 5 }),
  makePaper('2611.00003', { title: 'Robots', keywords: ['Diffusion policy'], upvotes: null }),
  makePaper('2611.00004', { title: 'Vision agents', upvotes: 20, githubRepo: 'https://github.com/c/d' }),
];
const ids = (ps: { id: string | null }[]) => ps.map((p) => p.id);

describe('filterPapers', () => {
  it('greps title, abstract and keywords, case-insensitively; every grep must match', () => {
    expect(ids(filterPapers(papers, { ...NO_FILTERS, grep: [pattern('DIFFUSION', '-g')] }))).toEqual(['2611.00001', '2611.00002', '2611.00003']);
    expect(ids(filterPapers(papers, { ...NO_FILTERS, grep: [pattern('diffusion', '-g'), pattern('transformer', '-g')] }))).toEqual(['2611.00001']);
    expect(ids(filterPapers(papers, { ...NO_FILTERS, grep: [pattern('^vision', '-g')] }))).toEqual(['2611.00004']);
  });

  it('excludes what any --exclude matches', () => {
    expect(ids(filterPapers(papers, { ...NO_FILTERS, exclude: [pattern('diffusion', 'x')] }))).toEqual(['2611.00004']);
  });

  it('keeps enough upvotes (unknown counts as none) and code links', () => {
    expect(ids(filterPapers(papers, { ...NO_FILTERS, minUpvotes: 20 }))).toEqual(['2611.00001', '2611.00004']);
    expect(ids(filterPapers(papers, { ...NO_FILTERS, minUpvotes: 0 }))).toEqual(['2611.00001', '2611.00002', '2611.00004']);
    expect(ids(filterPapers(papers, { ...NO_FILTERS, hasCode: true }))).toEqual(['2611.00001', '2611.00004']);
  });

  it('rejects an invalid pattern as a usage error with a hint', () => {
    expect(() => pattern('c++', '--grep')).toThrow(UsageError);
    expect(() => pattern('(', '--grep')).toThrow(/--grep '\(' is not a valid pattern/);
    expect(() => pattern('', '--grep')).toThrow(UsageError);
  });
});

describe('selectPapers with filters', () => {
  it('filters before the limit and ranks the positions after filtering', () => {
    const shown = selectPapers(papers, { sort: 'upvotes', reverse: false, limit: 1, filters: { ...NO_FILTERS, hasCode: true } });
    expect(shown.map((p) => [p.rank, p.id])).toEqual([[1, '2611.00001']]);
    const reversed = selectPapers(papers, { sort: 'upvotes', reverse: true, limit: 0, filters: { ...NO_FILTERS, hasCode: true } });
    expect(reversed.map((p) => [p.rank, p.id])).toEqual([
      [1, '2611.00004'],
      [2, '2611.00001'],
    ]);
  });
});

describe('author and organization filters', () => {
  const people = [
    makePaper('2611.00011', { authors: ['Ada Quill', 'Bo Lind'], organization: 'Lattice Lab', orgName: 'lattice-lab' }),
    makePaper('2611.00012', { authors: ['Cy Moss'], organization: 'Deep Thought' }),
    makePaper('2611.00013', { authors: [], organization: null }),
  ];
  it('--author matches any author, case-insensitively; repeats must all match', () => {
    expect(ids(filterPapers(people, { ...NO_FILTERS, author: [pattern('ada', '--author')] }))).toEqual(['2611.00011']);
    expect(ids(filterPapers(people, { ...NO_FILTERS, author: [pattern('ada', '--author'), pattern('^bo ', '--author')] }))).toEqual(['2611.00011']);
    expect(ids(filterPapers(people, { ...NO_FILTERS, author: [pattern('ada', '--author'), pattern('cy', '--author')] }))).toEqual([]);
  });
  it('--org matches the display name or the handle', () => {
    expect(ids(filterPapers(people, { ...NO_FILTERS, org: [pattern('LATTICE LAB', '--org')] }))).toEqual(['2611.00011']);
    expect(ids(filterPapers(people, { ...NO_FILTERS, org: [pattern('^lattice-lab$', '--org')] }))).toEqual(['2611.00011']);
    expect(ids(filterPapers(people, { ...NO_FILTERS, org: [pattern('deep', '--org')] }))).toEqual(['2611.00012']);
  });
  it('--unseen, --unread and --watched keep what the marks and watches say', () => {
    const marks = { isSeen: (id: string) => id !== '2611.00013', isRead: (id: string) => id === '2611.00011' };
    const base = { sort: 'upvotes' as const, reverse: false, limit: 0, marks };
    expect(ids(selectPapers(people, { ...base, only: { unseen: true, unread: false, watched: false } }))).toEqual(['2611.00013']);
    expect(ids(selectPapers(people, { ...base, only: { unseen: false, unread: true, watched: false } }))).toEqual(['2611.00012', '2611.00013']);
    const watches = [{ name: 'lab', filters: { ...NO_FILTERS, org: [pattern('lattice', '--org')] } }];
    const watched = selectPapers(people, { ...base, watches, only: { unseen: false, unread: false, watched: true } });
    expect(watched.map((p) => [p.id, p.watches])).toEqual([['2611.00011', ['lab']]]);
  });
});
