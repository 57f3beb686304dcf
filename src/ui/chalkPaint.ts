import { Chalk } from 'chalk';
import { plain, type Paint } from '../render/paint.js';

/** The renderers' colours, from chalk at the level the terminal allows. */
export function terminalPaint(level: 0 | 1 | 2 | 3): Paint {
  if (level === 0) return plain;
  const c = new Chalk({ level });
  return {
    bold: (t) => c.bold(t),
    dim: (t) => c.dim(t),
    link: (t) => c.cyan(t),
    heat: (t, n) => (n === null ? c.dim(t) : n >= 100 ? c.bold.red(t) : n >= 30 ? c.yellow(t) : n >= 10 ? c.green(t) : t),
    match: (t) => c.bold.underline(t),
  };
}
