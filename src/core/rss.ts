import type { Paper } from './paper.js';
import { linksFor, withoutHfFields } from './paper.js';
import { parseArxivId } from './ref.js';
import { httpUrl, oneLine } from './coerce.js';
import { text, type XmlNode as Node } from './xml.js';

/** An arXiv listing `description`: `arXiv:<id>vN Announce Type: <type> Abstract: <text>`. */
const ANNOUNCE = /^\s*arXiv:(\S+?)(v\d+)?\s+Announce Type:\s*\S+\s*(?:Abstract:\s*)?/i;

/** The arXiv id in a listing item or entry: its link, guid/id (`oai:arXiv.org:<id>vN`), or description. */
export function arxivIdOf(...candidates: (string | null)[]): string | null {
  for (const c of candidates) {
    if (!c) continue;
    const m = /(?:arxiv\.org\/(?:abs|pdf)\/|oai:arXiv\.org:|^arXiv:)([^\s?#]+?)(?:v\d+)?(?:\.pdf)?$/i.exec(c.trim());
    const parsed = m ? parseArxivId(m[1]!) : parseArxivId(c);
    if (parsed) return parsed.id;
  }
  return null;
}

/** Authors of `dc:creator` ("A, B (MIT, USA), C"): split at commas outside parentheses, affiliations dropped. */
export function splitCreators(text: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (ch === ',' && depth === 0) {
      names.push(current);
      current = '';
      continue;
    }
    if (depth === 0 && ch !== ')') current += ch;
  }
  names.push(current);
  return names
    .map((n) => oneLine(n))
    .filter((n) => n !== '' && !/^and$/i.test(n))
    .map((n) => n.replace(/^and\s+/i, ''));
}

/** The abstract of a listing description, without its `arXiv:... Announce Type: ... Abstract:` lead. */
export function listingAbstract(description: string): string {
  return description.replace(ANNOUNCE, '').trim();
}

function isoDate(text: string | null): string | null {
  if (!text) return null;
  const t = Date.parse(text);
  return Number.isNaN(t) ? text : new Date(t).toISOString();
}

/** One RSS item (arXiv listing or any other) as a Paper; null without a title. */
export function paperFromRssItem(item: Node): Paper | null {
  const title = text(item.title);
  if (!title) return null;
  const link = text(item.link);
  const description = text(item.description);
  const id = arxivIdOf(link, text(item.guid), description);
  const creators = text(item.creator);
  const authors = creators ? splitCreators(creators) : [];
  const links = linksFor(id);
  return {
    id,
    title: oneLine(title),
    summary: description ? listingAbstract(description) || null : null,
    authors,
    authorCount: authors.length,
    publishedAt: isoDate(text(item.pubDate) ?? text(item.date)),
    ...withoutHfFields(),
    ...links,
    arxivUrl: links.arxivUrl ?? httpUrl(link),
    source: 'rss',
  };
}
