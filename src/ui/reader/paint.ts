import { Chalk } from 'chalk';
import { plain, type Paint } from '../../render/paint.js';
import { terminalPaint } from '../chalkPaint.js';

/** The renderers' paint plus what only the reader draws: the cursor bar, watch tags and errors. */
export interface ReaderPaint extends Paint {
  cursor(text: string): string;
  tag(text: string): string;
  error(text: string): string;
}

const same = (text: string): string => text;

/** No colour: the cursor is then only the `›` in front of its row. */
export const plainReader: ReaderPaint = { ...plain, cursor: same, tag: same, error: same };

/** The reader's colours at the level the terminal allows (0 is none). */
export function readerPaint(level: 0 | 1 | 2 | 3): ReaderPaint {
  if (level === 0) return plainReader;
  const c = new Chalk({ level });
  return { ...terminalPaint(level), cursor: (t) => c.inverse(t), tag: (t) => c.magenta(t), error: (t) => c.red(t) };
}
