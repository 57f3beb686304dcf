import { describe, expect, it } from 'vitest';
import { current, initialState, matching, reduce, type Action, type ReaderState } from '../../../src/ui/reader/state.js';
import { rankedPapers } from './harness.js';

const run = (s: ReaderState, ...actions: Action[]) => actions.reduce(reduce, s);
const at = (s: ReaderState) => current(s)?.rank;

describe('reader state', () => {
  const start = initialState('t', rankedPapers(50), 80, 13); // 10 list rows

  it('keeps the cursor inside the list and on screen', () => {
    expect(at(run(start, { type: 'move', delta: -3 }))).toBe(1);
    const down = run(start, ...Array.from({ length: 12 }, () => ({ type: 'move', delta: 1 }) as const));
    expect([at(down), down.top]).toEqual([13, 3]);
    expect(at(run(start, { type: 'last' }, { type: 'move', delta: 5 }))).toBe(50);
    expect(run(start, { type: 'last' }).top).toBe(40);
    expect(run(start, { type: 'last' }, { type: 'first' }).top).toBe(0);
  });

  it('pages by the rows on screen and never past either end', () => {
    const one = run(start, { type: 'page', direction: 1 });
    expect([at(one), one.top]).toEqual([11, 10]);
    const many = run(start, ...Array.from({ length: 9 }, () => ({ type: 'page', direction: 1 }) as const));
    expect([at(many), many.top]).toEqual([50, 40]);
    expect(at(run(many, { type: 'page', direction: -1 }))).toBe(40);
  });

  it('filters on every word, case-insensitively, in title, abstract and keywords', () => {
    const papers = rankedPapers(
      4,
      (i) => [{ title: 'Sparse Attention' }, { summary: 'sparse models of ATTENTION' }, { keywords: ['attention', 'Sparse'] }, { title: 'Dense' }][i]!,
    );
    expect(matching(papers, 'attention sparse')).toEqual([0, 1, 2]);
    expect(matching(papers, '  ')).toEqual([0, 1, 2, 3]);
  });

  it('a filter keeps the cursor on its paper when it can; clearing restores the list', () => {
    const s = run(start, { type: 'move', delta: 20 }, { type: 'filterStart' }, { type: 'filterType', text: 'number 2' });
    expect(at(s)).toBe(21);
    expect(s.visible.length).toBe(14); // words match anywhere: 2, 12, 20-29, 32, 42
    const narrowed = run(s, { type: 'filterType', text: '9' });
    expect(at(narrowed)).toBe(29);
    const cleared = run(narrowed, { type: 'filterClear' });
    expect([at(cleared), cleared.visible.length, cleared.filtering]).toEqual([29, 50, false]);
    expect(run(s, { type: 'filterErase' }).filter).toBe('number ');
  });

  it('detail: back returns to the list where it was; help returns to the view it came from; scroll stays within the text', () => {
    const d = run(start, { type: 'move', delta: 4 }, { type: 'open' });
    expect(d.view).toBe('detail');
    expect(run(d, { type: 'help' }, { type: 'back' }).view).toBe('detail');
    expect(at(run(d, { type: 'back' }))).toBe(5);
    expect(run(d, { type: 'scroll', delta: 100, lines: 30 }).scroll).toBe(19); // 30 lines, 11 on screen
    expect(run(d, { type: 'scrollPage', direction: 1, lines: 30 }, { type: 'scroll', delta: -1, lines: 30 }).scroll).toBe(9);
    expect(run(d, { type: 'scroll', delta: 5, lines: 5 }).scroll).toBe(0);
  });

  it('a new list resets the cursor, unless kept (refresh) and its paper is still there', () => {
    const s = run(start, { type: 'move', delta: 7 });
    const reversed = rankedPapers(50)
      .reverse()
      .map((p, i) => ({ ...p, rank: i + 1 }));
    expect(at(run(s, { type: 'load', title: 'x', papers: reversed }))).toBe(1);
    expect(current(run(s, { type: 'load', title: 'x', papers: reversed, keep: true }))?.id).toBe('2601.10007');
  });

  it('resize keeps the cursor on screen', () => {
    const s = run(start, { type: 'move', delta: 9 }, { type: 'resize', columns: 80, rows: 8 });
    expect([at(s), s.top]).toEqual([10, 5]);
  });
});
