import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/core/feed.js';
import { loadXmlParser } from '../../src/core/xml.js';

beforeAll(loadXmlParser);

// The real responses kept beside the project (CI has them); skipped where the folder is absent.
const SAMPLES = new URL('../../../shared/samples/', import.meta.url);
const have = existsSync(SAMPLES);
const read = (name: string) => readFileSync(new URL(name, SAMPLES), 'utf8');
// The page copy was taken on "Dec 8" of a year it does not name; any day after it resolves it to 2025.
const TODAY = '2026-11-28';

describe.skipIf(!have)('papers read conformance with ../shared/samples', () => {
  it.each([
    ['hf_daily_papers_2026-08-18.json', 'hf', 29],
    ['hf_daily_papers_limit30_captured-2026-08-02.json', 'hf', 30],
    ['hf_paper_2608.09888.json', 'hf', 1],
    ['hf_papers_search_q-diffusion.json', 'hf', 3],
    ['arxiv_api_query_new-format_captured-2026-08-02.xml', 'atom', 25],
    ['arxiv_api_query_2025-10-17.xml', 'atom', 2],
    ['arxiv_rss_cs.LG_2026-04-27_excerpt.xml', 'rss', 3],
    ['hf_papers_page_copy.txt', 'page', 21],
  ])('%s reads as %s with %i papers and nothing skipped', (name, format, count) => {
    const feed = parseFeed(read(name), name, TODAY);
    expect(feed.format).toBe(format);
    expect(feed.papers).toHaveLength(count);
    expect(feed.skipped).toBe(0);
    for (const p of feed.papers) expect(p.title.trim()).not.toBe('');
  });

  it('reads the page copy: titles, upvotes and author counts exactly as the page shows them', () => {
    const text = read('hf_papers_page_copy.txt');
    const lines = text.split('\n').map((l) => l.trim());
    // Independent reading of the page: the title is two lines above the abstract, which sits above "• N authors".
    const expected = lines.flatMap((line, i) => {
      const m = /^•\s*(\d+)\s+authors?$/.exec(line);
      if (!m) return [];
      const nonEmpty = lines.slice(0, i).filter((l) => l !== '');
      const dateLine = lines.slice(i + 1).find((l) => l !== '' && l !== '·')!;
      const up = /^[A-Z][a-z]{2} \d{1,2}(?:, \d{4})?(?: (\d+))?$/.exec(dateLine)!;
      return [{ title: nonEmpty.at(-2), authorCount: Number(m[1]), upvotes: up[1] ? Number(up[1]) : 0 }];
    });
    const feed = parseFeed(text, 'page', TODAY);
    expect(feed.papers.map((p) => ({ title: p.title, authorCount: p.authorCount, upvotes: p.upvotes }))).toEqual(expected);
    expect(feed.papers[0]).toMatchObject({
      title: 'Beyond 512 Tokens: Siamese Multi-depth Transformer-based Hierarchical Encoder for Long-Form Document Matching',
      authorCount: 5,
      upvotes: 0,
      publishedAt: '2020-04-26',
      id: null,
      url: null,
      authors: [],
      source: 'page',
    });
    // "Jul 11" has no year: the page's year (2025, from its header "Dec 8"), never in the future.
    expect(feed.papers[1]).toMatchObject({
      title: 'Universal Approximation Theorem for a Single-Layer Transformer',
      publishedAt: '2025-07-11',
      authorCount: 1,
    });
    expect(feed.papers.find((p) => p.title.startsWith('Simple linear attention'))).toMatchObject({ upvotes: 12, authorCount: 9, publishedAt: '2024-02-28' });
  });

  it('reads the arXiv formats: ids without versions, unwrapped abstracts, authors', () => {
    const legacy = parseFeed(read('arxiv_api_query_2025-10-17.xml'), 'l', TODAY).papers;
    expect(legacy[0]).toMatchObject({
      id: '2510.14968',
      title: 'RDD: Retrieval-Based Demonstration Decomposer for Planner Alignment in Long-Horizon Tasks',
      authors: ['Mingxuan Yan', 'Yuping Wang', 'Zechun Liu', 'Jiachen Li'],
      publishedAt: '2025-10-16T17:59:37Z',
      source: 'arxiv',
    });
    expect(legacy[0]).toMatchObject({
      categories: ['cs.RO', 'cs.AI', 'cs.CV', 'cs.LG', 'cs.SY', 'eess.SY'],
      comment: '39th Conference on Neural Information Processing Systems (NeurIPS 2025); Project Website: rdd-neurips.github.io',
    });
    expect(legacy[0]!.summary).not.toMatch(/\n/);
    expect(legacy[0]!.summary).toMatch(/^To tackle long-horizon tasks, recent hierarchical vision-language-action \(VLAs\) frameworks/);
    const current = parseFeed(read('arxiv_api_query_new-format_captured-2026-08-02.xml'), 'c', TODAY).papers;
    expect(current[0]).toMatchObject({
      id: '2607.28628',
      title: 'Learning to Trace Seiberg Dualities',
      pdfUrl: 'https://arxiv.org/pdf/2607.28628v1',
      categories: ['hep-th', 'cs.AI', 'cs.LG', 'hep-ph'],
      comment: '59 pages + appendices, 38 figures. Code and tools available at https://github.com/alexmininno/GNN-Pathfinders',
    });
    expect(current.every((p) => /^\d{4}\.\d{5}$/.test(p.id!) && p.authors.length > 0)).toBe(true);
    const rss = parseFeed(read('arxiv_rss_cs.LG_2026-04-27_excerpt.xml'), 'r', TODAY).papers;
    expect(rss[0]).toMatchObject({ id: '2604.21952', source: 'rss', authorCount: 6, publishedAt: '2026-04-27T04:00:00.000Z' });
    expect(rss[0]!.authors[0]).toBe('Muhammad Shafique');
    expect(rss[0]!.summary).toMatch(/^This work presents a multi-layered methodology/);
    expect(rss[0]!.summary).toContain('visual resolution & stride');
  });

  it('reads the HF search and single-paper samples', () => {
    const search = parseFeed(read('hf_papers_search_q-diffusion.json'), 's', TODAY).papers;
    expect(search[0]).toMatchObject({ id: '2006.11239', title: 'Denoising Diffusion Probabilistic Models' });
    const one = parseFeed(read('hf_paper_2608.09888.json'), 'p', TODAY).papers;
    expect(one[0]).toMatchObject({ id: '2608.09888', upvotes: 782, githubStars: 11184, organization: 'Pathway', submitter: 'Jan Chorowski (@janchorowski)' });
  });
});
