import { plain, type Paint } from '../../render/paint.js';
import { readerColors, terminalPaint, type ReaderColors } from '../chalkPaint.js';

/** The renderers' paint plus what only the reader draws. */
export interface ReaderPaint extends Paint, ReaderColors {}

const same = (text: string): string => text;

/** No colour: the cursor is then only the `›` in front of its row. */
const plainReader: ReaderPaint = { ...plain, cursor: same, tag: same, error: same };

/** The reader's colours at the level the terminal allows (0 is none). */
export function readerPaint(level: 0 | 1 | 2 | 3): ReaderPaint {
  return level === 0 ? plainReader : { ...terminalPaint(level), ...readerColors(level) };
}
