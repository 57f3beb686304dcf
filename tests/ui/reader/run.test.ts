import { EventEmitter } from 'node:events';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadRenderers } from '../../helpers/renderers.js';
import { ENTER, LEAVE, runReader } from '../../../src/ui/reader/run.js';
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
