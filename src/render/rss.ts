import type { RankedPaper } from '../core/paper.js';
import { element, entryDate, entryLink, entrySummary, titleUrn, xmlText, type FeedMeta } from './xml.js';

const HOME = 'https://huggingface.co/papers';

/** `--format rss`: the list as an RSS 2.0 channel, one item per paper; authors as `dc:creator`. */
export function* renderRss(papers: readonly RankedPaper[], meta: FeedMeta): Generator<string> {
  const updated = meta.updated.toUTCString();
  yield '<?xml version="1.0" encoding="utf-8"?>\n';
  yield '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel>\n';
  yield `  ${element('title', meta.title)}\n`;
  // RSS requires a channel link and description.
  yield `  ${element('link', meta.link ?? HOME)}\n`;
  yield `  ${element('description', meta.title)}\n`;
  yield `  <lastBuildDate>${updated}</lastBuildDate>\n  <generator>papers</generator>\n`;
  for (const p of papers) yield item(p);
  yield '</channel>\n</rss>\n';
}

function item(p: RankedPaper): string {
  const link = entryLink(p);
  const lines = [element('title', p.title)];
  if (link) lines.push(element('link', link), `<guid isPermaLink="true">${xmlText(link)}</guid>`);
  else lines.push(`<guid isPermaLink="false">${titleUrn(p.title)}</guid>`);
  const date = entryDate(p);
  if (date) lines.push(`<pubDate>${date.toUTCString()}</pubDate>`);
  if (p.authors.length > 0) lines.push(element('dc:creator', p.authors.join(', ')));
  const summary = entrySummary(p);
  if (summary) lines.push(element('description', summary, true));
  for (const k of p.keywords) lines.push(element('category', k));
  return `  <item>\n${lines.map((l) => `    ${l}\n`).join('')}  </item>\n`;
}
