import { beforeAll, afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { loadRenderers } from '../../helpers/renderers.js';
import { linkedFromHf } from '../../../src/core/linked.js';
import type { Paper } from '../../../src/core/paper.js';
import { widthOf } from '../../../src/render/text.js';
import { KEY, mount, rankedPapers, resize, until } from './harness.js';

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

describe('linked models, datasets and Spaces in the detail view', () => {
  /** What the paper API says is built on a paper, as lookupPaper(..., true) hands it on. */
  const linked = (extra: Record<string, unknown> = {}) =>
    linkedFromHf({
      linkedModels: [{ id: 'lattice-lab/lattice-1b', likes: 10, downloads: 1000 }],
      linkedDatasets: [{ id: 'lattice-lab/corpus', likes: 2 }],
      linkedSpaces: [],
      numTotalModels: 7,
      numTotalDatasets: 1,
      numTotalSpaces: 0,
      ...extra,
    });

  it('shows them after the links, as papers show does, once the detail has loaded them', async () => {
    const loadDetail = async (p: Paper) => ({ ...p, linked: linked() });
    const app = await mount({ loadDetail }, { columns: 80, rows: 30 });
    await app.press('j', KEY.enter);
    const frame = await until(app.frame, (f) => f.includes('Models'), 'the linked repositories');
    const lines = rows(frame);
    const at = lines.indexOf('Models (7, first 1)');
    expect(at).toBeGreaterThan(lines.findIndex((l) => l.startsWith('PDF')));
    expect(lines.slice(at, at + 6)).toEqual([
      'Models (7, first 1)',
      '  lattice-lab/lattice-1b  ♥ 10  ↓ 1000',
      '    https://huggingface.co/lattice-lab/lattice-1b',
      'Datasets (1)',
      '  lattice-lab/corpus  ♥ 2',
      '    https://huggingface.co/datasets/lattice-lab/corpus',
    ]);
    expect(frame).not.toContain('Spaces');
    expect(lines.indexOf('Abstract')).toBeGreaterThan(at);
  });

  it('says none cite it when the paper API knows of none, and shows nothing of them when unknown', async () => {
    const none = linkedFromHf({ linkedModels: [], linkedDatasets: [], linkedSpaces: [], numTotalModels: 0, numTotalDatasets: 0, numTotalSpaces: 0 });
    const app = await mount({ loadDetail: async (p) => (p.id === '2601.10000' ? { ...p, linked: none } : p) }, { columns: 80, rows: 30 });
    await app.press(KEY.enter);
    await until(app.frame, (f) => f.includes('No models, datasets or Spaces on Hugging Face cite it yet.'));
    await app.press(KEY.esc, 'j', KEY.enter);
    const frame = await until(app.frame, (f) => f.startsWith('Title number 2'));
    expect(frame).not.toMatch(/Models|cite it/);
  });

  it('checks the repository ids again (a cache entry may be planted) and fits every line at 60 columns', async () => {
    const planted = { linkedModels: [{ id: '../../evil' }, { id: 'x'.repeat(90) + '/\x1b]52;c;aGk=\x07' }, { id: `org/${'m'.repeat(70)}`, likes: 1 }] };
    const loadDetail = async (p: Paper) => ({ ...p, linked: { ...linked(), ...planted } as never });
    const app = await mount({ loadDetail }, { columns: 60, rows: 30 });
    await app.press(KEY.enter);
    const frame = await until(app.frame, (f) => f.includes('Models (7'), 'the linked repositories');
    expect(frame).not.toContain('evil');
    expect(frame).not.toContain('\x1b]52');
    expect(frame).toContain('  org/mmmm');
    for (const line of rows(frame)) expect(widthOf(line)).toBeLessThanOrEqual(60);
  });
});
