import { describe, expect, it } from 'vitest';
import { linkedFromHf } from '../../src/core/linked.js';
import { renderPaperMarkdown } from '../../src/render/paperMarkdown.js';
import { fixture, makePaper } from '../helpers/papers.js';

describe('renderPaperMarkdown', () => {
  it('writes title, facts, links, linked repositories, AI summary, abstract paragraphs and keywords', () => {
    const paper = makePaper('2611.00950', {
      title: 'A Paper',
      authors: ['Ada Quill'],
      day: '2026-11-11',
      upvotes: 12,
      comments: 2,
      summary: 'One.\n\nTwo.',
      aiSummary: 'AI.',
      keywords: ['k1'],
      githubRepo: 'https://github.com/x/y',
    });
    const md = renderPaperMarkdown(paper, linkedFromHf(JSON.parse(fixture('hf/paper-linked.json'))));
    expect(md).toBe(
      [
        '## [A Paper](https://huggingface.co/papers/2611.00950)',
        '',
        '**Authors:** Ada Quill  ',
        'arXiv:2611.00950 · 2026-11-11 · 12 upvotes · 2 comments  ',
        '**Links:** [arXiv](<https://arxiv.org/abs/2611.00950>) · [PDF](<https://arxiv.org/pdf/2611.00950>) · [Code](<https://github.com/x/y>)',
        '',
        '**Models (42):** ' + [1, 2, 3, 4, 5].map((i) => `[lattice-lab/lattice-${i}b](<https://huggingface.co/lattice-lab/lattice-${i}b>)`).join(', '),
        '',
        '**Datasets (1):** [ada/grid-set](<https://huggingface.co/datasets/ada/grid-set>)',
        '',
        '**Spaces (1):** [demo](<https://huggingface.co/spaces/demo>)',
        '',
        '> **AI summary:** AI.',
        '',
        'One.',
        '',
        'Two.',
        '',
        '**Keywords:** k1',
        '',
      ].join('\n'),
    );
  });

  it('links the title to the Hugging Face page of a record Hugging Face gave, else to arXiv', () => {
    expect(renderPaperMarkdown(makePaper('2611.00952'), null)).toMatch(/^## \[Paper 2611\.00952\]\(https:\/\/huggingface\.co\/papers\/2611\.00952\)\n/);
    const arxiv = renderPaperMarkdown(makePaper('2611.00952', { source: 'arxiv' }), null);
    expect(arxiv).toMatch(/^## \[Paper 2611\.00952\]\(https:\/\/arxiv\.org\/abs\/2611\.00952\)\n/);
    expect(arxiv).not.toContain('huggingface.co');
  });

  it('escapes hostile text everywhere and keeps link destinations whole', () => {
    const evil = '[x](javascript:y) **b** \x1b[31m<img>\u202e';
    const md = renderPaperMarkdown(
      makePaper('2611.00951', { title: evil, authors: [evil], summary: evil, keywords: [evil], projectPage: 'https://e.test/a>b c)' }),
      null,
    );
    expect(md).not.toMatch(/[\x1b\u202e]/);
    expect(md).not.toContain('[x](javascript');
    expect(md).toContain('[Project](<https://e.test/a%3Eb%20c)>)');
  });
});
