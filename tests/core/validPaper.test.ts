import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/core/feed.js';
import { paperFromHf } from '../../src/core/hf.js';
import { isDayOrNull, isPaper, isPaperList } from '../../src/core/validPaper.js';
import { fixture, makePaper } from '../helpers/papers.js';
import { loadXmlParser } from '../../src/core/xml.js';

beforeAll(loadXmlParser);

describe('isPaper', () => {
  it('accepts every paper every parser makes from the fixtures, so nothing papers stores is set aside', () => {
    const feeds = [
      'hf/bare-papers.json',
      'hf/daily-quirks.json',
      'hf/paper.json',
      'hf/partly-broken.json',
      'hf/search.json',
      'arxiv/listing-atom.xml',
      'arxiv/query-current.xml',
      'arxiv/query-legacy.xml',
      'rss/listing.xml',
      'page/papers-page.txt',
    ];
    let count = 0;
    for (const name of feeds) {
      for (const paper of parseFeed(fixture(name), name, '2026-11-28').papers) {
        expect(isPaper(paper), `${name}: ${paper.title}`).toBe(true);
        count++;
      }
    }
    expect(count).toBeGreaterThan(20);
  });

  it('accepts whatever the Hugging Face normaliser makes of any JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), fc.jsonValue(), (upvotes, authors, extra) => {
        const paper = paperFromHf({
          paper: { id: '2611.00001', title: 't', upvotes, authors, githubRepo: extra, ai_keywords: extra, submittedOnDailyAt: extra },
        });
        expect(paper === null || isPaper(paper)).toBe(true);
      }),
    );
  });

  it('rejects a wrong type in any field', () => {
    const good = makePaper('2611.00001', { day: '2026-11-27', publishedAt: '2026-11-26T00:00:00.000Z', githubRepo: 'https://github.com/a/b' });
    expect(isPaper(good)).toBe(true);
    const bad: Record<string, unknown[]> = {
      id: [3, '../../etc', '$(touch /tmp/pwned)', '2611.00001v2'],
      title: [null, 3, undefined],
      summary: [3, ['x']],
      authors: ['kw', [1], [null], null],
      authorCount: ['3', -1, 1.5, null],
      publishedAt: [3, {}],
      day: ['\u001b[2J', '2026-11-27T00:00', 20261127],
      upvotes: ['\u001b]52;c;cHduZWQ=\u0007', '3', 1.5, {}],
      comments: ['3'],
      githubRepo: ['javascript:alert(1)', 3],
      githubStars: ['many'],
      projectPage: ['file:///etc/passwd'],
      aiSummary: [3],
      keywords: ['kw', [1]],
      organization: [[]],
      url: ['ftp://x'],
      arxivUrl: [{}],
      pdfUrl: [3],
      source: ['web', null],
    };
    for (const [field, values] of Object.entries(bad)) {
      for (const value of values) expect(isPaper({ ...good, [field]: value }), `${field}: ${JSON.stringify(value)}`).toBe(false);
      const without: Record<string, unknown> = { ...good };
      delete without[field];
      expect(isPaper(without), `without ${field}`).toBe(false);
    }
    for (const value of [null, 'oops', [good], { length: 3 }, 3]) expect(isPaper(value)).toBe(false);
  });

  it('checks the optional fields show prints when they are there', () => {
    const good = makePaper('2611.00001');
    expect(isPaper({ ...good, submitter: 'Ada (@ada)', categories: ['cs.LG'], comment: '9 pages' })).toBe(true);
    for (const [field, value] of [
      ['submitter', 3],
      ['submitter', null],
      ['categories', 'cs.LG'],
      ['categories', [1]],
      ['comment', {}],
    ] as const) {
      expect(isPaper({ ...good, [field]: value }), `${field}: ${JSON.stringify(value)}`).toBe(false);
    }
  });

  it('checks lists item by item, and the latest day', () => {
    expect(isPaperList([makePaper('2611.00001'), makePaper('2611.00002')])).toBe(true);
    expect(isPaperList([makePaper('2611.00001'), null])).toBe(false);
    expect(isPaperList('oops')).toBe(false);
    expect(isPaperList({ length: 3 })).toBe(false);
    expect([isDayOrNull('2026-11-27'), isDayOrNull(null), isDayOrNull('\u001b[2J'), isDayOrNull(3)]).toEqual([true, true, false, false]);
  });
});
