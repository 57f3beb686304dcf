import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { PapersError, FeedError } from '../../src/core/errors.js';
import { parseFeed } from '../../src/core/feed.js';
import { splitCreators } from '../../src/core/rss.js';
import { fixture } from '../helpers/papers.js';
import { loadXmlParser } from '../../src/core/xml.js';

beforeAll(loadXmlParser);

const TODAY = '2026-11-28';
const read = (name: string, from?: Parameters<typeof parseFeed>[3]) => parseFeed(fixture(name), name, TODAY, from);

describe('Hugging Face JSON', () => {
  it('reads a daily list, search results, one paper, and a list of bare papers', () => {
    expect(read('hf/daily-quirks.json')).toMatchObject({ format: 'hf', skipped: 0 });
    expect(read('hf/daily-quirks.json').papers).toHaveLength(6);
    const search = read('hf/search.json').papers;
    expect(search.map((p) => [p.id, p.title, p.upvotes, p.comments])).toEqual([
      ['2611.00811', 'Denoising Lattice Diffusion', 12, 2],
      ['2611.00812', 'Diffusion Without Upvotes', null, 0],
    ]);
    expect(read('hf/paper.json').papers).toEqual([expect.objectContaining({ id: '2611.00900', upvotes: 77, organization: 'Flat Org', day: '2026-11-06' })]);
    expect(read('hf/bare-papers.json').papers.map((p) => p.id)).toEqual(['2611.00901', '2611.00902']);
  });

  it('lists the good entries of a partly broken feed and counts the rest', () => {
    const feed = read('hf/partly-broken.json');
    expect(feed.papers.map((p) => [p.id, p.upvotes, p.comments])).toEqual([
      ['2611.01001', 4, 0],
      ['2611.01002', 8, 1],
    ]);
    expect(feed.skipped).toBe(4);
  });
});

describe('arXiv Atom and RSS', () => {
  it('reads listing RSS: ids from links, abstracts without the announce lead, authors without affiliations', () => {
    const feed = read('rss/listing.xml');
    expect(feed).toMatchObject({ format: 'rss', skipped: 1 });
    expect(feed.papers[0]).toMatchObject({
      id: '2611.02001',
      title: 'Parsing & Lattices: A "Study"',
      summary: 'We parse lattices & more. Some <b>bold</b> claims.',
      authors: ['Ana Souza', 'Bo Chen', 'Chidi Okafor'],
      authorCount: 3,
      publishedAt: '2026-11-24T05:00:00.000Z',
      url: 'https://huggingface.co/papers/2611.02001',
      source: 'rss',
    });
    expect(feed.papers[1]).toMatchObject({ id: '2611.01999', title: 'Replaced Paper', summary: 'A replaced paper, element order shuffled.' });
  });

  it('reads listing Atom (oai ids, dc:creator) and both export API formats', () => {
    expect(read('arxiv/listing-atom.xml').papers[0]).toMatchObject({
      id: '2611.02002',
      summary: 'An abstract from a listing Atom feed.',
      authors: ['Eve Adams', 'Frank Li'],
      source: 'arxiv',
    });
    expect(read('arxiv/query-current.xml')).toMatchObject({ format: 'atom', skipped: 0 });
    expect(read('arxiv/query-legacy.xml').papers).toHaveLength(2);
  });

  it('an API error feed is an error, not a paper', () => {
    expect(() => read('arxiv/error.xml')).toThrow(/arXiv said: incorrect id format/);
  });

  it('splits dc:creator at commas outside parentheses', () => {
    expect(splitCreators('A (X, Y), B, and C')).toEqual(['A', 'B', 'C']);
    expect(splitCreators('Solo')).toEqual(['Solo']);
  });
});

describe('papers page copy', () => {
  it('skips the chrome and reads titles, abstracts, author counts, dates and upvotes', () => {
    const feed = read('page/papers-page.txt');
    expect(feed.format).toBe('page');
    expect(feed.papers.map((p) => [p.title, p.authorCount, p.publishedAt, p.upvotes])).toEqual([
      ['Lattice Transformers for Everything', 12, '2026-02-27', 31],
      ['A Paper From Another Year', 1, '2024-12-30', 0],
      // On a page dated Mar 3 (2026), a "Dec 20" without a year is the year before.
      ['Late In The Year Without A Year', 2, '2025-12-20', 5],
    ]);
    expect(feed.papers[0]).toMatchObject({ id: null, url: null, authors: [], summary: 'We present lattice transformers. They are good.', source: 'page' });
  });
});

describe('detection and bad input', () => {
  it.each([
    ['', /an empty file/],
    ['   \n\n', /an empty file/],
    ['<!DOCTYPE html><html><body>Sign in</body></html>', /an HTML page/],
    ['\x00\x01\x02binary', /binary data/],
    ['[{"paper":', /JSON that does not parse/],
    ['{"hello":"world"}', /JSON object without papers/],
    ['[1,2,3]', /JSON array without papers/],
    ['"a string"', /plain text without papers/],
    ['<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>cut', /XML that is not well-formed/],
    ['<?xml version="1.0"?><opml><body/></opml>', /root <opml>, not Atom or RSS/],
    ['just some words', /plain text without papers/],
  ])('%j is a FeedError saying what was found', (text, message) => {
    expect(() => parseFeed(text, 'feed', TODAY)).toThrow(FeedError);
    expect(() => parseFeed(text, 'feed', TODAY)).toThrow(message);
  });

  it('names the input and what was expected', () => {
    try {
      parseFeed('{"a":1}', 'feed.json', TODAY);
    } catch (e) {
      expect((e as FeedError).message).toBe('feed.json: not a feed I can read (JSON object without papers)');
      expect((e as FeedError).hint).toMatch(/expected Hugging Face API JSON, arXiv Atom or RSS/);
    }
  });

  it('--from forces a format, and a mismatch says what was found instead', () => {
    expect(read('arxiv/query-current.xml', 'atom').format).toBe('atom');
    expect(() => read('arxiv/query-current.xml', 'hf')).toThrow(/XML, not Hugging Face JSON/);
    expect(() => read('hf/search.json', 'atom')).toThrow(/JSON, not XML/);
    expect(() => read('rss/listing.xml', 'atom')).toThrow(/not an Atom feed/);
    expect(() => read('arxiv/query-current.xml', 'rss')).toThrow(/not RSS/);
    expect(() => read('hf/search.json', 'page')).toThrow(/not a papers page copy/);
  });
});

describe('property: damaged feeds never throw anything but our own error', () => {
  const valid = [
    'hf/daily-quirks.json',
    'hf/search.json',
    'hf/paper.json',
    'arxiv/query-current.xml',
    'arxiv/query-legacy.xml',
    'rss/listing.xml',
    'page/papers-page.txt',
  ].map(fixture);
  const survive = (text: string) => {
    try {
      const feed = parseFeed(text, 'f', TODAY);
      for (const p of feed.papers) {
        expect(typeof p.title).toBe('string');
        expect(Array.isArray(p.authors)).toBe(true);
      }
    } catch (error) {
      if (!(error instanceof PapersError)) throw error;
    }
  };

  it('random truncations', () => {
    fc.assert(
      fc.property(fc.constantFrom(...valid), fc.double({ min: 0, max: 1, noNaN: true }), (text, at) => survive(text.slice(0, Math.floor(text.length * at)))),
      { numRuns: 300 },
    );
  });

  it('random byte flips', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...valid),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        (text, flips) => {
          const bytes = Buffer.from(text);
          for (const [at, value] of flips) bytes[Math.floor(at * (bytes.length - 1))] = value;
          survive(bytes.toString('utf8'));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('random key deletions and replacements in HF JSON', () => {
    const items = JSON.parse(fixture('hf/daily-quirks.json')) as Record<string, unknown>[];
    const junk = fc.oneof(fc.constant(null), fc.integer(), fc.string(), fc.constant([]), fc.constant({}), fc.boolean());
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.nat(items.length - 1),
            fc.constantFrom('paper', 'title', 'numComments', 'organization', 'id', 'authors', 'upvotes', 'summary', 'ai_keywords', 'submittedOnDailyAt'),
            fc.boolean(),
            junk,
          ),
          { maxLength: 10 },
        ),
        (edits) => {
          const copy = structuredClone(items);
          for (const [i, key, inner, value] of edits) {
            const target = (inner && typeof copy[i]!.paper === 'object' && copy[i]!.paper !== null ? copy[i]!.paper : copy[i]) as Record<string, unknown>;
            if (value === null) delete target[key];
            // A copy: one generated object assigned in two places would make a cycle no feed can have.
            else target[key] = structuredClone(value);
          }
          survive(JSON.stringify(copy));
        },
      ),
      { numRuns: 300 },
    );
  });
});
