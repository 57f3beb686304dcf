import { factsOf, frameLines, sizeOf } from './frame.js';
import { readerPaint } from './paint.js';
import type { ReaderProps } from './props.js';
import { initialState } from './state.js';

/** Alternate screen on, cursor home; and back: cursor shown, alternate screen off. */
export const ENTER = '\x1b[?1049h\x1b[H\x1b[2J';
export const LEAVE = '\x1b[?25h\x1b[?1049l';
const HIDE_CURSOR = '\x1b[?25l';

/** The terminal the reader takes: its keys, its screen, and the process whose signals it watches. */
export interface ReaderStreams {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  process: Pick<NodeJS.Process, 'on' | 'off'>;
}

/** The screen as painted before ink ran: whether a SIGTERM came meanwhile, and the watch to end. */
export interface Painted {
  terminated(): boolean;
  /** Stops watching for SIGTERM (the reader watches from then on). */
  release(): void;
}

/** Raw mode off and the alternate screen left, cursor shown. */
export function giveBack(streams: Pick<ReaderStreams, 'stdin' | 'stdout'>): void {
  if (streams.stdin.isTTY) streams.stdin.setRawMode?.(false);
  streams.stdout.write(LEAVE);
}

/**
 * The reader's first frame, painted before ink and React are loaded (they take longer than the list
 * did): the screen is taken and the list drawn as the reader's first frame draws it (frameLines), raw
 * mode on, so that keys typed meanwhile wait, unechoed, for the reader. A SIGTERM meanwhile is kept
 * for runReader, whose first frame then replaces this one. Throws before it takes the terminal.
 */
export function paintFirstFrame(props: Omit<ReaderProps, 'onQuit'>, streams: ReaderStreams): Painted {
  let terminated = false;
  const term = () => void (terminated = true);
  streams.process.on('SIGTERM', term);
  try {
    const { columns, rows } = sizeOf(streams.stdout);
    const lines = frameLines(initialState(props.title, props.papers, columns, rows), {
      paint: readerPaint(props.colorLevel ?? 0),
      facts: factsOf(props),
      status: null,
      spin: 0,
      days: Boolean(props.onDay),
      body: () => [],
    });
    if (streams.stdin.isTTY) streams.stdin.setRawMode?.(true);
    streams.stdout.write(`${ENTER}${HIDE_CURSOR}${lines.join('\n')}`);
  } catch (error) {
    streams.process.off('SIGTERM', term);
    throw error;
  }
  return { terminated: () => terminated, release: () => void streams.process.off('SIGTERM', term) };
}
