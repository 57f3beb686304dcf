import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { FIELDS } from '../../src/core/paper.js';
import { withRanks } from '../../src/core/rank.js';
import { citationKey, escapeLatex, renderBibtex } from '../../src/render/bibtex.js';
import { csvField, renderCsv } from '../../src/render/csv.js';
import { escapeMarkdown, renderMarkdown } from '../../src/render/markdown.js';
import { makePaper, quirkPapers } from '../helpers/papers.js';

const UNSAFE = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const tricky = withRanks([
  makePaper('2611.00001', {
    title: 'Commas, "quotes" and\nnewlines',
    summary: 'Line one\r\nLine two, with "quotes"',
    authors: ['Ada Quill', 'Bo, Jr.'],
    authorCount: 2,
    upvotes: 3,
  }),
  ...quirkPapers(),
]);

describe('renderCsv', () => {
  it('round-trips through a real CSV parser: header, quoting of commas, quotes and newlines', () => {
    const text = [...renderCsv(tricky)].join('');
    const rows = parse(text, { relax_column_count: false }) as string[][];
    expect(rows[0]).toEqual([...FIELDS]);
    expect(rows).toHaveLength(tricky.length + 1);
    expect(rows[1]![FIELDS.indexOf('title')]).toBe('Commas, "quotes" and\nnewlines');
    expect(rows[1]![FIELDS.indexOf('summary')]).toBe('Line one\nLine two, with "quotes"');
    expect(rows[1]![FIELDS.indexOf('authors')]).toBe('Ada Quill, Bo, Jr.');
    expect(rows[1]![FIELDS.indexOf('upvotes')]).toBe('3');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text).not.toMatch(UNSAFE);
  });

  it('takes --fields in order', () => {
    const rows = parse([...renderCsv(tricky.slice(0, 1), ['upvotes', 'id'])].join('')) as string[][];
    expect(rows).toEqual([
      ['upvotes', 'id'],
      ['3', '2611.00001'],
    ]);
  });

  it('quotes only what needs it', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
  });
});

describe('renderMarkdown', () => {
  it('links titles to their Hugging Face page, with upvotes and day', () => {
    const lines = [...renderMarkdown(withRanks(quirkPapers().slice(0, 1)))].join('').split('\n');
    expect(lines[0]).toBe('| # | Paper | Upvotes | Day |');
    expect(lines[2]).toBe('| 1 | [Sparse Lattices for Long-Context Retrieval](https://huggingface.co/papers/2611.00101) | 42 | 2026-11-23 |');
  });

  it('is safe against | and markdown in titles', () => {
    const hostile = withRanks([makePaper('2611.00009', { title: 'A | B *bold* [link](javascript:x) `code` <script> _x_' })]);
    const row = [...renderMarkdown(hostile)].join('').split('\n')[2]!;
    expect(row.split(/(?<!\\)\|/)).toHaveLength(6);
    expect(row).toContain('A \\| B \\*bold\\* \\[link\\]\\(javascript:x\\) \\`code\\` \\<script\\> \\_x\\_');
    expect(escapeMarkdown('x\x1b[31my')).toBe('xy');
  });

  it('leaves a paper without an id unlinked', () => {
    const row = [...renderMarkdown(withRanks([{ ...makePaper('x'), id: null, url: null, title: 'No id' }]))].join('').split('\n')[2];
    expect(row).toBe('| 1 | No id | 0 |  |');
  });
});

describe('renderBibtex', () => {
  it('writes one @misc entry per paper with title, authors, year, eprint, archivePrefix and url', () => {
    const p = withRanks([
      makePaper('2608.15265', {
        title: 'VibeWorlding: Can Multimodal Agents Construct 3D Open Worlds End-to-End?',
        authors: ['Yansong Ning', 'Jingwen Ye'],
        publishedAt: '2026-08-15T00:00:00.000Z',
      }),
    ]);
    expect([...renderBibtex(p)].join('')).toBe(
      '@misc{ning2026vibeworlding,\n  title = {{VibeWorlding: Can Multimodal Agents Construct 3D Open Worlds End-to-End?}},\n  author = {Yansong Ning and Jingwen Ye},\n  year = {2026},\n  eprint = {2608.15265},\n  archivePrefix = {arXiv},\n  url = {https://arxiv.org/abs/2608.15265}\n}\n\n',
    );
  });

  it('keys on the family name: not a suffix (Jr., III) nor a particle (von, van, de)', () => {
    const key = (author: string) => citationKey(withRanks([makePaper('2611.1', { authors: [author], title: 'Games', publishedAt: '2026-01-01' })])[0]!);
    expect(key('Jean-Luc von Neumann Jr.')).toBe('neumann2026games');
    expect(key('Martin Luther King, Jr.')).toBe('king2026games');
    expect(key('Henry Ford III')).toBe('ford2026games');
    expect(key('Ludwig van Beethoven')).toBe('beethoven2026games');
    expect(key('von Neumann, Jr., Jean-Luc')).toBe('neumann2026games');
    expect(key('Neumann, Jean-Luc von')).toBe('neumann2026games');
    expect(key('Minh Le')).toBe('le2026games');
    expect(key('Le, Minh')).toBe('le2026games');
  });

  it('makes keys unique within one output', () => {
    const same = withRanks([1, 2, 3].map((i) => makePaper(`2608.0000${i}`, { title: 'The Same Title', authors: ['Émile Zola'], publishedAt: '2026-01-01' })));
    const keys = [...renderBibtex(same)].join('').match(/@misc\{([^,]+),/g);
    expect(keys).toEqual(['@misc{zola2026same,', '@misc{zola2026sameb,', '@misc{zola2026samec,']);
  });

  it('escapes braces and LaTeX specials in titles, and falls back for non-Latin names', () => {
    expect(escapeLatex('50% of {x} & $y_1$ #1 ^ ~ \\')).toBe(
      '50\\% of \\textbraceleft{}x\\textbraceright{} \\& \\$y\\_1\\$ \\#1 \\textasciicircum{} \\textasciitilde{} \\textbackslash{}',
    );
    expect(citationKey(withRanks([makePaper('2611.1', { authors: ['李雷'], title: '大模型', publishedAt: null })])[0]!)).toBe('anon');
    const text = [...renderBibtex(withRanks(quirkPapers()))].join('');
    expect(text).not.toMatch(UNSAFE);
    // Braces stay balanced in every entry.
    for (const entry of text.split('\n\n').filter(Boolean)) {
      const opens = (entry.match(/(?<!\\)\{/g) ?? []).length;
      const closes = (entry.match(/(?<!\\)\}/g) ?? []).length;
      expect(opens).toBe(closes);
    }
  });
});
