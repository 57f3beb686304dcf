import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRenderers } from '../helpers/renderers.js';
import { paperFromHf } from '../../src/core/hf.js';
import { FIELDS, type Paper, type RankedPaper } from '../../src/core/paper.js';
import { withRanks } from '../../src/core/rank.js';
import { renderAbstract } from '../../src/render/abstract.js';
import { renderBibtex } from '../../src/render/bibtex.js';
import { renderCsv } from '../../src/render/csv.js';
import { renderJson, renderJsonl } from '../../src/render/json.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { plain } from '../../src/render/paint.js';
import { renderTable } from '../../src/render/table.js';
import { renderTsv } from '../../src/render/tsv.js';

beforeAll(loadRenderers);

// What no output may hold raw: C0 (tab and line feed aside, where a format uses them), DEL, C1,
// bidi controls, invisible characters and U+2028/9.
const RAW = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u200b\u2060-\u2064\u206a-\u206f\ufeff\u2028\u2029]/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

// Text heavy in what terminals, spreadsheets, Markdown and BibTeX act on.
const nasty = fc.constantFrom(
  '\x1b]52;c;cm0gLXJmIH4=\x07',
  '\x1b[2J',
  '\x9b31m',
  '\x1b]8;;https://evil.test\x1b\\',
  '\u202e',
  '\u2066',
  '\u200b',
  '\ufeff',
  '\u2028',
  '\r',
  '\n',
  '\t',
  '\x00',
  '\x7f',
  '|',
  '}',
  '{',
  '\\',
  '\\}',
  '"',
  "'",
  '`',
  '$(touch /tmp/x)',
  '=cmd|',
  '+1',
  '-2+3',
  '@SUM(A1)',
  '<script>',
  '](javascript:x)',
  ',',
  ' ',
);
const text = fc
  .array(fc.oneof(nasty, fc.string({ unit: 'binary', maxLength: 6 }), fc.constantFrom('a', 'Ω', '大', '👩‍🔬')), { maxLength: 12 })
  .map((p) => p.join(''));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const link = fc.oneof(
  text,
  text.map((t) => `https://h.test/${t}`),
  text.map((t) => `https://h.test/a?q=${t}#${t}`),
);
const date = fc.oneof(text, fc.constantFrom('2026-11-20T00:00:00.000Z', '2026-02-30', '0000-13-45', '2026-11-20|<b>', '2026-11-20\x1b]52;c;x\x07'));
const id = fc.oneof(text, fc.constantFrom('2611.00001', 'hep-th/9901001', '2611.00001v2'));

// Any value in any field, as a paper read back from a (planted) cache entry would hold it.
const paper: fc.Arbitrary<Paper> = fc.record({
  id: maybe(id),
  title: text,
  summary: maybe(text),
  authors: fc.array(text, { maxLength: 3 }),
  authorCount: fc.nat(5),
  publishedAt: maybe(date),
  day: maybe(date),
  upvotes: maybe(fc.integer()),
  comments: maybe(fc.integer()),
  githubRepo: maybe(link),
  githubStars: maybe(fc.integer()),
  projectPage: maybe(link),
  aiSummary: maybe(text),
  keywords: fc.array(text, { maxLength: 3 }),
  organization: maybe(text),
  url: maybe(link),
  arxivUrl: maybe(link),
  pdfUrl: maybe(link),
  source: fc.constantFrom('hf', 'arxiv', 'rss', 'page'),
  submitter: text,
  categories: fc.array(text, { maxLength: 3 }),
  comment: text,
});

// Any value in any field of a Hugging Face item, through the normaliser.
const hfPaper: fc.Arbitrary<Paper> = fc
  .record({
    id,
    title: text,
    summary: text,
    publishedAt: date,
    submittedOnDailyAt: date,
    githubRepo: link,
    projectPage: link,
    ai_summary: text,
    authors: fc.array(text),
    ai_keywords: fc.array(text),
    upvotes: fc.integer(),
    org: text,
    submitter: text,
  })
  .map((r) =>
    paperFromHf({
      paper: { ...r, title: `t${r.title}`, authors: r.authors.map((name) => ({ name })), organization: { fullname: r.org } },
      submittedBy: { fullname: r.submitter, name: r.submitter },
      numComments: 1,
    }),
  )
  .filter((p): p is Paper => p !== null);

const papers = fc.array(fc.oneof(paper, hfPaper), { minLength: 1, maxLength: 4 }).map((ps) => withRanks(ps) as RankedPaper[]);
const RUNS = { numRuns: 300 };
const all = (chunks: Iterable<string>) => [...chunks].join('');

describe('property: any value in any field, in any format', () => {
  it('json and jsonl: parse, one object per paper, no raw control anywhere', () => {
    fc.assert(
      fc.property(papers, (ps) => {
        const json = all(renderJson(ps));
        expect(json.replace(/\n/g, '')).not.toMatch(RAW);
        const parsed = JSON.parse(json) as Record<string, unknown>[];
        expect(parsed).toHaveLength(ps.length);
        for (const p of parsed) expect(p.publishedAt === null || typeof p.publishedAt === 'string').toBe(true);
        const lines = all(renderJsonl(ps)).trimEnd().split('\n');
        expect(lines).toHaveLength(ps.length);
        for (const l of lines) expect(Object.keys(JSON.parse(l) as object)).toEqual([...FIELDS]);
      }),
      RUNS,
    );
  });

  it('tsv: one line per paper, exactly one tab between fields, nothing else raw', () => {
    fc.assert(
      fc.property(papers, (ps) => {
        const out = all(renderTsv(ps, FIELDS));
        const lines = out.split('\n');
        expect(lines.pop()).toBe('');
        expect(lines).toHaveLength(ps.length);
        for (const l of lines) {
          expect(l.split('\t')).toHaveLength(FIELDS.length);
          expect(l.replace(/\t/g, '')).not.toMatch(RAW);
        }
      }),
      RUNS,
    );
  });

  it('csv: parses to one row per paper of every field; no formula cell; only line breaks and tabs inside quoted cells', () => {
    fc.assert(
      fc.property(papers, (ps) => {
        const out = all(renderCsv(ps));
        expect(out.replace(/[\r\n\t]/g, '')).not.toMatch(RAW);
        const rows = parse(out) as string[][];
        expect(rows).toHaveLength(ps.length + 1);
        for (const row of rows.slice(1)) {
          expect(row).toHaveLength(FIELDS.length);
          for (const cell of row) if (/^[=+\-@\t]/.test(cell)) expect(cell).toMatch(/^-?\d+$/);
        }
      }),
      RUNS,
    );
  });

  it('markdown: a header, a rule and one row of four cells per paper; the day is a date or empty', () => {
    fc.assert(
      fc.property(papers, (ps) => {
        const lines = all(renderMarkdown(ps)).trimEnd().split('\n');
        expect(lines).toHaveLength(ps.length + 2);
        for (const l of lines.slice(2)) {
          expect(l).not.toMatch(RAW);
          // Cell borders: pipes not escaped by a backslash (an escaped backslash is two of them).
          const cells = l.split(/(?<!\\)(?:\\\\)*\|/);
          expect(cells).toHaveLength(6);
          const day = cells[4]!.trim();
          expect(day === '' || DATE.test(day)).toBe(true);
          expect(l).not.toMatch(/(?<!\\)</);
        }
      }),
      RUNS,
    );
  });

  it('bibtex: every entry closes at its own last brace (BibTeX counts braces even after a backslash)', () => {
    fc.assert(
      fc.property(papers, (ps) => {
        const out = all(renderBibtex(ps));
        expect(out).not.toMatch(RAW);
        const entries = out.split('\n\n').filter((e) => e.trim() !== '');
        expect(entries).toHaveLength(ps.length);
        for (const entry of entries) {
          const text = entry.trimEnd();
          let depth = 0;
          let closedAt = -1;
          for (let i = 0; i < text.length && closedAt < 0; i++) {
            if (text[i] === '{') depth++;
            else if (text[i] === '}' && --depth === 0) closedAt = i;
          }
          expect(closedAt).toBe(text.length - 1);
          expect(text).toMatch(/^@misc\{[a-z0-9]+,\n/);
        }
      }),
      RUNS,
    );
  });

  it('table and the abstract view: nothing raw; dates shown only as dates; links only as normalised URLs', () => {
    fc.assert(
      fc.property(papers, (ps) => {
        const table = renderTable(ps, { width: 100, paint: plain, columns: ['rank', 'upvotes', 'comments', 'id', 'day', 'stars', 'title'] });
        expect(table).toHaveLength(ps.length + 1);
        for (const l of table) expect(l).not.toMatch(RAW);
        for (const p of ps) {
          const lines = renderAbstract(p, { width: 80, paint: plain });
          for (const l of lines) expect(l).not.toMatch(RAW);
          // The facts line follows the first empty line: "arXiv:… · Daily Papers <day> · published <day> · ▲ n".
          const facts = lines[lines.indexOf('') + 1] ?? '';
          for (const m of facts.matchAll(/(?:^| · )(?:published|Daily Papers) (\S+)/g)) expect(m[1]).toMatch(DATE);
          for (const l of lines) {
            const m = /^(Hugging Face|arXiv|PDF|Code|Project) +(\S+)/.exec(l);
            if (m) expect(new URL(m[2]!).href).toBe(m[2]);
          }
        }
      }),
      RUNS,
    );
  });
});
