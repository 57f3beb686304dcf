import { paperDay, type RankedPaper } from '../core/paper.js';
import { httpUrl } from '../core/coerce.js';
import { sanitizeLine } from '../core/sanitize.js';

/** Text that renders as itself in Markdown, inside a table cell and a link label. */
export function escapeMarkdown(text: string): string {
  return sanitizeLine(text)
    .replace(/[\\`*_{}[\]()#+!|~<>]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;');
}

/** A link target that stays one Markdown link inside a table cell: the normalised URL, Markdown's own characters percent-encoded. */
function markdownUrl(url: string | null): string | null {
  return httpUrl(url)?.replace(/[()[\]|\\`*_<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`) ?? null;
}

/** `--format markdown`: a table with the title linked to its Hugging Face page, upvotes and day. */
export function* renderMarkdown(papers: readonly RankedPaper[]): Generator<string> {
  yield '| # | Paper | Upvotes | Day |\n';
  yield '|---:|---|---:|---|\n';
  for (const p of papers) {
    const title = escapeMarkdown(p.title);
    // A paper without a link is listed unlinked.
    const url = markdownUrl(p.url);
    const cell = url ? `[${title}](${url})` : title;
    const day = paperDay(p) ?? '';
    yield `| ${p.rank} | ${cell} | ${p.upvotes ?? ''} | ${day} |\n`;
  }
}
