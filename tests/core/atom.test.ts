import { beforeAll, describe, expect, it } from 'vitest';
import { ArxivApiError, papersFromAtom, unwrap } from '../../src/core/atom.js';
import { FeedError } from '../../src/core/errors.js';
import { fixture } from '../helpers/papers.js';
import { loadXmlParser } from '../../src/core/xml.js';

beforeAll(loadXmlParser);

describe('papersFromAtom', () => {
  it('reads the current format, independent of element order, decoding entities', () => {
    const { papers, skipped } = papersFromAtom(fixture('arxiv/query-current.xml'), 'f');
    expect(skipped).toBe(0);
    expect(papers).toEqual([
      {
        id: '2611.01234',
        title: 'On Lattices & Tensors',
        summary: 'Tensors & lattices: we show that A < B holds for every "nice" case. The proof is short.',
        authors: ['Ana Souza', 'Ólafur Jónsson'],
        authorCount: 2,
        publishedAt: '2026-11-17T18:00:00Z',
        day: null,
        upvotes: null,
        comments: null,
        githubRepo: null,
        githubStars: null,
        projectPage: null,
        aiSummary: null,
        keywords: [],
        organization: null,
        url: 'https://huggingface.co/papers/2611.01234',
        arxivUrl: 'https://arxiv.org/abs/2611.01234',
        pdfUrl: 'https://arxiv.org/pdf/2611.01234v3',
        source: 'arxiv',
        categories: ['cs.LG'],
        comment: '12 pages',
      },
    ]);
  });

  it('reads the legacy format: unwrapped abstract and title, ids without version, old-style ids', () => {
    const { papers } = papersFromAtom(fixture('arxiv/query-legacy.xml'), 'f');
    expect(papers.map((p) => p.id)).toEqual(['hep-th/9901001', '2405.13956']);
    expect(papers[0]).toMatchObject({
      title: 'Strings on a Wrapped Title Line',
      summary:
        'We study strings. The abstract is hard-wrapped the way the legacy API sends it, with leading spaces and line breaks in the middle of sentences.',
      authors: ['A. Physicist'],
      url: null,
      pdfUrl: 'https://arxiv.org/pdf/hep-th/9901001v2',
      publishedAt: '1999-01-04T10:00:00Z',
      categories: ['hep-th'],
      comment: '10 pages, no figures',
    });
    expect(papers[1]).not.toHaveProperty('comment');
    expect(papers[1]!.pdfUrl).toBe('https://arxiv.org/pdf/2405.13956');
  });

  it('reads the categories, the primary one first and each once, and the comment on one line', () => {
    const entry = (inner: string) =>
      `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom"><entry><id>http://arxiv.org/abs/2611.00009v1</id><title>T</title>${inner}</entry></feed>`;
    const [paper] = papersFromAtom(
      entry(
        '<category term="cs.AI"/><category term="  cs.LG "/><arxiv:comment>NeurIPS\n   2025;  code soon</arxiv:comment><category term="cs.AI"/><arxiv:primary_category term="cs.LG"/><category term=""/><category/>',
      ),
      'f',
    ).papers;
    expect(paper).toMatchObject({ categories: ['cs.LG', 'cs.AI'], comment: 'NeurIPS 2025; code soon' });
    const many = Array.from({ length: 50 }, (_, i) => `<category term="x.C${i}"/>`).join('');
    expect(papersFromAtom(entry(`${many}<arxiv:comment>  </arxiv:comment>`), 'f').papers[0]!.categories).toHaveLength(20);
    expect(papersFromAtom(entry('<arxiv:comment> </arxiv:comment>'), 'f').papers[0]).not.toHaveProperty('categories');
    expect(papersFromAtom(entry('<arxiv:comment> </arxiv:comment>'), 'f').papers[0]).not.toHaveProperty('comment');
  });

  it('turns the API error feed into an error, not a paper', () => {
    expect(() => papersFromAtom(fixture('arxiv/error.xml'), 'f')).toThrow(ArxivApiError);
    expect(() => papersFromAtom(fixture('arxiv/error.xml'), 'f')).toThrow(/incorrect id format for 1234/);
  });

  it('reads an empty feed as no papers, and non-feeds as FeedErrors', () => {
    expect(papersFromAtom(fixture('arxiv/empty.xml'), 'f').papers).toEqual([]);
    expect(() => papersFromAtom('<html><body>hi</body></html>', 'f')).toThrow(FeedError);
    expect(() => papersFromAtom('<feed><entry><title>x</feed>', 'f')).toThrow(FeedError);
  });

  it('unwrap keeps paragraphs and folds line breaks inside them', () => {
    expect(unwrap('  one\ntwo\n\n  three\n')).toBe('one two\n\nthree');
  });
});
