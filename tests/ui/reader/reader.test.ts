import { beforeAll, afterEach, describe, expect, it, vi } from 'vitest';
import { loadRenderers } from '../../helpers/renderers.js';
import { cleanup } from 'ink-testing-library';
import { widthOf } from '../../../src/render/text.js';
import { KEY, mount, rankedPapers, resize, until } from './harness.js';

beforeAll(loadRenderers);

afterEach(() => cleanup());

const rows = (frame: string) => frame.split('\n');
const cursorRow = (frame: string) => rows(frame).find((l) => l.startsWith('›')) ?? '';

describe('list view', () => {
  it('draws the header, one row per paper as in the table, a status line and the footer, filling the screen', async () => {
    const app = await mount({ isNew: (id) => id === '2601.10001' });
    const lines = rows(app.frame());
    expect(lines).toHaveLength(20);
    expect(lines[0]).toBe('Daily Papers 2026-01-05 · 30 papers · 1 new');
    expect(lines[1]).toMatch(/^› +1 ▲100 2601\.10000 Title number 1$/);
    expect(lines[2]).toMatch(/^ •  +2 ▲ 99 2601\.10001 Title number 2$/);
    expect(lines[17]).toContain('Title number 17');
    expect(lines[19]).toContain('q quit');
  });

  it('moves with j/k and the arrows, pages with PgDn/PgUp, jumps with g/G, and marks each paper it lands on seen', async () => {
    const app = await mount();
    await app.press('j', 'j', KEY.down);
    expect(cursorRow(app.frame())).toContain('Title number 4');
    await app.press('k', KEY.up);
    expect(cursorRow(app.frame())).toContain('Title number 2');
    await app.press(KEY.pageDown);
    expect(cursorRow(app.frame())).toContain('Title number 19');
    // 30 papers, 17 rows: the last page starts at 14, and no page goes past the end.
    expect(rows(app.frame())[1]).toContain('Title number 14');
    await app.press(KEY.pageUp);
    expect(cursorRow(app.frame())).toContain('Title number 2');
    await app.press('G');
    expect(cursorRow(app.frame())).toContain('Title number 30');
    expect(rows(app.frame())[17]).toContain('Title number 30');
    await app.press('g');
    expect(cursorRow(app.frame())).toMatch(/Title number 1$/);
    const seen = vi.mocked(app.props.onSeen!).mock.calls.map(([id]) => id);
    expect(seen.slice(0, 5)).toEqual(['2601.10000', '2601.10001', '2601.10002', '2601.10003', '2601.10002']);
    expect(seen).toContain('2601.10029');
  });

  it('filters as you type over title, abstract and keywords; Enter keeps the filter, Esc clears it', async () => {
    const papers = rankedPapers(12, (i) => (i === 4 ? { summary: 'We study lattices.' } : i === 7 ? { keywords: ['Lattice models'] } : {}));
    const app = await mount({ papers });
    await app.press('/', 'l', 'a', 't');
    let frame = app.frame();
    expect(rows(frame)[18]).toBe('/lat▏');
    expect(frame).toContain('Title number 5');
    expect(frame).toContain('Title number 8');
    expect(frame).not.toContain('Title number 1 ');
    expect(rows(frame)[0]).toContain('filter “lat”: 2 shown');
    await app.press('x', KEY.backspace, KEY.enter);
    frame = app.frame();
    expect(rows(frame)[18]).toBe('');
    await app.press('j');
    expect(cursorRow(app.frame())).toContain('Title number 8');
    await app.press(KEY.esc);
    await until(app.frame, (f) => /Title number 1$/m.test(f) && !f.includes('filter “'));
    expect(cursorRow(app.frame())).toContain('Title number 8');
  });

  it('says so when the filter keeps nothing', async () => {
    const app = await mount();
    await app.press('/', 'z', 'z', 'q');
    expect(app.frame()).toContain('no paper matches the filter');
    // While typing a filter, letters are text: q did not quit.
    expect(app.frame()).toContain('/zzq▏');
    expect(app.props.onQuit).not.toHaveBeenCalled();
  });
});

describe('detail view', () => {
  it('j j Enter shows the third paper as papers show does, marks it read, and Esc/q/← come back to the same row', async () => {
    const app = await mount();
    await app.press('j', 'j', KEY.enter);
    let frame = app.frame();
    expect(rows(frame)[0]).toBe('Title number 3');
    expect(frame).toContain('Abstract of paper 3.');
    expect(frame).toContain('arXiv:2601.10002');
    expect(app.props.onRead).toHaveBeenCalledWith('2601.10002', true);
    for (const back of [KEY.esc, 'q', KEY.left]) {
      await app.press(back);
      frame = await until(app.frame, (f) => f.includes('30 papers'));
      expect(cursorRow(frame)).toContain('Title number 3');
      await app.press(KEY.enter);
    }
    expect(app.props.onQuit).not.toHaveBeenCalled();
  });

  it('reads keys that arrive in one chunk (fast typing, a paste, tmux send-keys) one by one', async () => {
    const app = await mount();
    await app.press('jj\r');
    expect(rows(app.frame())[0]).toBe('Title number 3');
    await app.press('q/zz\x7f\r');
    const frame = await until(app.frame, (f) => f.includes('filter “z”'));
    expect(rows(frame)[18]).toBe('');
  });

  it('scrolls a long paper with j/k, space and PgUp, showing where it is', async () => {
    const long = Array.from({ length: 60 }, (_, i) => `Sentence ${i + 1} of a long abstract.`).join('\n\n');
    const app = await mount({ papers: rankedPapers(3, () => ({ summary: long })) });
    await app.press(KEY.enter);
    const total = Number(/\d+–\d+\/(\d+)/.exec(app.frame())![1]);
    expect(rows(app.frame())[19]).toMatch(/^1–18\/\d+ {2}Esc back/);
    await app.press('j', 'j');
    expect(rows(app.frame())[19]).toMatch(/^3–20\//);
    await app.press(' ');
    expect(rows(app.frame())[19]).toMatch(/^20–37\//);
    await app.press(KEY.pageUp, 'k');
    expect(rows(app.frame())[19]).toMatch(/^2–19\//);
    await app.press('G');
    expect(rows(app.frame())[19]).toContain(`${total - 17}–${total}/${total}`);
    expect(app.frame()).toContain('Sentence 60 of a long abstract.');
    await app.press(KEY.pageDown);
    expect(rows(app.frame())[19]).toContain(`${total - 17}–${total}/${total}`);
  });

  it('fetches what the list lacks on demand, with a spinner in the status line', async () => {
    let finish!: (p: never) => void;
    const loadDetail = vi.fn((p) => new Promise((r) => (finish = () => r({ ...p, authors: ['Ada Lovelace', 'Alan Turing'] }))));
    const app = await mount({ loadDetail: loadDetail as never });
    await app.press(KEY.enter);
    expect(rows(app.frame())[18]).toMatch(/^[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] loading the paper…$/);
    finish(undefined as never);
    const frame = await until(app.frame, (f) => f.includes('Ada Lovelace, Alan Turing'));
    expect(rows(frame)[18]).toBe('');
    await app.press(KEY.esc, KEY.enter);
    expect(loadDetail).toHaveBeenCalledTimes(1);
  });

  it('f shows the whole paper when it can be had, and says so when not', async () => {
    const app = await mount({ loadFullText: async () => 'Introduction\n\nThe whole text of the paper.' });
    await app.press(KEY.enter, 'f');
    const frame = await until(app.frame, (f) => f.includes('The whole text of the paper.'));
    expect(frame).not.toContain('Abstract of paper 1.');
    const bare = await mount();
    await bare.press(KEY.enter, 'f');
    expect(bare.frame()).toContain('the whole paper is not available here');
  });
});

describe('keys with effects', () => {
  it('s saves and unsaves, m marks read and unread (read rows dimmed), o p c h open links through the callback', async () => {
    const app = await mount({ colorLevel: 1, papers: rankedPapers(5, (i) => (i === 0 ? { githubRepo: 'https://github.com/x/y' } : {})) });
    await app.press('s');
    await until(app.frame, (f) => f.includes('saved to the reading list'));
    expect(app.saved.has('2601.10000')).toBe(true);
    expect(rows(app.frame())[1]).toMatch(/^\x1b\[7m› ✓ +1 /);
    await app.press('s');
    await until(app.frame, (f) => f.includes('removed from the reading list'));
    expect(app.saved.size).toBe(0);
    await app.press('j', 'm');
    await until(app.frame, (f) => f.includes('marked read'));
    expect(app.props.onRead).toHaveBeenLastCalledWith('2601.10001', true);
    await app.press('k');
    // A read row is dim as a whole; an unread one only in its rank.
    expect(rows(app.frame())[2]?.startsWith('\x1b[2m')).toBe(true);
    expect(rows(app.frame())[3]?.startsWith('\x1b[2m')).toBe(false);
    await app.press('j', 'm');
    await until(app.frame, (f) => f.includes('marked unread'));
    expect(app.props.onRead).toHaveBeenLastCalledWith('2601.10001', false);
    await app.press('k', 'o', 'p', 'c', 'h');
    await until(app.frame, (f) => f.includes('opened the Hugging Face page'));
    expect(vi.mocked(app.props.onOpen).mock.calls.map(([p, l]) => `${p.id} ${l}`)).toEqual([
      '2601.10000 abs',
      '2601.10000 pdf',
      '2601.10000 code',
      '2601.10000 hf',
    ]);
    await app.press('j', 'c');
    expect(app.frame()).toContain('no code known for this paper');
    expect(app.props.onOpen).toHaveBeenCalledTimes(4);
  });

  it('a rejected or throwing callback shows its message in the status line, and the reader goes on', async () => {
    const app = await mount({
      onOpen: async () => {
        throw new Error('no browser \x1b[31mhere\x1b[0m');
      },
      onToggleSave: () => {
        throw new Error('reading list locked');
      },
    });
    await app.press('o');
    const frame = await until(app.frame, (f) => f.includes('✗ no browser here'));
    expect(frame).toContain('Title number 1');
    await app.press('s');
    await until(app.frame, (f) => f.includes('✗ reading list locked'));
    await app.press('j');
    expect(cursorRow(app.frame())).toContain('Title number 2');
  });

  it('[ and ] load the previous and next day; r refreshes keeping the cursor on its paper', async () => {
    const onDay = vi.fn(async (delta: -1 | 1) => ({ title: `day ${delta}`, papers: rankedPapers(4, (i) => ({ title: `Day ${delta} paper ${i + 1}` })) }));
    const onRefresh = vi.fn(async () => ({
      title: 'fresh',
      papers: rankedPapers(6)
        .reverse()
        .map((p, i) => ({ ...p, rank: i + 1 })),
    }));
    const app = await mount({ onDay, onRefresh });
    await app.press(']');
    await until(app.frame, (f) => f.startsWith('day 1 · 4 papers'));
    await app.press('[');
    await until(app.frame, (f) => f.startsWith('day -1 · 4 papers') && f.includes('Day -1 paper 1'));
    expect(onDay.mock.calls).toEqual([[1], [-1]]);
    await app.press('j', 'r');
    const frame = await until(app.frame, (f) => f.startsWith('fresh'));
    expect(cursorRow(frame)).toContain('Title number 2');
    const none = await mount();
    await none.press(']');
    expect(none.frame()).toContain('[ and ] move between days on day lists');
  });

  it('q quits with 0, Ctrl-C with 130, and ? shows the keys', async () => {
    const app = await mount();
    await app.press('?');
    expect(app.frame()).toContain('filter as you type');
    await app.press(KEY.esc);
    await until(app.frame, (f) => f.includes('30 papers'));
    await app.press('q');
    expect(app.props.onQuit).toHaveBeenLastCalledWith(0);
    await app.press(KEY.ctrlC);
    expect(app.props.onQuit).toHaveBeenLastCalledWith(130);
  });
});

describe('size and hostile text', () => {
  it('reflows at once when resized: every line fits, nothing wraps; below 60x15 it says the terminal is too small', async () => {
    const papers = rankedPapers(30, (i) => ({ title: `一个很长的标题 with words ${'and more words '.repeat(6)} ${i}` })).map((p) => ({
      ...p,
      watches: ['watch'],
    }));
    const app = await mount({ papers }, { columns: 100, rows: 20 });
    for (const [columns, height] of [
      [60, 15],
      [73, 30],
      [140, 16],
    ] as const) {
      resize(app.stdout, columns, height);
      const frame = await until(app.frame, (f) => rows(f).length === height);
      for (const line of rows(frame)) expect(widthOf(line)).toBeLessThanOrEqual(columns);
      expect(rows(frame)[1]).toContain('…');
      await app.press(KEY.enter);
      const detail = await until(app.frame, (f) => f.includes('Abstract'));
      for (const line of rows(detail)) expect(widthOf(line)).toBeLessThanOrEqual(columns);
      await app.press(KEY.esc);
    }
    resize(app.stdout, 59, 20);
    await until(app.frame, (f) => f.startsWith('terminal too small'));
    resize(app.stdout, 80, 14);
    await until(app.frame, (f) => f.startsWith('terminal too small: 60×15 at least, this is 80×14'));
    resize(app.stdout, 80, 15);
    await until(app.frame, (f) => f.includes('30 papers'));
  });

  it('never lets escape sequences, C1 or bidi controls from the feed into a frame', async () => {
    const evil = '\x1b]52;c;cGF5bG9hZA==\x07\x1b[2J\x9b31m\u202eevil\u202c\x85 \x1bP+q\x1b\\';
    const papers = rankedPapers(3, () => ({
      title: `Title ${evil}`,
      summary: `Body ${evil}\n\nMore`,
      authors: [`Eve ${evil}`],
      keywords: [evil],
      githubRepo: `https://github.com/${evil}`,
    }));
    const app = await mount({ papers: papers.map((p) => ({ ...p, watches: [evil] })), loadFullText: async () => `Full ${evil}` });
    await app.press('/', '\u202e', KEY.enter, KEY.enter, 'f');
    await until(app.frame, (f) => f.includes('Full'));
    await app.press(KEY.esc, 'j', KEY.enter);
    for (const frame of app.frames) {
      expect(frame).not.toMatch(/[\x1b\x80-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
    }
    expect(app.frame()).toContain('Title evil');
  });
});
