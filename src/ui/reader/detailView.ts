import type { Paper } from '../../core/paper.js';
import { sanitizeBlock, sanitizeLine } from '../../core/sanitize.js';
import { renderAbstract } from '../../render/abstract.js';
import { wrap } from '../../render/text.js';
import type { ReaderPaint } from './paint.js';

/** Every line of one paper as `papers show` prints it, at the reader's width. */
export function detailLines(paper: Paper, columns: number, paint: ReaderPaint): string[] {
  return renderAbstract(paper, { width: columns, paint });
}

/** The whole paper's text (`f`), sanitised and wrapped by paragraph to the width. */
export function fullTextLines(paper: Paper, text: string, columns: number, paint: ReaderPaint): string[] {
  const out = [...wrap(sanitizeLine(paper.title), columns).map((l) => paint.bold(l)), ''];
  const paragraphs = sanitizeBlock(text)
    .split(/\n\s*\n/)
    .filter((p) => p.trim() !== '');
  paragraphs.forEach((p, i) => {
    if (i > 0) out.push('');
    out.push(...wrap(p, columns));
  });
  return out;
}
