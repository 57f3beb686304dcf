import { beforeAll, describe, expect, it } from 'vitest';
import { loadRenderers } from '../helpers/renderers.js';
import type { Paper } from '../../src/core/paper.js';
import { renderAbstract } from '../../src/render/abstract.js';
import { PROSE_WIDTH } from '../../src/render/fullText.js';
import { plain } from '../../src/render/paint.js';
import { widthOf, wrap } from '../../src/render/text.js';
import { makePaper, quirkPapers } from '../helpers/papers.js';

beforeAll(loadRenderers);

const UNSAFE = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const many = Array.from({ length: 60 }, (_, i) => (i % 3 === 0 ? `李${i}明` : i % 3 === 1 ? `Ólafur Jónsson-${i}` : `Наталья ${i}`));
const paper = makePaper('2611.00101', {
  title: 'A Long Title About Sparse Lattices for Long-Context Retrieval in Very Large Language Models',
  authors: many,
  authorCount: many.length,
  summary:
    'First paragraph of the abstract, long enough to wrap several times at forty columns.\nA hard break inside it.\n\nSecond paragraph: 大规模语言模型的稀疏注意力研究 with a Supercalifragilisticexpialidocious-word-that-is-longer-than-forty-columns.',
  day: '2026-11-23',
  publishedAt: '2026-11-20T00:00:00.000Z',
  upvotes: 42,
  comments: 3,
  githubRepo: 'https://github.com/example/lattice',
  githubStars: 310,
  aiSummary: 'Sparse lattices make retrieval cheaper.',
  keywords: ['lattices', 'retrieval'],
  organization: 'Lattice Lab',
});

describe('wrap', () => {
  it('wraps at spaces within the width, splitting only words longer than a line', () => {
    expect(wrap('aa bb cc dd', 5)).toEqual(['aa bb', 'cc dd']);
    expect(wrap('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrap('大规模语言模型', 4)).toEqual(['大规', '模语', '言模', '型']);
    expect(wrap('', 10)).toEqual([]);
  });
});

describe('renderAbstract', () => {
  for (const width of [40, 80, 120]) {
    it(`keeps every line but links within ${width} columns and shows everything`, () => {
      const lines = renderAbstract(paper, { width, paint: plain });
      for (const line of lines) {
        if (!/https?:\/\//.test(line)) expect(widthOf(line), line).toBeLessThanOrEqual(width);
      }
      const text = lines.join('\n');
      for (const name of many) expect(text.replace(/\n/g, ' ')).toContain(name);
      expect(text).toContain('Daily Papers 2026-11-23');
      expect(text).toContain('published 2026-11-20');
      expect(text).toContain('▲ 42');
      expect(text).toContain('3 comments');
      expect(text).toContain('Organization: Lattice Lab');
      expect(text).toContain('https://github.com/example/lattice (★ 310)');
      expect(text).toContain('https://huggingface.co/papers/2611.00101');
      expect(text).toContain('https://arxiv.org/pdf/2611.00101');
      expect(text).toContain('Keywords: lattices, retrieval');
      expect(text).toContain('Sparse lattices make retrieval cheaper.');
    });
  }

  it('keeps the paragraphs of the abstract and folds the breaks inside them', () => {
    const lines = renderAbstract(paper, { width: 120, paint: plain });
    const start = lines.indexOf('Abstract');
    expect(lines.slice(start + 1)).toEqual([
      'First paragraph of the abstract, long enough to wrap several times at forty columns. A hard break',
      'inside it.',
      '',
      'Second paragraph: 大规模语言模型的稀疏注意力研究 with a',
      'Supercalifragilisticexpialidocious-word-that-is-longer-than-forty-columns.',
    ]);
  });

  it('wraps its text at PROSE_WIDTH however wide the terminal, and narrower terminals at their width', () => {
    const long = makePaper('2611.00102', {
      ...paper,
      summary: 'word '.repeat(300),
      aiSummary: 'summary '.repeat(60),
      comment: 'comment '.repeat(40),
    });
    for (const width of [60, 99, 100, 101, 160, 400]) {
      const lines = renderAbstract(long, { width, paint: plain }).filter((l) => !/https?:\/\//.test(l));
      const widest = Math.max(...lines.map(widthOf));
      expect(widest, `width ${width}`).toBeLessThanOrEqual(Math.min(width, PROSE_WIDTH));
      expect(widest, `width ${width}`).toBeGreaterThan(Math.min(width, PROSE_WIDTH) - 10);
    }
  });

  it('links the Hugging Face page only of a record Hugging Face gave', () => {
    const hf = renderAbstract(makePaper('2611.00103'), { width: 80, paint: plain }).join('\n');
    expect(hf).toContain('https://huggingface.co/papers/2611.00103');
    for (const source of ['arxiv', 'rss'] as const) {
      const text = renderAbstract(makePaper('2611.00103', { source }), { width: 80, paint: plain }).join('\n');
      expect(text).not.toContain('huggingface.co');
      expect(text).not.toContain('Hugging Face');
      expect(text).toContain('https://arxiv.org/abs/2611.00103');
    }
  });

  it('shows the submitter, the arXiv categories and comment, and cleans LaTeX in the prose only', () => {
    const p = makePaper('2611.00104', {
      title: 'A \\emph{Title} at 5\\%',
      submitter: 'Ada Quill (@ada)',
      categories: ['cs.LG', 'cs.AI'],
      comment: '12 pages, 3\\% of \\$',
      aiSummary: 'Cheaper by 10\\%.',
      summary: 'We pay \\$5 for \\emph{fast} Fig.~3 with $\\frac{a}{b}~c$ kept.',
    });
    const text = renderAbstract(p, { width: 80, paint: plain }).join('\n');
    expect(text).toContain('Submitted by Ada Quill (@ada)');
    expect(text).toContain('Categories: cs.LG, cs.AI');
    expect(text).toContain('Comment: 12 pages, 3% of $');
    expect(text).toContain('Cheaper by 10%.');
    expect(text).toContain('We pay $5 for fast Fig. 3 with $\\frac{a}{b}~c$ kept.');
    // The title is as the feed wrote it, as in every table.
    expect(text).toContain('A \\emph{Title} at 5\\%');
  });

  it('ignores a submitter, categories or comment of the wrong type (a planted file)', () => {
    const odd = { ...makePaper('2611.00105'), submitter: 7, categories: 'cs.LG', comment: ['x'] } as unknown as Paper;
    const text = renderAbstract(odd, { width: 80, paint: plain }).join('\n');
    expect(text).not.toMatch(/Submitted by|Categories|Comment/);
  });

  it('neutralises hostile text everywhere', () => {
    const hostile = quirkPapers().find((p) => p.title.startsWith('Hostile'))!;
    const text = renderAbstract(hostile, { width: 80, paint: plain }).join('\n');
    expect(text).not.toMatch(UNSAFE);
    expect(text).toContain('Mallory Evil');
    expect(text).toContain('Clipboard and bell .');
  });

  it('says when there is no abstract, and shows an author count when names are unknown', () => {
    const bare = makePaper('2611.00002', { summary: null, authors: [], authorCount: 7, upvotes: null, comments: null });
    const text = renderAbstract(bare, { width: 80, paint: plain }).join('\n');
    expect(text).toContain('7 authors');
    expect(text).toContain('(no abstract known)');
    expect(text).not.toContain('▲');
  });
});
