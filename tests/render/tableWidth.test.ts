import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRenderers } from '../helpers/renderers.js';
import { DEFAULT_TABLE_COLUMNS, TABLE_COLUMNS } from '../../src/core/formats.js';
import { FIELDS } from '../../src/core/paper.js';
import { withRanks } from '../../src/core/rank.js';
import { fitColumns } from '../../src/render/fitColumns.js';
import { plain, type Paint } from '../../src/render/paint.js';
import { renderGrid, renderTable } from '../../src/render/table.js';
import { widthOf } from '../../src/render/text.js';
import { makePaper } from '../helpers/papers.js';

beforeAll(loadRenderers);

// Text as a feed may carry it: CJK and emoji (two cells), combining accents, ZWJ sequences, plain words.
const piece = fc.constantFrom('Diffusion', 'of', '大规模语言模型', '👩‍🔬', '🚀', 'e\u0301', 'Ｆｕｌｌ', 'x'.repeat(30), ' ', 'Über', 'ｱｲｳ');
const text = fc.array(piece, { minLength: 1, maxLength: 12 }).map((parts) => parts.join(''));
const count = fc.option(fc.integer({ min: 0, max: 2_000_000 }), { nil: null });
const paper = fc.record({ n: fc.integer({ min: 10000, max: 99999 }), title: text, org: text, upvotes: count, comments: count, stars: count, summary: text });
const papers = fc.array(paper, { minLength: 1, maxLength: 6 }).map((list) =>
  withRanks(
    list.map((p) =>
      makePaper(`2611.${p.n}`, {
        title: p.title,
        summary: p.summary,
        organization: p.org,
        upvotes: p.upvotes,
        comments: p.comments,
        githubStars: p.stars,
        authors: [p.org, p.title],
        day: '2026-11-23',
      }),
    ),
  ),
);
const columns = fc.oneof(
  fc.constant([...DEFAULT_TABLE_COLUMNS] as string[]),
  fc.subarray([...TABLE_COLUMNS] as string[], { minLength: 1 }),
  fc.shuffledSubarray([...FIELDS] as string[], { minLength: 1 }),
);
const ansi: Paint = {
  bold: (t) => `\x1b[1m${t}\x1b[22m`,
  dim: (t) => `\x1b[2m${t}\x1b[22m`,
  link: (t) => `\x1b[36m${t}\x1b[39m`,
  heat: (t) => `\x1b[33m${t}\x1b[39m`,
  match: (t) => `\x1b[4m${t}\x1b[24m`,
};

describe('the table never exceeds its width', () => {
  it('at every width from 20 to 200, with wide characters, any columns, colour or not', () => {
    fc.assert(
      fc.property(papers, columns, fc.integer({ min: 20, max: 200 }), fc.boolean(), (list, cols, width, colour) => {
        const lines = renderTable(list, { width, paint: colour ? ansi : plain, columns: cols as never, highlight: [/o/] });
        expect(lines).toHaveLength(list.length + 1);
        for (const line of lines) expect(widthOf(line)).toBeLessThanOrEqual(width);
      }),
      { numRuns: 80 },
    );
  });

  it('drops comments first, then upvotes and rank, then cuts the title; the id stays', () => {
    const list = withRanks([makePaper('2611.00001', { title: 'A title long enough to need cutting here', upvotes: 123, comments: 45 })]);
    const head = (width: number) => renderTable(list, { width, paint: plain })[0]!.split(/\s+/);
    expect(head(80)).toEqual(['#', '▲', 'cmt', 'id', 'title']);
    expect(head(31)).toEqual(['#', '▲', 'id', 'title']);
    expect(head(26)).toEqual(['#', 'id', 'title']);
    expect(head(20)).toEqual(['id', 'title']);
    expect(renderTable(list, { width: 20, paint: plain })[1]).toBe('2611.00001 A title…');
  });

  it('shows any field as a column, long values cut to fit, in the order given', () => {
    const list = withRanks([makePaper('2611.00001', { organization: 'An Organization With A Very Long Name Indeed', summary: 'word '.repeat(100) })]);
    const lines = renderTable(list, { width: 60, paint: plain, columns: ['id', 'organization', 'summary'] as never });
    expect(lines[0]).toMatch(/^id\s+organization\s+summary$/);
    // The room is shared: each text column gets an even part, none more than it needs.
    expect(lines[1]).toMatch(/^2611\.00001 An Organization With A…\s+word word word word wor…$/);
    expect(widthOf(lines[1]!)).toBe(60);
  });
});

describe('fitColumns', () => {
  it('gives the room left to the cut columns, none past its natural width, the last taking the rest', () => {
    const fixed = { cut: false, min: 0, drop: Infinity };
    const text = (natural: number, drop: number) => ({ natural, cut: true, min: 8, drop });
    expect(fitColumns([{ ...fixed, natural: 10 }, text(20, 2), text(100, 1)], 60)).toEqual({ keep: [0, 1, 2], widths: [10, 20, 28] });
    // Too narrow for both at their minimum: the one that goes first is dropped, the other takes the room.
    expect(fitColumns([{ ...fixed, natural: 10 }, text(20, 2), text(100, 1)], 25)).toEqual({ keep: [0, 1], widths: [10, 14] });
    // Nothing left to drop: cut below the minimum, never past the width.
    expect(fitColumns([{ ...fixed, natural: 10 }, text(100, Infinity)], 15)).toEqual({ keep: [0, 1], widths: [10, 4] });
  });
});

describe('renderGrid (cache ls)', () => {
  const columns = [
    { head: 'entry', align: 'left', cut: true },
    { head: 'fetched', align: 'left' },
    { head: 'size', align: 'right' },
  ] as const;

  it('lines up every row at every width from 20 to 120, never wider, the cut column cut with …', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 5 }), fc.integer({ min: 20, max: 120 }), (entries, width) => {
        const rows = entries.map((e, i) => ({ cells: [e, `${i} h ago`, `${i * 100} B`] }));
        const lines = renderGrid(columns, rows, { width, paint: plain });
        expect(lines).toHaveLength(entries.length + 1);
        for (const line of lines) expect(widthOf(line)).toBeLessThanOrEqual(width);
        // The size column is right-aligned: every line ends at the same cell.
        expect(new Set(lines.map(widthOf)).size).toBe(1);
      }),
    );
  });

  it('cleans every cell and dims the rows marked dim', () => {
    // Dim as a terminal shows it (cli-table3 measures around escape sequences), read back as <...>.
    const paint = { ...plain, dim: (t: string) => `\x1b[2m${t}\x1b[22m` };
    const lines = renderGrid(columns, [{ cells: ['a\x1b[31mb', '1 h ago', '9 B'] }, { cells: ['old', '9 days ago', '10 B'], dim: true }], {
      width: 80,
      paint,
    }).map((l) => l.replace(/\x1b\[2m/g, '<').replace(/\x1b\[22m/g, '>'));
    expect(lines[0]).toMatch(/^<entry>/);
    expect(lines[1]).toMatch(/^ab +1 h ago +9 B$/);
    expect(lines[2]).toMatch(/^<old> +<9 days ago> +<10 B>$/);
  });
});
