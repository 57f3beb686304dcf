import { lazy } from '../core/lazy.js';
import { plain, type Paint } from '../render/paint.js';

/** chalk: loaded for terminal output only (a pipe never gets colour). */
const chalk = lazy('chalk', () => import('chalk'));
/** Loads chalk; await it once before the functions below make colours. */
export const loadChalk = async (): Promise<void> => void (await chalk.load());
const Chalk = (options: { level: 0 | 1 | 2 | 3 }) => new (chalk.get().Chalk)(options);

/** What only the interactive reader draws: the cursor bar, watch tags, errors in its status line. */
export interface ReaderColors {
  cursor(text: string): string;
  tag(text: string): string;
  error(text: string): string;
}

/** The reader's own colours at a level above 0. */
export function readerColors(level: 1 | 2 | 3): ReaderColors {
  const c = Chalk({ level });
  return { cursor: (t) => c.inverse(t), tag: (t) => c.magenta(t), error: (t) => c.red(t) };
}

/** The renderers' colours, from chalk at the level the terminal allows. */
export function terminalPaint(level: 0 | 1 | 2 | 3): Paint {
  if (level === 0) return plain;
  const c = Chalk({ level });
  return {
    bold: (t) => c.bold(t),
    dim: (t) => c.dim(t),
    link: (t) => c.cyan(t),
    heat: (t, n) => (n === null ? c.dim(t) : n >= 100 ? c.bold.red(t) : n >= 30 ? c.yellow(t) : n >= 10 ? c.green(t) : t),
    match: (t) => c.bold.underline(t),
  };
}

/** The styles of the full-text view (marked-terminal's style options, and ours), at the terminal's colour level. */
export function markdownStyles(level: 0 | 1 | 2 | 3) {
  const c = Chalk({ level });
  return {
    code: c.yellow,
    blockquote: c.gray.italic,
    html: c.gray,
    heading: c.bold,
    firstHeading: c.bold.underline,
    hr: c.reset,
    listitem: c.reset,
    table: c.reset,
    paragraph: c.reset,
    strong: c.bold,
    em: c.italic,
    codespan: c.yellow,
    del: c.dim.strikethrough,
    link: c.reset,
    href: c.cyan,
    dim: c.dim,
  };
}
