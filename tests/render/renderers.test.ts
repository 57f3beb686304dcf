import { beforeAll, describe, expect, it } from 'vitest';
import { loadRenderers } from '../helpers/renderers.js';
import { withRanks } from '../../src/core/rank.js';
import { sortPapers } from '../../src/core/rank.js';
import { renderJson, renderJsonl } from '../../src/render/json.js';
import { plain, type Paint } from '../../src/render/paint.js';
import { renderTable } from '../../src/render/table.js';
import { truncate, widthOf } from '../../src/render/text.js';
import { renderTsv } from '../../src/render/tsv.js';
import { FIELDS } from '../../src/core/paper.js';
import { makePaper, quirkPapers } from '../helpers/papers.js';

beforeAll(loadRenderers);

const ranked = withRanks(sortPapers(quirkPapers()));
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('truncate', () => {
  it('cuts by terminal cells with an ellipsis, never inside a grapheme', () => {
    expect(truncate('hello world', 8)).toBe('hello w…');
    expect(truncate('short', 8)).toBe('short');
    expect(truncate('大规模语言模型', 7)).toBe('大规模…');
    expect(widthOf(truncate('大规模语言模型', 7))).toBeLessThanOrEqual(7);
    expect(truncate('ab👩‍🔬cd', 4)).toBe('ab…');
    expect(truncate('ab👩‍🔬cd', 5)).toBe('ab👩‍🔬…');
  });
});

describe('renderTable', () => {
  for (const width of [40, 80, 200]) {
    it(`fits ${width} columns with CJK and emoji titles`, () => {
      const lines = renderTable(ranked, { width, paint: plain });
      expect(lines).toHaveLength(ranked.length + 1);
      for (const line of lines) expect(widthOf(line)).toBeLessThanOrEqual(width);
      expect(lines.join('\n')).not.toMatch(UNSAFE);
    });
  }

  it('shows rank, upvotes, comments, id and title in that order, with a header', () => {
    const lines = renderTable(ranked, { width: 100, paint: plain });
    expect(lines[0]).toMatch(/^#\s+▲\s+cmt\s+id\s+title$/);
    expect(lines[1]).toMatch(/^1\s+42\s+3\s+2611\.00101\s+Sparse Lattices for Long-Context Retrieval$/);
  });

  it('cuts long titles with … to the width and keeps short ones whole at 200', () => {
    const long = withRanks([makePaper('2401.00001', { title: 'word '.repeat(60).trim() })]);
    const at80 = renderTable(long, { width: 80, paint: plain });
    expect(at80[1]).toMatch(/…$/);
    expect(widthOf(at80[1]!)).toBeLessThanOrEqual(80);
    expect(widthOf(at80[1]!)).toBeGreaterThanOrEqual(78);
    const wide = renderTable(ranked, { width: 200, paint: plain }).join('\n');
    expect(wide).toContain('大规模语言模型的稀疏注意力 🚀 研究');
  });

  it('neutralises hostile titles', () => {
    const text = renderTable(ranked, { width: 120, paint: plain }).join('\n');
    expect(text).toContain('Hostile Red Title with evil bidi');
  });

  it('drops the comments column before the title gets unreadable on narrow terminals', () => {
    const lines = renderTable(ranked, { width: 30, paint: plain });
    expect(lines[0]).not.toContain('cmt');
    for (const line of lines) expect(widthOf(line)).toBeLessThanOrEqual(30);
  });

  it('colours through the Paint it is given, and measures width without the escapes', () => {
    const red: Paint = { ...plain, heat: (t) => `\x1b[31m${t}\x1b[39m` };
    const lines = renderTable(ranked, { width: 60, paint: red });
    expect(lines[1]).toContain('\x1b[31m42\x1b[39m');
    for (const line of lines) expect(widthOf(line)).toBeLessThanOrEqual(60);
  });

  it('highlights --grep matches in titles, case-insensitively, without changing the width', () => {
    const mark: Paint = { ...plain, match: (t) => `[${t}]` };
    const lines = renderTable(ranked, { width: 100, paint: mark, highlight: [/lattice/i, /RETRIEVAL/i] });
    expect(lines[1]).toContain('Sparse [Lattice]s for Long-Context [Retrieval]');
    const ansi: Paint = { ...plain, match: (t) => `\x1b[1m${t}\x1b[22m` };
    for (const line of renderTable(ranked, { width: 40, paint: ansi, highlight: [/s/i] })) expect(widthOf(line)).toBeLessThanOrEqual(40);
  });

  it('shows the columns the settings choose, title last', () => {
    const lines = renderTable(ranked, { width: 100, paint: plain, columns: ['day', 'rank', 'stars', 'title'] });
    expect(lines[0]).toMatch(/^day\s+#\s+★\s+title$/);
    expect(lines[1]).toMatch(/^2026-11-23\s+1\s+310\s+Sparse Lattices/);
  });

  it('renders nothing for an empty list', () => {
    expect(renderTable([], { width: 80, paint: plain })).toEqual([]);
  });
});

describe('renderTsv', () => {
  it('writes every row once, in order, a batch of rows at a time, each batch whole lines', () => {
    const many = withRanks(Array.from({ length: 1100 }, (_, i) => makePaper(`2611.${String(i).padStart(5, '0')}`, { title: `t${i}` })));
    const chunks = [...renderTsv(many)];
    expect(chunks.map((c) => c.split('\n').length - 1)).toEqual([512, 512, 76]);
    for (const c of chunks) expect(c.endsWith('\n')).toBe(true);
    expect(
      chunks
        .join('')
        .split('\n')
        .slice(0, -1)
        .map((l) => l.split('\t')[3]),
    ).toEqual(many.map((p) => p.id));
    expect([...renderTsv([])]).toEqual([]);
  });

  it('prints rank, upvotes, comments, id, title; no header, nothing cut, no controls', () => {
    const lines = [...renderTsv(ranked)].join('').split('\n').filter(Boolean);
    expect(lines[0]).toBe('1\t42\t3\t2611.00101\tSparse Lattices for Long-Context Retrieval');
    expect(lines).toHaveLength(ranked.length);
    expect(lines.join('\n')).not.toMatch(UNSAFE);
    for (const line of lines) expect(line.split('\t')).toHaveLength(5);
  });

  it('prints the fields asked for, empty for unknown, arrays joined', () => {
    const [line] = [...renderTsv(ranked.slice(0, 1), ['id', 'keywords', 'aiSummary', 'githubStars'])];
    expect(line).toBe('2611.00101\tsparse lattices, retrieval\tSparse lattices make long-context retrieval cheaper.\t310\n');
    const [unknown] = [...renderTsv(withRanks([makePaper('x', { upvotes: null })]), ['upvotes', 'organization'])];
    expect(unknown).toBe('\t\n');
  });
});

describe('renderJson', () => {
  it('prints every SPEC field on every paper, in order, and parses back to the same data', () => {
    const text = [...renderJson(ranked)].join('');
    const parsed = JSON.parse(text) as Record<string, unknown>[];
    expect(parsed).toHaveLength(ranked.length);
    for (const obj of parsed) expect(Object.keys(obj)).toEqual([...FIELDS]);
    // Every field, and nothing that is not one (the organization's handle is for --org only).
    expect(parsed).toEqual(JSON.parse(JSON.stringify(ranked.map((p) => Object.fromEntries(FIELDS.map((f) => [f, p[f]]))))));
  });

  it('never prints a raw control or bidi character, yet keeps them losslessly', () => {
    const text = [...renderJson(ranked)].join('');
    expect(text).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
    const hostile = (JSON.parse(text) as { title: string }[]).find((p) => p.title.startsWith('Hostile'));
    // Titles have their white space folded by the normaliser (the trailing \r goes); everything else stays.
    expect(hostile?.title).toBe('Hostile \x1b[31mRed\x1b[0m Title\x9b2J with \u202eevil\u202c bidi');
    const summary = (JSON.parse(text) as { summary: string }[]).find((p) => p.summary.startsWith('Clipboard'));
    expect(summary?.summary).toBe('Clipboard \x1b]52;c;cm0gLXJmIH4=\x07 and bell \x07.');
  });

  it('prints [] for nothing, and only the fields asked for', () => {
    expect([...renderJson([])].join('')).toBe('[]\n');
    expect(JSON.parse([...renderJson(ranked.slice(0, 1), ['title', 'id'])].join(''))).toEqual([
      { title: 'Sparse Lattices for Long-Context Retrieval', id: '2611.00101' },
    ]);
  });

  it('jsonl is one object per line', () => {
    const lines = [...renderJsonl(ranked)].join('').trimEnd().split('\n');
    expect(lines).toHaveLength(ranked.length);
    expect(JSON.parse(lines[0]!).rank).toBe(1);
  });
});

describe('renderTable with marks and watches', () => {
  const tagged: Paint = { ...plain, dim: (t) => `\x1b[2m${t}\x1b[22m` };
  const three = withRanks([makePaper('2611.00001'), makePaper('2611.00002'), makePaper('2611.00003')]).map((p, i) => ({
    ...p,
    watches: i === 0 ? ['agents', 'lab'] : [],
  }));
  it('puts a • before new papers and dims the titles of read ones', () => {
    const lines = renderTable(three, { width: 80, paint: tagged, marks: { unseen: new Set(['2611.00002']), read: new Set(['2611.00003']) } });
    expect(lines[1]).toMatch(/^ +\x1b\[2m1\x1b\[22m.* Paper 2611\.00001$/);
    expect(lines[2]).toMatch(/^• +\x1b\[2m2\x1b\[22m.* Paper 2611\.00002$/);
    expect(lines[3]).toMatch(/ \x1b\[2mPaper 2611\.00003\x1b\[22m$/);
    for (const line of lines) expect(widthOf(line)).toBeLessThanOrEqual(80);
  });
  it('has no marker column when nothing is new, and a watch column only when asked', () => {
    const plainLines = renderTable(three, { width: 80, paint: plain, marks: { unseen: new Set(), read: new Set() } });
    expect(plainLines[1]).toMatch(/^1\s/);
    expect(plainLines[0]).not.toMatch(/watch/);
    const withWatches = renderTable(three, { width: 80, paint: plain, watches: true });
    expect(withWatches[0]).toMatch(/^#\s+▲\s+cmt\s+id\s+watch\s+title$/);
    expect(withWatches[1]).toMatch(/2611\.00001\s+agents,lab\s+Paper/);
  });
});
