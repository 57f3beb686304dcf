import { FeedError } from './errors.js';
import { linksFor, validTimestamp, withoutHfFields, type Paper } from './paper.js';
import { arxivIdOf, listingAbstract, splitCreators } from './rss.js';
import { httpUrl, oneLine } from './coerce.js';
import { quote } from './sanitize.js';
import { arr, attr, parseXml, text, type XmlNode as Node } from './xml.js';

/** The arXiv API answered with its error feed (one entry titled "Error"), e.g. for a malformed id. */
export class ArxivApiError extends FeedError {}

/** At most this many categories are kept of an entry (arXiv's own have a handful). */
const MAX_CATEGORIES = 20;

/** An entry's category terms, its primary category (`arxiv:primary_category`) first, each once. */
function categoriesOf(entry: Node): string[] {
  const terms = [attr(entry.primary_category, 'term'), ...arr(entry.category).map((c) => attr(c, 'term'))];
  const out: string[] = [];
  for (const term of terms) {
    const t = typeof term === 'string' ? oneLine(term) : '';
    if (t !== '' && t.length <= 40 && !out.includes(t)) out.push(t);
    if (out.length === MAX_CATEGORIES) break;
  }
  return out;
}

/** An arXiv export API entry (legacy or current format) as a Paper; null when it has no arXiv id. */
function paperFromAtomEntry(entry: Node): Paper | null {
  const links = arr(entry.link) as Node[];
  const alternate = links.find((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate');
  const id = arxivIdOf(text(entry.id), attr(alternate, 'href'));
  const title = text(entry.title);
  if (!id || !title) return null;
  // The export API names authors in <author><name>; listing feeds may use dc:creator instead.
  let authors = arr(entry.author)
    .map((a) => text((a as Node).name))
    .filter((n): n is string => !!n)
    .map(oneLine);
  const creator = text(entry.creator);
  if (authors.length === 0 && creator) authors = splitCreators(creator);
  const pdf = links.find((l) => attr(l, 'title') === 'pdf' || attr(l, 'type') === 'application/pdf');
  const summary = text(entry.summary);
  const categories = categoriesOf(entry);
  const comment = text(entry.comment);
  return {
    id,
    title: oneLine(title),
    summary: summary ? unwrap(listingAbstract(summary)) || null : null,
    authors,
    authorCount: authors.length,
    publishedAt: validTimestamp(text(entry.published)),
    ...withoutHfFields(),
    ...linksFor(id),
    pdfUrl: (pdf && httpUrl(attr(pdf, 'href'))?.replace(/^http:/, 'https:')) || linksFor(id).pdfUrl,
    source: 'arxiv',
    ...(categories.length > 0 ? { categories } : {}),
    ...(comment && /\S/.test(comment) ? { comment: oneLine(comment) } : {}),
  };
}

/** Legacy abstracts are hard-wrapped at ~80 columns with indentation: one paragraph, single spaces. */
export function unwrap(abstract: string): string {
  return abstract
    .split(/\n\s*\n/)
    .map((para) => oneLine(para))
    .filter(Boolean)
    .join('\n\n');
}

/** The entries of an arXiv Atom feed (export API or listing). An API error (one entry titled "Error") is a FeedError. */
export function papersFromAtom(xml: string, what: string): { papers: Paper[]; skipped: number } {
  return papersFromAtomDoc(parseXml(xml, what), what);
}

/** The entries of an already parsed Atom document. */
export function papersFromAtomDoc(doc: Node, what: string): { papers: Paper[]; skipped: number } {
  const feed = doc.feed as Node | undefined;
  if (!feed || typeof feed !== 'object') throw new FeedError(`${what}: not an Atom feed`);
  const entries = arr(feed.entry) as Node[];
  if (entries.length === 1 && text(entries[0]!.title) === 'Error') {
    throw new ArxivApiError(`${what}: arXiv said: ${quote(text(entries[0]!.summary) ?? 'error', 200)}`);
  }
  const papers: Paper[] = [];
  let skipped = 0;
  for (const entry of entries) {
    const paper = paperFromAtomEntry(entry);
    if (paper) papers.push(paper);
    else skipped++;
  }
  return { papers, skipped };
}
