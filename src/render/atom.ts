import type { RankedPaper } from '../core/paper.js';
import { element, entryDate, entryLink, entrySummary, titleUrn, xmlText, type FeedMeta } from './xml.js';

/** `--format atom`: the list as an Atom 1.0 feed (RFC 4287), one entry per paper. */
export function* renderAtom(papers: readonly RankedPaper[], meta: FeedMeta): Generator<string> {
  const updated = meta.updated.toISOString();
  yield '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n';
  yield `  ${element('title', meta.title)}\n`;
  yield `  ${element('id', meta.link ?? titleUrn(meta.title))}\n`;
  if (meta.link) yield `  <link rel="alternate" type="text/html" href="${xmlText(meta.link)}"/>\n`;
  yield `  <updated>${updated}</updated>\n  <generator>papers</generator>\n`;
  for (const p of papers) yield entry(p, updated);
  yield '</feed>\n';
}

function entry(p: RankedPaper, feedUpdated: string): string {
  const link = entryLink(p);
  const date = entryDate(p)?.toISOString() ?? null;
  const lines = [element('id', link ?? titleUrn(p.title)), element('title', p.title)];
  if (link) lines.push(`<link rel="alternate" type="text/html" href="${xmlText(link)}"/>`);
  if (p.pdfUrl) lines.push(`<link rel="related" type="application/pdf" title="PDF" href="${xmlText(p.pdfUrl)}"/>`);
  if (date) lines.push(`<published>${date}</published>`);
  // Atom wants an `updated` on every entry: the paper's day, else the feed's time.
  lines.push(`<updated>${date ?? feedUpdated}</updated>`);
  // ... and an author on every entry; a source that gives only a count says so.
  const names = p.authors.length > 0 ? p.authors : [p.authorCount > 0 ? `${p.authorCount} authors` : 'Unknown'];
  for (const name of names) lines.push(`<author>${element('name', name)}</author>`);
  const summary = entrySummary(p);
  if (summary) lines.push(`<summary type="text">${xmlText(summary, true)}</summary>`);
  for (const k of p.keywords) lines.push(`<category term="${xmlText(k)}"/>`);
  return `  <entry>\n${lines.map((l) => `    ${l}\n`).join('')}  </entry>\n`;
}
