import { lazy } from '../core/lazy.js';

/** string-width (~9 ms as a vendor bundle): loaded by the paths that measure text (tables, views), never by a pipe. */
const stringWidth = lazy('string-width', () => import('string-width'));
/** Loads what widthOf, truncate and wrap measure with; await it once before any of them. */
export const loadTextWidth = async (): Promise<void> => void (await stringWidth.load());

let segmenter: Intl.Segmenter | undefined;

/** Terminal cells a string takes (CJK and emoji are two); the same measure cli-table3 uses. */
export function widthOf(text: string): number {
  return stringWidth.get().default(text);
}

/** Cuts text to at most `width` cells, ending with `…` when cut; never splits a grapheme (ZWJ emoji, accents). */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  if (widthOf(text) <= width) return text;
  segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  let out = '';
  let used = 0;
  for (const { segment } of segmenter.segment(text)) {
    const w = widthOf(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return `${out.trimEnd()}…`;
}

/** The longest head of `text` that fits in `width` cells, by graphemes (at least one, so wrapping always advances). */
function fitHead(text: string, width: number): string {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  let out = '';
  let used = 0;
  for (const { segment } of segmenter.segment(text)) {
    const w = widthOf(segment);
    if (used + w > width && out !== '') break;
    out += segment;
    used += w;
  }
  return out;
}

/** Wraps one paragraph to `width` cells at spaces; a word longer than a line is split. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && widthOf(line) + 1 + widthOf(word) <= width) {
      line += ` ${word}`;
      continue;
    }
    if (line !== '') lines.push(line);
    while (widthOf(word) > width) {
      const head = fitHead(word, width);
      lines.push(head);
      word = word.slice(head.length);
    }
    line = word;
  }
  if (line !== '') lines.push(line);
  return lines;
}
