import { linkedOf, type PaperDetail } from '../../core/linked.js';
import type { Paper } from '../../core/paper.js';
import { sanitizeBlock, sanitizeLine } from '../../core/sanitize.js';
import { renderAbstract } from '../../render/abstract.js';
import { wrap } from '../../render/text.js';
import type { ReaderPaint } from './paint.js';

/**
 * Every line of one paper as `papers show` prints it, at the reader's width: with the models,
 * datasets and Spaces built on it when its lookup brought them (ids checked again, as show does).
 */
export function detailLines(paper: PaperDetail, columns: number, paint: ReaderPaint): string[] {
  const linked = linkedOf(paper);
  return renderAbstract(paper, { width: columns, paint, ...(linked ? { linked } : {}) });
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
