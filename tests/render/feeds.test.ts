import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { withRanks } from '../../src/core/rank.js';
import { renderAtom } from '../../src/render/atom.js';
import { renderRss } from '../../src/render/rss.js';
import { entryDate, titleUrn, xmlText, type FeedMeta } from '../../src/render/xml.js';
import { makePaper, quirkPapers } from '../helpers/papers.js';
import { xmllint } from '../helpers/xmllint.js';

// Everything XML 1.0 or a terminal must not carry, and everything XML must escape.
const HOSTILE =
  'A\x1b[31mred\x1b[0m \x1b]8;;https://evil.test\x07link\x1b]8;;\x07 \x1b]52;c;cGF5bG9hZA==\x07' +
  '\x00\x01\x08\x0b\x0c\x0e\x1f\x7f\x85\x9b2J\u202eevil\u2066 \ud800 \udfff \ufffe\uffff ' +
  '<script>&amp; "q" \'a\' ]]> <!-- --> <![CDATA[x]]> 大模型 🚀';
const CLEAN = 'Ared link evil    <script>&amp; "q" \'a\' ]]> <!-- --> <![CDATA[x]]> 大模型 🚀';
// What may never appear raw in the output, XML-forbidden or terminal-active.
const FORBIDDEN =
  /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const meta: FeedMeta = { title: `search: ${HOSTILE}`, link: 'https://huggingface.co/papers?q=a&b="c"', updated: new Date('2026-11-28T12:34:56Z') };
const hostile = makePaper('2611.00009', {
  title: HOSTILE,
  summary: `First ${HOSTILE}\r\nsecond line`,
  authors: [HOSTILE, 'Bo <b>'],
  authorCount: 2,
  keywords: [HOSTILE, 'k"2'],
  day: '2026-11-27',
  publishedAt: '2026-11-20T00:00:00.000Z',
  aiSummary: HOSTILE,
  url: 'https://huggingface.co/papers/2611.00009?a=1&b=<2>',
});
const noId = { ...makePaper('x'), id: null, url: null, arxivUrl: null, pdfUrl: null, title: 'Only a title', authorCount: 4, source: 'page' as const };
const papers = withRanks([hostile, ...quirkPapers(), noId]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  parseTagValue: false,
  trimValues: false,
  isArray: (n, path) => ['entry', 'item', 'author', 'category'].includes(n) || path === 'feed.entry.link' || path === 'feed.link',
});
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the parsed feed is walked by the shape these tests expect
type Node = Record<string, any>;

describe('xmlText', () => {
  it('drops what XML 1.0 cannot carry and what a terminal would act on, escapes the rest', () => {
    expect(xmlText(HOSTILE)).toBe(CLEAN.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;'));
    expect(xmlText('a\r\nb\tc', true)).toBe('a\nb\tc');
    expect(xmlText('a\r\nb\tc')).toBe('a b c');
    expect(xmlText('emoji 👩‍🔬 stays')).toBe('emoji 👩‍🔬 stays');
  });
});

describe('entryDate', () => {
  it('takes the Daily Papers day, else the publication date, and only a real calendar day', () => {
    expect(entryDate(withRanks([makePaper('1', { day: '2026-11-27', publishedAt: '2026-11-20T00:00:00.000Z' })])[0]!)?.toISOString()).toBe(
      '2026-11-27T00:00:00.000Z',
    );
    expect(entryDate(withRanks([makePaper('1', { publishedAt: '2026-11-20T05:00:00.000Z' })])[0]!)?.toISOString()).toBe('2026-11-20T00:00:00.000Z');
    expect(entryDate(withRanks([makePaper('1', { day: '2026-02-31', publishedAt: null })])[0]!)).toBeNull();
    expect(entryDate(withRanks([makePaper('1', { publishedAt: '<b>' })])[0]!)).toBeNull();
  });
});

describe('renderAtom', () => {
  const xml = [...renderAtom(papers, meta)].join('');
  const feed = parser.parse(xml).feed as Node;

  it('is well-formed XML by xmllint, with no forbidden character anywhere', () => {
    expect(xmllint(xml)).toBe('');
    expect(xml).not.toMatch(FORBIDDEN);
    expect(xml).not.toContain('\x1b');
  });

  it('names the list, links its page and says when it was made', () => {
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.title).toBe(`search: ${CLEAN}`);
    expect(feed.id).toBe(meta.link);
    expect(feed.link[0]['@href']).toBe(meta.link);
    expect(feed.updated).toBe('2026-11-28T12:34:56.000Z');
    expect(feed.entry).toHaveLength(papers.length);
  });

  it('carries every field of a hostile paper, cleaned: id, link, title, authors, summary, dates, categories', () => {
    const e = feed.entry[0] as Node;
    expect(e.id).toBe('https://huggingface.co/papers/2611.00009?a=1&b=<2>');
    expect(e.link[0]['@href']).toBe(e.id);
    expect(e.link[1]['@href']).toBe('https://arxiv.org/pdf/2611.00009');
    expect(e.title).toBe(CLEAN);
    expect(e.author.map((a: Node) => a.name)).toEqual([CLEAN, 'Bo <b>']);
    expect(e.summary['#text']).toBe(`First ${CLEAN}\nsecond line`);
    expect(e.published).toBe('2026-11-27T00:00:00.000Z');
    expect(e.updated).toBe('2026-11-27T00:00:00.000Z');
    expect(e.category.map((c: Node) => c['@term'])).toEqual([CLEAN, 'k"2']);
  });

  it('falls back to the arXiv page, and to a title urn, a count of authors and the feed time', () => {
    const arxivOnly = withRanks([{ ...makePaper('hep-th/9901001'), url: null }]);
    const e = (parser.parse([...renderAtom(arxivOnly, meta)].join('')).feed as Node).entry[0];
    expect(e.id).toBe('https://arxiv.org/abs/hep-th/9901001');
    const last = feed.entry.at(-1) as Node;
    expect(last.id).toBe(titleUrn('Only a title'));
    expect(last.link).toBeUndefined();
    expect(last.author.map((a: Node) => a.name)).toEqual(['4 authors']);
    expect(last.updated).toBe('2026-11-28T12:34:56.000Z');
    expect(last.published).toBeUndefined();
  });

  it('is a valid empty feed for an empty list', () => {
    const empty = [...renderAtom([], { ...meta, link: null })].join('');
    expect(xmllint(empty)).toBe('');
    expect((parser.parse(empty).feed as Node).id).toMatch(/^urn:papers:title:[0-9a-f]{8}$/);
  });
});

describe('renderRss', () => {
  const xml = [...renderRss(papers, meta)].join('');
  const channel = parser.parse(xml).rss.channel as Node;

  it('is well-formed XML by xmllint, with no forbidden character anywhere', () => {
    expect(xmllint(xml)).toBe('');
    expect(xml).not.toMatch(FORBIDDEN);
  });

  it('has the channel elements RSS 2.0 requires and a lastBuildDate', () => {
    expect(channel.title).toBe(`search: ${CLEAN}`);
    expect(channel.link).toBe(meta.link);
    expect(channel.description).toBe(`search: ${CLEAN}`);
    expect(channel.lastBuildDate).toBe('Sat, 28 Nov 2026 12:34:56 GMT');
    expect(channel.item).toHaveLength(papers.length);
  });

  it('carries every field of a hostile paper, cleaned', () => {
    const i = channel.item[0] as Node;
    expect(i.title).toBe(CLEAN);
    expect(i.link).toBe('https://huggingface.co/papers/2611.00009?a=1&b=<2>');
    expect(i.guid).toEqual({ '#text': i.link, '@isPermaLink': 'true' });
    expect(i.pubDate).toBe('Fri, 27 Nov 2026 00:00:00 GMT');
    expect(i['dc:creator']).toBe(`${CLEAN}, Bo <b>`);
    expect(i.description).toBe(`First ${CLEAN}\nsecond line`);
    expect(i.category).toEqual([CLEAN, 'k"2']);
  });

  it('gives a paper without a page a non-permalink guid and no link', () => {
    const last = channel.item.at(-1) as Node;
    expect(last.link).toBeUndefined();
    expect(last.guid).toEqual({ '#text': titleUrn('Only a title'), '@isPermaLink': 'false' });
  });

  it('uses the AI summary when there is no abstract, and is valid when empty', () => {
    const ai = withRanks([makePaper('2611.00010', { summary: null, aiSummary: 'AI & co' })]);
    expect((parser.parse([...renderRss(ai, meta)].join('')).rss.channel as Node).item[0].description).toBe('AI & co');
    const empty = [...renderRss([], { ...meta, link: null })].join('');
    expect(xmllint(empty)).toBe('');
    expect(parser.parse(empty).rss.channel.link).toBe('https://huggingface.co/papers');
  });
});
