import stringWidth from 'string-width';

let segmenter: Intl.Segmenter | undefined;

/** Terminal cells a string takes (CJK and emoji are two); the same measure cli-table3 uses. */
export function widthOf(text: string): number {
  return stringWidth(text);
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
