import { beforeAll, afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { loadRenderers } from '../../helpers/renderers.js';
import { widthOf } from '../../../src/render/text.js';
import { mount, rankedPapers, resize, until } from './harness.js';

beforeAll(loadRenderers);

afterEach(() => cleanup());

const rows = (frame: string) => frame.split('\n');

describe('watch tags in the list', () => {
  /** Paper 2 matches one watch, paper 3 two: the names each paper carries from the list command. */
  const watched = (extra: Parameters<typeof rankedPapers>[1] = () => ({})) =>
    rankedPapers(5, extra).map((p, i) => ({ ...p, watches: i === 1 ? ['diffusion'] : i === 2 ? ['agents', 'diffusion'] : [] }));

  it('names the watches a paper matches in a column before the title, as the table does (comma-joined, cut at 14 cells)', async () => {
    const app = await mount({ papers: watched() });
    const lines = rows(app.frame());
    // The column is as wide as its longest names up to the table's 14 cells; a paper with none has it blank.
    expect(lines[1]).toMatch(/^› +1 ▲100 2601\.10000 {16}Title number 1$/);
    expect(lines[2]).toMatch(/^ +2 ▲ 99 2601\.10001 diffusion {6}Title number 2$/);
    expect(lines[3]).toMatch(/^ +3 ▲ 98 2601\.10002 agents,diffus… Title number 3$/);
  });

  it('paints the names in the reader tag colour, and dims them with the rest of a read row', async () => {
    const app = await mount({ papers: watched(), colorLevel: 1, isRead: (id) => id === '2601.10002' });
    const lines = rows(app.frame());
    expect(lines[2]).toContain('\x1b[35mdiffusion\x1b[39m');
    expect(lines[3]?.startsWith('\x1b[2m')).toBe(true);
    expect(lines[3]).not.toContain('\x1b[35m');
  });

  it('no watch matched: no column, the title takes the room', async () => {
    const app = await mount({ papers: rankedPapers(3) });
    expect(rows(app.frame())[1]).toMatch(/^› +1 ▲100 2601\.10000 Title number 1$/);
  });

  it('at 60 columns a long watch name and a long title are both cut, the row one line that fits, at the cursor and not', async () => {
    const long = 'a-very-long-watch-name-for-tests';
    const papers = rankedPapers(20, (i) => ({ title: `A rather long title about sparse attention and diffusion ${i + 1}` })).map((p) => ({
      ...p,
      watches: [long, 'agents'],
    }));
    const app = await mount({ papers }, { columns: 60, rows: 15 });
    for (const columns of [60, 61, 75]) {
      resize(app.stdout, columns, 15);
      // The cursor's bar spans the width: drawn at the new size.
      const frame = await until(app.frame, (f) => rows(f).length === 15 && widthOf(rows(f)[1]!) === columns);
      for (const line of rows(frame)) expect(widthOf(line)).toBeLessThanOrEqual(columns);
      for (const line of rows(frame).slice(1, 13)) {
        // The name is cut by the reader (…) and the title after it too: nothing was cut off at the edge.
        expect(line).toMatch(/ 2601\.100\d\d a-very-lon\S*… A rather long title\S* .*…$/);
      }
    }
    await app.press('j', 'j');
    expect(rows(app.frame())[3]).toMatch(/^› +3 ▲ 98 2601\.10002 a-very-lon/);
  });

  it('shows the watches of a list loaded later ([ ], r), which carries its own', async () => {
    const onRefresh = async () => ({ title: 'fresh', papers: rankedPapers(2).map((p) => ({ ...p, watches: ['lattices'] })) });
    const app = await mount({ papers: rankedPapers(2), onRefresh });
    expect(app.frame()).not.toContain('lattices');
    await app.press('r');
    const frame = await until(app.frame, (f) => f.startsWith('fresh'));
    expect(rows(frame)[1]).toMatch(/2601\.10000 lattices Title number 1$/);
  });
});
