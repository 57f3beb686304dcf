/**
 * The little LaTeX that abstracts carry, made readable for the abstract view: `\$` → `$`, `\%` → `%`,
 * a tie `~` → a space, `\emph{x}`, `\textit{x}` and `\textbf{x}` → x. Math between `$...$` (and
 * `$$...$$`) and URLs are left as written, and so is anything unbalanced (`\emph{x` without its `}`).
 * Only the view reads it: JSON and the other formats keep the source text exactly.
 */

/** A command whose argument is kept and whose markup is dropped; `{` ends the match. */
const COMMAND = /\\(?:emph|textit|textbf)\{/y;
const URL_START = /https?:\/\/|www\./y;
const NON_SPACE = /\S*/y;
/**
 * What a tie follows (`Fig.~3`, `et~al.`); `~` after a space, `(` or `/` means "about" or a home
 * directory and stays. Made at its first use: a Unicode property class costs ~0.4 ms to build, and
 * this module loads with the printing of any list, which mostly has no tie to look at.
 */
let tieBefore: RegExp | undefined;

/** The math spans of `text` as [start, end) pairs, in order; an unclosed `$` is a dollar sign, not math. */
function mathSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  // Once a closer is not found from some point, none is found from any later one: remember, so the scan stays linear.
  let noDisplay = false;
  let noInline = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c !== '$') continue;
    const display = text[i + 1] === '$';
    if (display ? noDisplay : noInline) continue;
    const close = closer(text, i + (display ? 2 : 1), display);
    if (close < 0) {
      if (display) noDisplay = true;
      else noInline = true;
      continue;
    }
    const end = close + (display ? 2 : 1);
    spans.push([i, end]);
    i = end - 1;
  }
  return spans;
}

/** Where the unescaped `$` (or `$$`) that closes a math span starts, from `from`; -1 when there is none. */
function closer(text: string, from: number, display: boolean): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '$' && (!display || text[i + 1] === '$')) return i;
  }
  return -1;
}

/** The closing brace of every balanced `{` outside math (escaped braces aside), by the opening brace's index. */
function bracePairs(text: string, inMath: Uint8Array): Map<number, number> {
  const pairs = new Map<number, number>();
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (inMath[i]) continue;
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '{') open.push(i);
    else if (c === '}' && open.length > 0) pairs.set(open.pop()!, i);
  }
  return pairs;
}

/** `text` with its light LaTeX markup made plain; text with no `\` or `~` is returned as it is. */
export function cleanLatex(text: string): string {
  if (!/[\\~]/.test(text)) return text;
  const inMath = new Uint8Array(text.length);
  for (const [start, end] of mathSpans(text)) inMath.fill(1, start, end);
  const pairs = bracePairs(text, inMath);
  const dropped = new Set<number>();
  let out = '';
  let urlEnd = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (dropped.has(i)) continue;
    if (inMath[i] || i < urlEnd) {
      out += c;
      continue;
    }
    URL_START.lastIndex = i;
    if ((c === 'h' || c === 'w') && URL_START.test(text)) {
      NON_SPACE.lastIndex = i;
      NON_SPACE.test(text);
      urlEnd = NON_SPACE.lastIndex;
      out += c;
      continue;
    }
    if (c === '\\') {
      const next = text[i + 1];
      if (next === '$' || next === '%') {
        out += next;
        i++;
        continue;
      }
      COMMAND.lastIndex = i;
      const brace = COMMAND.test(text) ? COMMAND.lastIndex - 1 : -1;
      const close = brace < 0 ? undefined : pairs.get(brace);
      if (close !== undefined) {
        dropped.add(close);
        i = brace;
        continue;
      }
      // Any other escape stays as written, both characters (so `\\` does not escape what follows it).
      out += c + (next ?? '');
      i++;
      continue;
    }
    if (c === '~' && i > 0 && (tieBefore ??= /[\p{L}\p{N}.,;:)\]}]/u).test(text[i - 1]!) && /\S/.test(text[i + 1] ?? '')) {
      out += ' ';
      continue;
    }
    out += c;
  }
  return out;
}
