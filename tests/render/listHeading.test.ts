import { describe, expect, it } from 'vitest';
import { DEFAULT_TABLE_COLUMNS } from '../../src/core/formats.js';
import { columnsFor, contextLine } from '../../src/render/listHeading.js';
import { makePaper } from '../helpers/papers.js';

describe('contextLine', () => {
  it('names the list and counts what is shown of what matched, in words', () => {
    expect(contextLine({ heading: 'saved', papers: [], total: 0 })).toBe('saved · 0 papers');
    const one = [{ ...makePaper('2611.00001'), rank: 1, watches: [] }];
    expect(contextLine({ heading: 'saved', papers: one, total: 1 })).toBe('saved · 1 paper');
    expect(contextLine({ heading: 'week 2026-W48', papers: one, total: 47 })).toBe('week 2026-W48 · 1 of 47 papers');
  });

  it('counts the new papers and the watched ones among those shown, leaving out a count of none', () => {
    const papers = ['2611.00001', '2611.00002', '2611.00003'].map((id, i) => ({ ...makePaper(id), rank: i + 1, watches: i === 0 ? ['agents'] : [] }));
    const list = { heading: 'Daily Papers of Thu 2026-11-26', papers, total: 47 };
    expect(contextLine(list, new Set(['2611.00002', '2611.00003', '2611.00099']))).toBe('Daily Papers of Thu 2026-11-26 · 3 of 47 papers, 2 new, 1 watched');
    expect(contextLine(list, new Set())).toBe('Daily Papers of Thu 2026-11-26 · 3 of 47 papers, 1 watched');
    expect(contextLine({ ...list, papers: papers.slice(1) })).toBe('Daily Papers of Thu 2026-11-26 · 2 of 47 papers');
  });
});

describe('columnsFor', () => {
  it('adds a day column to lists of several days and to feeds dated only by publication', () => {
    const oneDay = [makePaper('2611.00001', { day: '2026-11-26' }), makePaper('2611.00002', { day: '2026-11-26' })];
    expect(columnsFor(oneDay, DEFAULT_TABLE_COLUMNS)).toEqual([...DEFAULT_TABLE_COLUMNS]);
    const twoDays = [oneDay[0]!, makePaper('2611.00003', { day: '2026-11-25' })];
    expect(columnsFor(twoDays, DEFAULT_TABLE_COLUMNS)).toEqual(['rank', 'upvotes', 'comments', 'id', 'day', 'title']);
    expect(columnsFor(twoDays, ['day', 'id', 'title'])).toEqual(['day', 'id', 'title']);
  });

  it('drops upvotes and comments when no paper has them (arXiv, RSS), and shows the date', () => {
    const arxiv = [makePaper('2611.00001', { upvotes: null, comments: null, publishedAt: '2026-11-20T00:00:00Z', source: 'arxiv' })];
    expect(columnsFor(arxiv, DEFAULT_TABLE_COLUMNS)).toEqual(['rank', 'id', 'day', 'title']);
  });

  it('never shows a date that is not one', () => {
    const hostile = [makePaper('2611.00001', { publishedAt: '\x1b]52;c;aGk=\x07', day: null }), makePaper('2611.00002', { publishedAt: '2026-13-45' })];
    expect(columnsFor(hostile, DEFAULT_TABLE_COLUMNS)).not.toContain('day');
  });
});
