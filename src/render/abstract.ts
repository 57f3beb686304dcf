import { httpUrl } from '../core/coerce.js';
import type { Linked } from '../core/linked.js';
import { isoTime, validDay, type Paper } from '../core/paper.js';
import { sanitizeBlock, sanitizeLine } from '../core/sanitize.js';
import { PROSE_WIDTH } from './fullText.js';
import { renderLinked } from './linked.js';
import { cleanLatex } from './latex.js';
import type { Paint } from './paint.js';
import { widthOf, wrap } from './text.js';
import { plural } from '../core/plural.js';

export interface AbstractOptions {
  width: number;
  paint: Paint;
  /** The models, datasets and Spaces built on it, when the paper API told. */
  linked?: Linked;
}

/**
 * `papers show`: one paper in full, every line within `width` and its text within PROSE_WIDTH (as
 * the full text's prose); feed text sanitised, the abstract's light LaTeX made plain (cleanLatex).
 */
export function renderAbstract(paper: Paper, { width, paint, linked }: AbstractOptions): string[] {
  const w = Math.max(20, width);
  const prose = Math.min(w, PROSE_WIDTH);
  const out: string[] = [];
  const para = (text: string, style: (s: string) => string = (s) => s, indent = '') => {
    for (const line of wrap(sanitizeLine(text), prose - indent.length)) out.push(indent + style(line));
  };

  para(paper.title, paint.bold);
  if (paper.authors.length > 0) para(paper.authors.join(', '), paint.dim);
  else if (paper.authorCount > 0) out.push(paint.dim(plural(paper.authorCount, 'author')));

  const facts: string[] = [];
  if (paper.id) facts.push(`arXiv:${sanitizeLine(paper.id)}`);
  const day = validDay(paper.day);
  if (day) facts.push(`Daily Papers ${day}`);
  // The day in UTC, as `--json` gives publishedAt whatever zone the source wrote it in.
  const published = validDay(isoTime(paper.publishedAt));
  if (published) facts.push(`published ${published}`);
  if (paper.upvotes !== null) facts.push(paint.heat(`▲ ${paper.upvotes}`, paper.upvotes));
  if (paper.comments !== null) facts.push(plural(paper.comments, 'comment'));
  out.push('');
  // Facts wrap between items, never inside one ("Daily Papers 2026-11-23" stays together).
  let line = '';
  for (const fact of facts) {
    if (line !== '' && widthOf(line) + 3 + widthOf(fact) > prose) {
      out.push(line);
      line = fact;
    } else line = line === '' ? fact : `${line} · ${fact}`;
  }
  if (line !== '') out.push(line);
  if (paper.organization) para(`Organization: ${paper.organization}`);
  if (typeof paper.submitter === 'string') para(`Submitted by ${paper.submitter}`);
  if (Array.isArray(paper.categories) && paper.categories.length > 0) para(`Categories: ${paper.categories.join(', ')}`);
  if (typeof paper.comment === 'string') para(`Comment: ${cleanLatex(paper.comment)}`);

  // Every link as its normalised URL, so what is shown is what a terminal (or `open`) would open; the
  // Hugging Face page only for a record Hugging Face gave (show asks it first: arXiv's means it has none).
  const code = httpUrl(paper.githubRepo);
  const links: [string, string | null][] = [
    ['Hugging Face', paper.source === 'hf' ? httpUrl(paper.url) : null],
    ['arXiv', httpUrl(paper.arxivUrl)],
    ['PDF', httpUrl(paper.pdfUrl)],
    ['Code', code && (paper.githubStars !== null ? `${code} (★ ${paper.githubStars})` : code)],
    ['Project', httpUrl(paper.projectPage)],
  ];
  const shown = links.filter((l): l is [string, string] => l[1] !== null);
  if (shown.length > 0) {
    out.push('');
    const pad = Math.max(...shown.map(([k]) => k.length)) + 2;
    for (const [label, url] of shown) {
      // URLs are never wrapped: a terminal can only open one that stays on one line.
      out.push(`${paint.dim(label.padEnd(pad))}${paint.link(sanitizeLine(url))}`);
    }
  }
  if (linked) out.push(...renderLinked(linked, w, paint));

  if (paper.aiSummary) {
    out.push('', paint.bold('AI summary'));
    para(cleanLatex(paper.aiSummary));
  }
  if (paper.keywords.length > 0) {
    out.push('');
    para(`Keywords: ${paper.keywords.join(', ')}`);
  }
  out.push('', paint.bold('Abstract'));
  if (!paper.summary) out.push(paint.dim('(no abstract known)'));
  else {
    const paragraphs = sanitizeBlock(cleanLatex(paper.summary))
      .split(/\n\s*\n/)
      .filter((p) => p.trim() !== '');
    paragraphs.forEach((p, i) => {
      if (i > 0) out.push('');
      para(p);
    });
  }
  return out;
}
