import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { paperFromHf, papersFromHfList } from '../../src/core/hf.js';
import { FeedError } from '../../src/core/errors.js';

const quirks = JSON.parse(readFileSync(new URL('../../fixtures/hf/daily-quirks.json', import.meta.url), 'utf8')) as unknown[];

describe('paperFromHf', () => {
  it('maps every field of a full daily item', () => {
    expect(paperFromHf(quirks[0])).toEqual({
      id: '2611.00101',
      title: 'Sparse Lattices for Long-Context Retrieval',
      summary: 'We study sparse lattices.\nThey help retrieval over long contexts.',
      authors: ['Ada Quill', 'Bo Lindqvist'],
      authorCount: 2,
      publishedAt: '2026-11-20T00:00:00.000Z',
      day: '2026-11-23',
      upvotes: 42,
      comments: 3,
      githubRepo: 'https://github.com/example/lattice',
      githubStars: 310,
      // Links are kept as their normalised URL (new URL(x).href).
      projectPage: 'https://lattice.example.test/',
      aiSummary: 'Sparse lattices make long-context retrieval cheaper.',
      keywords: ['sparse lattices', 'retrieval'],
      organization: 'Lattice Lab',
      url: 'https://huggingface.co/papers/2611.00101',
      arxivUrl: 'https://arxiv.org/abs/2611.00101',
      pdfUrl: 'https://arxiv.org/pdf/2611.00101',
      source: 'hf',
      orgName: 'lattice-lab',
    });
  });

  it('names the submitter by full name and handle, from a list item or a paper object', () => {
    const user = { _id: 'x', fullname: 'Ada  Quill\n', name: 'ada-q', user: 'ada-q', avatarUrl: '/a.svg' };
    const inner = { id: '2611.00001', title: 'T' };
    expect(paperFromHf({ paper: inner, title: 'T', submittedBy: user })!.submitter).toBe('Ada Quill (@ada-q)');
    expect(paperFromHf({ ...inner, submittedOnDailyBy: { user: 'bo.l', fullname: 'bo.l' } })!.submitter).toBe('@bo.l');
    // The list item's submitter first; the paper's own when the item has none.
    expect(paperFromHf({ paper: { ...inner, submittedOnDailyBy: { name: 'inner' } }, submittedBy: { name: 'outer' } })!.submitter).toBe('@outer');
    expect(paperFromHf({ paper: { ...inner, submittedOnDailyBy: { name: 'inner' } } })!.submitter).toBe('@inner');
    // A handle that could not be one is dropped; the full name stays.
    expect(paperFromHf({ ...inner, submittedOnDailyBy: { name: '../x y', fullname: 'Mallory' } })!.submitter).toBe('Mallory');
    for (const odd of [null, 'ada', { name: 3 }, { fullname: '  ' }, []])
      expect(paperFromHf({ ...inner, submittedOnDailyBy: odd })).not.toHaveProperty('submitter');
  });

  it('treats null as absent and fills unknowns with null or []', () => {
    const p = paperFromHf(quirks[1])!;
    expect(p).toMatchObject({ githubRepo: null, githubStars: null, projectPage: null, aiSummary: null, keywords: [], organization: null });
  });

  it('reads items without optional fields, an empty author list and the old mediaUrl', () => {
    const p = paperFromHf(quirks[2])!;
    expect(p).toMatchObject({ id: '2611.00303', authors: [], authorCount: 0, upvotes: 7, comments: 1 });
  });

  it('cleans a multi-line paper.title when there is no top-level title', () => {
    const item = { paper: { id: '2401.00001', title: 'Line one\n    line two', upvotes: 1 } };
    expect(paperFromHf(item)?.title).toBe('Line one line two');
    expect(paperFromHf(quirks[4])?.title).toBe('大规模语言模型的稀疏注意力 🚀 研究');
  });

  it('prefers the cleaned top-level title over the wrapped inner one', () => {
    expect(paperFromHf(quirks[0])?.title).toBe('Sparse Lattices for Long-Context Retrieval');
  });

  it('takes the organization from the paper when the item has none, by name when no fullname', () => {
    expect(paperFromHf(quirks[3])?.organization).toBe('inner-only');
  });

  it('reads a flat /api/papers/{id} object, with no comment count', () => {
    const flat = { id: '2608.09888', title: 'Flat', upvotes: 782, submittedOnDailyAt: '2026-08-11T00:00:00.000Z', authors: [{ name: 'X' }] };
    expect(paperFromHf(flat)).toMatchObject({ id: '2608.09888', upvotes: 782, comments: null, day: '2026-08-11', authors: ['X'] });
  });

  it('keeps counts as the source says them, reading integer strings', () => {
    const p = paperFromHf({ paper: { id: '2401.00002', title: 't', upvotes: '12', githubStars: 'many' }, numComments: -1 })!;
    expect(p).toMatchObject({ upvotes: 12, githubStars: null, comments: -1 });
  });

  it('keeps only http(s) links', () => {
    const p = paperFromHf({ paper: { id: '2401.00003', title: 't', githubRepo: 'javascript:alert(1)', projectPage: 'file:///etc/passwd' } })!;
    expect(p.githubRepo).toBeNull();
    expect(p.projectPage).toBeNull();
  });

  it('returns null for things that are not papers', () => {
    for (const bad of [null, 3, 'x', [], {}, { paper: {} }, { paper: { id: '2401.00001' } }, { paper: { title: 'no id' } }]) {
      expect(paperFromHf(bad)).toBeNull();
    }
  });
});

describe('papersFromHfList', () => {
  it('keeps every paper and counts what it skipped', () => {
    const { papers, skipped } = papersFromHfList([...quirks, { nope: 1 }], 'test');
    expect(papers.map((p) => p.id)).toEqual(['2611.00101', '2611.00202', '2611.00303', '2611.00099', '2611.00404', '2611.00505']);
    expect(skipped).toBe(1);
  });

  it('turns an API error object into a FeedError that quotes it', () => {
    expect(() => papersFromHfList({ error: 'Invalid date' }, 'url')).toThrow(FeedError);
    expect(() => papersFromHfList({ error: 'Invalid date' }, 'url')).toThrow(/Invalid date/);
    expect(() => papersFromHfList({ a: 1 }, 'url')).toThrow(/expected a JSON array/);
  });
});
