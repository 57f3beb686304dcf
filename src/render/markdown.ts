import { paperDay, type RankedPaper } from '../core/paper.js';
import { sanitizeLine } from '../core/sanitize.js';

/** Text that renders as itself in Markdown, inside a table cell and a link label. */
export function escapeMarkdown(text: string): string {
  return sanitizeLine(text)
    .replace(/[\\`*_{}[\]()#+!|~<>]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;');
}

/** `--format markdown`: a table with the title linked to its Hugging Face page, upvotes and day. */
export function* renderMarkdown(papers: readonly RankedPaper[]): Generator<string> {
  yield '| # | Paper | Upvotes | Day |\n';
  yield '|---:|---|---:|---|\n';
  for (const p of papers) {
    const title = escapeMarkdown(p.title);
    // The URL is built from a checked id; a paper without one is listed unlinked.
    const cell = p.url ? `[${title}](${p.url})` : title;
    const day = paperDay(p) ?? '';
    yield `| ${p.rank} | ${cell} | ${p.upvotes ?? ''} | ${day} |\n`;
  }
}
