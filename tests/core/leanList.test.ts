import { describe, expect, it } from 'vitest';
import { dropAbstracts, dropAuthorsAndLinks } from '../../src/core/leanList.js';
import { needsWholePapers, parseListOptions } from '../../src/core/listOptions.js';
import type { Paper } from '../../src/core/paper.js';
import { makePaper } from '../helpers/papers.js';

/** dropAbstracts over the JSON of `value`, parsed back. */
function dropped(value: unknown): unknown {
  const bytes = Buffer.from(JSON.stringify(value));
  return JSON.parse(bytes.toString('utf8', 0, dropAbstracts(bytes, bytes.length)));
}
/** What dropAbstracts must give: every paper's summary null, unless JSON writes it in fewer bytes than `null`. */
const expected = (papers: { summary: string | null }[]) =>
  papers.map((p) => ({ ...p, summary: p.summary !== null && Buffer.byteLength(JSON.stringify(p.summary)) < 4 ? p.summary : null }));

describe('dropAbstracts', () => {
  it("turns each paper's abstract into null and leaves every other byte as it was", () => {
    const papers = [
      makePaper('2611.00001', { summary: 'A long abstract.' }),
      makePaper('2611.00002', { summary: null }),
      makePaper('2611.00003', { summary: 'Another one, with "quotes" and a \\ backslash.' }),
    ];
    const entry = { v: 1, key: 'day:2026-11-27', fetchedAt: 1, data: papers };
    expect(dropped(entry)).toEqual({ ...entry, data: expected(papers) });
  });

  it('never takes text inside another string for the key, whatever quotes and backslashes it holds', () => {
    const tricky = [
      'x","summary":"y',
      '{"summary":"not a key"}',
      'ends in a backslash \\',
      '\\\\"',
      '\\",\\"summary\\":\\"',
      'é ü 漢字 🙂 \u2028 \u0000 \u001b[31m',
    ];
    const papers = tricky.flatMap((t, i) => [
      makePaper(`2611.0010${i}`, { title: t, summary: t, aiSummary: t, keywords: [t, 'summary'] }),
      makePaper(`2611.0020${i}`, { title: `"summary":"${t}`, summary: `${t}"summary":"${t}` }),
    ]);
    expect(dropped(papers)).toEqual(expected(papers));
  });

  it('keeps abstracts written in fewer bytes than null ("" and one character), which have no room for it', () => {
    const papers = [makePaper('2611.00001', { summary: '' }), makePaper('2611.00002', { summary: 'a' }), makePaper('2611.00003', { summary: 'ab' })];
    expect((dropped(papers) as { summary: string | null }[]).map((p) => p.summary)).toEqual(['', 'a', null]);
  });

  it('matches random papers written by JSON.stringify (400 lists)', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = ['a', 'b', ' ', '"', '\\', ',', ':', '{', '}', '[', ']', 'summary', '"summary":"', '\n', '\u0001', 'é', '🙂', 'null'];
    const text = () => Array.from({ length: Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (let n = 0; n < 400; n++) {
      const papers = Array.from({ length: 1 + Math.floor(random() * 4) }, (_, i) =>
        makePaper(`2611.0${String(n * 10 + i).padStart(4, '0')}`, {
          title: text(),
          summary: random() < 0.2 ? null : text(),
          authors: [text()],
          keywords: [text()],
        }),
      );
      expect(dropped({ data: papers }), JSON.stringify(papers)).toEqual({ data: expected(papers) });
    }
  });

  it('leaves an entry cut short anywhere not valid JSON, so that it is set aside as ever', () => {
    const json = JSON.stringify({
      v: 1,
      key: 'day:2026-11-27',
      fetchedAt: 1,
      data: [makePaper('2611.00001', { summary: 'An "abstract" \\ here.' }), makePaper('2611.00002', { summary: 'Two.' })],
    });
    for (let cut = 0; cut < json.length; cut++) {
      const bytes = Buffer.from(json.slice(0, cut));
      const n = dropAbstracts(bytes, bytes.length);
      expect(() => JSON.parse(bytes.toString('utf8', 0, n)), `cut at ${cut}`).toThrow(SyntaxError);
    }
  });

  it('reads only the bytes it is given, not the rest of the buffer', () => {
    const json = JSON.stringify([makePaper('2611.00001', { summary: 'An abstract.' })]);
    const bytes = Buffer.concat([Buffer.from(json), Buffer.from('"summary":"stale bytes of a longer file"')]);
    const n = dropAbstracts(bytes, json.length);
    expect(JSON.parse(bytes.toString('utf8', 0, n))[0].summary).toBeNull();
    expect(bytes.toString('utf8', json.length)).toBe('"summary":"stale bytes of a longer file"');
  });
});

describe('dropAuthorsAndLinks', () => {
  const lean = (value: unknown) => JSON.parse(dropAuthorsAndLinks(JSON.stringify(value)));
  // Links are dropped when the entry checks would take them without parsing them as URLs; any other is left to them.
  const PLAIN = /^https?:\/\/[\w.-]+(?::\d+)?(?:\/[\w.~%!$&'()*+,;=:@/-]*)?$/;
  const link = (l: string | null) => (l !== null && PLAIN.test(l) ? null : l);
  const expected = (papers: Paper[]) => papers.map((p) => ({ ...p, authors: [], url: link(p.url), arxivUrl: link(p.arxivUrl), pdfUrl: link(p.pdfUrl) }));

  it('empties every author list and nulls every plain link, whatever the names hold, and leaves all else', () => {
    const tricky = ['A. [Author]', 'B "Two" \\', ']', '"authors":["x"]', ',"url":"y"', '\\', 'é 🙂 \u2028 \u0000', ''];
    const papers = tricky.map((t, i) =>
      makePaper(`2611.0000${i}`, {
        title: t,
        authors: [t, t],
        keywords: [t],
        organization: t,
        url: `https://x.org/${t}`,
        arxivUrl: t,
        pdfUrl: null,
        summary: t,
      }),
    );
    expect(lean({ v: 1, data: papers })).toEqual({ v: 1, data: expected(papers) });
  });

  it('matches random papers written by JSON.stringify (400 lists)', () => {
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = ['a', ' ', '"', '\\', ',', ':', '{', '}', '[', ']', '"authors":[', '"url":"', '\n', 'é', 'null'];
    const text = () => Array.from({ length: Math.floor(random() * 10) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    const maybe = () => (random() < 0.2 ? null : text());
    for (let n = 0; n < 400; n++) {
      const papers = Array.from({ length: 1 + Math.floor(random() * 3) }, (_, i) =>
        makePaper(`2611.0${String(n * 10 + i).padStart(4, '0')}`, {
          title: text(),
          authors: Array.from({ length: Math.floor(random() * 3) }, text),
          url: maybe(),
          arxivUrl: maybe(),
          pdfUrl: maybe(),
        }),
      );
      expect(lean(papers), JSON.stringify(papers)).toEqual(expected(papers));
    }
  });

  it('leaves a text it cannot go through (a name of megabytes, escapes all along) as it is', () => {
    const text = JSON.stringify([makePaper('2611.00001', { authors: ['a\\"'.repeat(5_000_000)] })]);
    expect(dropAuthorsAndLinks(text)).toBe(text);
  });
});

describe('needsWholePapers', () => {
  const opts = (raw: Record<string, unknown>, watches: { name: string; grep?: string[]; author?: string[]; org?: string[] }[] = []) =>
    parseListOptions(raw as never, {}, watches.map((w) => ({ grep: [], exclude: [], author: [], org: [], ...w })) as never);

  it('is false for a table or TSV of the usual fields, filtered by what a lean list keeps', () => {
    for (const raw of [
      {},
      { format: 'tsv' },
      { format: 'table' },
      { org: 'lab', 'min-upvotes': '3', 'has-code': true, fields: 'id,title,authorCount,day,keywords' },
    ])
      expect(needsWholePapers(opts(raw)), JSON.stringify(raw)).toBe(false);
    expect(needsWholePapers(opts({}, [{ name: 'labs', org: ['lab'] }]))).toBe(false);
  });

  it('is true for every other format, --fields naming what a lean list drops, --grep, --exclude, --author, a watch on them, and the reader', () => {
    for (const format of ['json', 'jsonl', 'csv', 'markdown', 'bibtex', 'atom', 'rss']) expect(needsWholePapers(opts({ format })), format).toBe(true);
    expect(needsWholePapers(opts({ json: true }))).toBe(true);
    for (const field of ['summary', 'authors', 'url', 'arxivUrl', 'pdfUrl']) expect(needsWholePapers(opts({ fields: `id,${field}` })), field).toBe(true);
    expect(needsWholePapers(opts({ grep: 'robot' }))).toBe(true);
    expect(needsWholePapers(opts({ exclude: 'robot' }))).toBe(true);
    expect(needsWholePapers(opts({ author: 'Lee' }))).toBe(true);
    expect(needsWholePapers(opts({}, [{ name: 'robots', grep: ['robot'] }]))).toBe(true);
    expect(needsWholePapers(opts({}, [{ name: 'people', author: ['Lee'] }]))).toBe(true);
    expect(needsWholePapers({ ...opts({}), interactive: 'asked' })).toBe(true);
    expect(needsWholePapers({ ...opts({}), interactive: 'setting' })).toBe(true);
  });
});
