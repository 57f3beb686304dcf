import React from 'react';
import { render } from 'ink-testing-library';
import { vi } from 'vitest';
import type { Paper, RankedPaper } from '../../../src/core/paper.js';
import type { ReaderProps } from '../../../src/ui/reader/props.js';
import { Reader } from '../../../src/ui/reader/Reader.js';
import { makePaper } from '../../helpers/papers.js';

/** Key bytes as a terminal sends them. */
export const KEY = {
  up: '\x1b[A',
  down: '\x1b[B',
  left: '\x1b[D',
  enter: '\r',
  esc: '\x1b',
  pageDown: '\x1b[6~',
  pageUp: '\x1b[5~',
  backspace: '\x7f',
  ctrlC: '\x03',
} as const;

/** `n` ranked papers with abstracts and keywords, ids 2601.100NN. */
export function rankedPapers(n: number, extra: (i: number) => Partial<Paper> = () => ({})): RankedPaper[] {
  return Array.from({ length: n }, (_, i) => ({
    rank: i + 1,
    watches: [],
    ...makePaper(`2601.${String(10000 + i)}`, {
      title: `Title number ${i + 1}`,
      summary: `Abstract of paper ${i + 1}.`,
      upvotes: 100 - i,
      keywords: [`kw${i + 1}`],
      ...extra(i),
    }),
  }));
}

/** Resolves once `check` holds for the last frame (ink renders after the event loop turns). */
export async function until(get: () => string | undefined, check: (frame: string) => boolean, what = 'frame'): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const frame = get() ?? '';
    if (check(frame)) return frame;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`no ${what} came; the last frame was:\n${get()}`);
}

/** Mounts the reader at a size with fake callbacks that record what they are asked. */
export async function mount(overrides: Partial<ReaderProps> = {}, size = { columns: 80, rows: 20 }) {
  const saved = new Set<string>();
  const read = new Set<string>();
  const props: ReaderProps = {
    title: 'Daily Papers 2026-01-05',
    papers: rankedPapers(30),
    isSaved: (id) => saved.has(id),
    isRead: (id) => read.has(id),
    onSeen: vi.fn(),
    onRead: vi.fn((id: string, r: boolean) => void (r ? read.add(id) : read.delete(id))),
    onOpen: vi.fn(),
    onToggleSave: vi.fn((p: Paper) => (saved.has(p.id!) ? (saved.delete(p.id!), false) : (saved.add(p.id!), true))),
    onQuit: vi.fn(),
    ...overrides,
  };
  const app = render(React.createElement(Reader, props));
  // The size comes from the stream and its resize events, as on a terminal.
  await new Promise((r) => setTimeout(r, 0));
  resize(app.stdout, size.columns, size.rows);
  const frame = () => app.lastFrame() ?? '';
  await until(frame, (f) => f.split('\n').length === size.rows, `${size.columns}x${size.rows} frame`);
  /**
   * Types keys one event at a time, and after each waits for the frames it causes to be drawn: ink
   * draws after the event loop turns, and a busy machine may take a while. A key that changes
   * nothing on screen just waits out the short settle time.
   */
  const press = async (...keys: string[]) => {
    const tick = () => new Promise((r) => setTimeout(r, 5));
    for (const k of keys) {
      const before = app.frames.length;
      app.stdin.write(k);
      for (let i = 0; i < 60 && app.frames.length === before; i++) await tick();
      for (let seen = -1; seen !== app.frames.length;) {
        seen = app.frames.length;
        await tick();
        await tick();
      }
    }
  };
  return { ...app, frame, press, props, saved, read };
}

/** Sets the fake terminal's size and tells the reader, as a terminal's SIGWINCH does. */
export function resize(stdout: NodeJS.EventEmitter, columns: number, rows: number): void {
  Object.defineProperty(stdout, 'columns', { value: columns, configurable: true });
  Object.defineProperty(stdout, 'rows', { value: rows, configurable: true });
  stdout.emit('resize');
}
