import { lazy } from '../core/lazy.js';
import type { ChalkInstance } from 'chalk';
import { FULL_TEXT_STYLES } from '../render/fullText.js';
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

type StyleName = keyof typeof FULL_TEXT_STYLES;
type Attribute = (typeof FULL_TEXT_STYLES)[StyleName][number];

/** The styles of the full-text view (render/fullText.ts FULL_TEXT_STYLES), as chalk styles at the terminal's colour level. */
export function markdownStyles(level: 0 | 1 | 2 | 3): Record<StyleName, ChalkInstance> {
  const c = Chalk({ level });
  const chain = (attributes: readonly Attribute[]) => attributes.reduce<ChalkInstance>((style, a) => style[a], c);
  const styles = {} as Record<StyleName, ChalkInstance>;
  for (const name of Object.keys(FULL_TEXT_STYLES) as StyleName[]) styles[name] = chain(FULL_TEXT_STYLES[name]);
  return styles;
}
