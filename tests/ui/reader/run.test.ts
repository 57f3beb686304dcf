import { EventEmitter } from 'node:events';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadRenderers } from '../../helpers/renderers.js';
import { runReader } from '../../../src/ui/reader/run.js';
import { ENTER, LEAVE, paintFirstFrame } from '../../../src/ui/reader/screen.js';
import type { ReaderProps } from '../../../src/ui/reader/props.js';
import { KEY, rankedPapers } from './harness.js';

beforeAll(loadRenderers);

/** A terminal as ink sees it: a TTY stdin in raw mode, a stdout with a size, and a process for signals. */
function terminal() {
  const written: string[] = [];
  const stdout = Object.assign(new EventEmitter(), { isTTY: true, columns: 80, rows: 20, write: (s: string) => (written.push(s), true) });
  const raw: boolean[] = [];
  let data: string | null = null;
  const stdin = Object.assign(new EventEmitter(), {
    isTTY: true,
    setRawMode: (on: boolean) => raw.push(on),
    setEncoding() {},
    resume() {},
    pause() {},
    ref() {},
    unref() {},
    read: () => ((d) => ((data = null), d))(data),
  });
  const type = (s: string) => {
    data = s;
    stdin.emit('readable');
  };
  const proc = new EventEmitter();
  const streams = { stdin, stdout, stderr: stdout, process: proc } as never;
  return { streams, written, raw, type, proc, screen: () => written.join('') };
}

const props = (extra: Partial<ReaderProps> = {}): Omit<ReaderProps, 'onQuit'> => ({
  title: 'Daily Papers 2026-01-05',
  papers: rankedPapers(5),
  isSaved: () => false,
  onOpen: () => {},
  onToggleSave: () => true,
  ...extra,
});

async function drawn(t: ReturnType<typeof terminal>, text: string) {
  for (let i = 0; i < 200 && !t.screen().includes(text); i++) await new Promise((r) => setTimeout(r, 5));
  expect(t.screen()).toContain(text);
}

describe('runReader', () => {
  it('enters the alternate screen and on q leaves it, shows the cursor, turns raw mode off, and exits 0', async () => {
    const t = terminal();
    const done = runReader(props(), t.streams);
    await drawn(t, 'Title number 1');
    expect(t.screen().startsWith(ENTER)).toBe(true);
    expect(t.raw).toContain(true);
    t.type('q');
    expect(await done).toBe(0);
    expect(t.screen().endsWith(LEAVE)).toBe(true);
    expect(t.raw.at(-1)).toBe(false);
    expect(t.proc.listenerCount('SIGTERM') + t.proc.listenerCount('exit')).toBe(0);
  });

  it('Ctrl-C exits 130 and SIGTERM 143, each giving the terminal back', async () => {
    const a = terminal();
    const first = runReader(props(), a.streams);
    await drawn(a, 'Title number 1');
    a.type(KEY.ctrlC);
    expect(await first).toBe(130);
    expect(a.screen().endsWith(LEAVE)).toBe(true);
    const b = terminal();
    const second = runReader(props(), b.streams);
    await drawn(b, 'Title number 1');
    b.proc.emit('SIGTERM');
    expect(await second).toBe(143);
    expect(b.screen().endsWith(LEAVE)).toBe(true);
    expect(b.raw.at(-1)).toBe(false);
  });

  it('a crash while drawing gives the terminal back and rethrows, with no stack on the screen', async () => {
    const t = terminal();
    const isNew = vi.fn(() => {
      throw new Error('store exploded');
    });
    await expect(runReader(props({ isNew }), t.streams)).rejects.toThrow('store exploded');
    expect(t.screen().endsWith(LEAVE)).toBe(true);
    expect(t.screen()).not.toContain('at ');
  });

  it('a rejected callback is a line in the status bar, and the reader stays', async () => {
    const t = terminal();
    const done = runReader(props({ onOpen: async () => Promise.reject(new Error('network down')) }), t.streams);
    await drawn(t, 'Title number 1');
    t.type('o');
    await drawn(t, '✗ network down');
    t.type('q');
    expect(await done).toBe(0);
  });
});

/** What a terminal shows of some output: escape sequences dropped, lines without their trailing blanks. */
const shown = (text: string) =>
  text
    .replace(/\x1b\[[?0-9;]*[A-Za-z]/g, '')
    .split(/\r?\n/)
    .map((l) => l.trimEnd());

describe('the first frame, painted before ink is loaded', () => {
  it('is the frame ink then draws over it, the screen taken and raw mode on from the start', async () => {
    for (const colorLevel of [0, 3] as const) {
      const t = terminal();
      const p = props({ colorLevel, isNew: (id) => id.endsWith('1'), onDay: async () => ({ title: 'x', papers: [] }) });
      const painted = paintFirstFrame(p, t.streams);
      expect(t.written).toHaveLength(1);
      expect(t.written[0]!.startsWith(ENTER)).toBe(true);
      expect(t.raw).toEqual([true]);
      const done = runReader(p, t.streams, painted);
      await drawn(t, '\x1b[?2026l');
      const inks = t.screen().slice(t.written[0]!.length);
      expect(inks.startsWith('\x1b[?2026h\x1b[H\x1b[2J'), 'ink draws on a cleared screen, in one update').toBe(true);
      expect(inks).not.toContain(ENTER);
      const first = shown(t.written[0]!);
      expect(first).toHaveLength(20);
      expect(first.join('\n')).toContain('[ ] day');
      expect(shown(inks.slice(0, inks.indexOf('\x1b[?2026l')))).toEqual(first);
      if (colorLevel === 3) expect(t.written[0]).toMatch(/\x1b\[7m/);
      t.type('q');
      expect(await done).toBe(0);
      expect(t.screen().endsWith(LEAVE)).toBe(true);
      expect(t.raw.at(-1)).toBe(false);
    }
  });

  it('a SIGTERM before ink is ready ends the reader with 143 and gives the terminal back, ink drawing nothing', async () => {
    const t = terminal();
    const painted = paintFirstFrame(props(), t.streams);
    t.proc.emit('SIGTERM');
    expect(await runReader(props(), t.streams, painted)).toBe(143);
    expect(t.screen()).not.toContain('\x1b[?2026h');
    expect(t.screen().endsWith(LEAVE)).toBe(true);
    expect(t.raw.at(-1)).toBe(false);
    expect(t.proc.listenerCount('SIGTERM') + t.proc.listenerCount('exit')).toBe(0);
  });
});
