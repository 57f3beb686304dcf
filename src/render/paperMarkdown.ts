import type { Linked } from '../core/linked.js';
import { LINKED_KINDS } from '../core/linked.js';
import { paperDay, type Paper } from '../core/paper.js';
import { sanitizeBlock, sanitizeLine } from '../core/sanitize.js';
import { escapeMarkdown } from './markdown.js';

/** A link whose destination cannot end early or break the line: `<...>` with `<`, `>` and white space encoded. */
const link = (label: string, url: string) => `[${escapeMarkdown(label)}](<${sanitizeLine(url).replace(/[<>\s]/g, encodeURIComponent)}>)`;

/** `papers show --format markdown`: one paper as a markdown section, every feed string escaped. */
export function renderPaperMarkdown(paper: Paper, linked: Linked | null): string {
  const out: string[] = [];
  const title = escapeMarkdown(paper.title);
  // The Hugging Face page only for a record Hugging Face gave (show asks it first: arXiv's means it has none).
  const page = paper.source === 'hf' ? paper.url : paper.arxivUrl;
  out.push(`## ${page ? `[${title}](${page})` : title}`, '');
  const facts: string[] = [];
  if (paper.authors.length > 0) facts.push(`**Authors:** ${paper.authors.map(escapeMarkdown).join(', ')}`);
  const day = paperDay(paper);
  const line = [
    paper.id ? `arXiv:${escapeMarkdown(paper.id)}` : null,
    day,
    paper.upvotes !== null ? `${paper.upvotes} upvotes` : null,
    paper.comments !== null ? `${paper.comments} comments` : null,
  ].filter(Boolean);
  if (line.length > 0) facts.push(line.join(' · '));
  if (paper.organization) facts.push(`**Organization:** ${escapeMarkdown(paper.organization)}`);
  const candidates: [string, string | null][] = [
    ['arXiv', paper.arxivUrl],
    ['PDF', paper.pdfUrl],
    ['Code', paper.githubRepo],
    ['Project', paper.projectPage],
  ];
  const links = candidates.filter((l): l is [string, string] => l[1] !== null).map(([label, url]) => link(label, url));
  if (links.length > 0) facts.push(`**Links:** ${links.join(' · ')}`);
  // Two trailing spaces: a line break inside one paragraph.
  if (facts.length > 0) out.push(facts.join('  \n'), '');
  if (linked) {
    for (const { kind, list, total } of LINKED_KINDS) {
      const repos = linked[list];
      if (repos.length === 0) continue;
      out.push(
        `**${kind[0]!.toUpperCase()}${kind.slice(1)} (${linked[total] ?? repos.length}):** ${repos
          .slice(0, 5)
          .map((r) => link(r.id, r.url))
          .join(', ')}`,
        '',
      );
    }
  }
  if (paper.aiSummary) out.push(`> **AI summary:** ${escapeMarkdown(paper.aiSummary)}`, '');
  if (paper.summary) {
    for (const para of sanitizeBlock(paper.summary)
      .split(/\n\s*\n/)
      .filter((p) => p.trim() !== ''))
      out.push(escapeMarkdown(para), '');
  }
  if (paper.keywords.length > 0) out.push(`**Keywords:** ${paper.keywords.map(escapeMarkdown).join(', ')}`, '');
  return `${out.join('\n').trimEnd()}\n`;
}
