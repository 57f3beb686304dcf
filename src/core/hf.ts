import { FeedError } from './errors.js';
import { linksFor, validTimestamp, type Paper } from './paper.js';
import { parseArxivId } from './ref.js';
import { quote } from './sanitize.js';
import { count, httpUrl, isObject, isoDay, oneLine, str, strings, type JsonObject } from './coerce.js';

/** A Hugging Face user handle as it may be shown (`@name`): letters, digits, `_`, `.` and `-`. */
const HANDLE = /^[A-Za-z0-9][\w.-]{0,95}$/;

/**
 * Who submitted a paper to Daily Papers, from a user object (`submittedBy` of a list item,
 * `submittedOnDailyBy` of a paper): `Full Name (@handle)`, or whichever of the two is known.
 */
function submitterOf(user: unknown): string | null {
  if (!isObject(user)) return null;
  const rawHandle = str(user.name) ?? str(user.user);
  const handle = rawHandle && HANDLE.test(rawHandle) ? rawHandle : null;
  const fullname = str(user.fullname);
  const name = fullname ? oneLine(fullname) : null;
  if (name && handle) return name === handle ? `@${handle}` : `${name} (@${handle})`;
  return name ?? (handle && `@${handle}`);
}

/**
 * One normaliser for every Hugging Face shape: a daily/search item (`{paper, title, numComments, ...}`)
 * or a flat paper object (`/api/papers/{id}`). Returns null for an item that is not a paper.
 */
export function paperFromHf(item: unknown): Paper | null {
  if (!isObject(item)) return null;
  const inner = isObject(item.paper) ? item.paper : item;
  const outer: JsonObject = inner === item ? {} : item;
  const rawId = str(inner.id)?.trim() ?? null;
  const rawTitle = str(outer.title) ?? str(inner.title);
  if (!rawId || !rawTitle) return null;
  // Ids become URLs, cache keys and row references: one that is not an arXiv id is dropped, not trusted.
  const id = parseArxivId(rawId)?.id ?? null;
  // A plain loop: a big feed has 100,000 authors, and every small array made here is garbage to collect.
  const authors: string[] = [];
  if (Array.isArray(inner.authors)) {
    for (const a of inner.authors) {
      const name = isObject(a) ? str(a.name) : str(a);
      if (name) authors.push(oneLine(name));
    }
  }
  const submitter = submitterOf(outer.submittedBy ?? inner.submittedOnDailyBy);
  const org = isObject(outer.organization) ? outer.organization : isObject(inner.organization) ? inner.organization : null;
  return {
    id,
    title: oneLine(rawTitle),
    summary: str(inner.summary) ?? str(outer.summary),
    authors,
    authorCount: authors.length,
    publishedAt: validTimestamp(str(inner.publishedAt)),
    day: isoDay(inner.submittedOnDailyAt),
    upvotes: count(inner.upvotes),
    comments: count(outer.numComments ?? inner.numComments),
    githubRepo: httpUrl(inner.githubRepo),
    githubStars: count(inner.githubStars),
    projectPage: httpUrl(inner.projectPage),
    aiSummary: str(inner.ai_summary),
    keywords: strings(inner.ai_keywords),
    organization: org ? (str(org.fullname) ?? str(org.name)) : null,
    ...linksFor(id),
    source: 'hf',
    ...(org && str(org.fullname) && str(org.name) ? { orgName: oneLine(str(org.name)!) } : {}),
    ...(submitter ? { submitter } : {}),
  };
}

/**
 * A list response of the daily or search API; items that are not papers are counted, not thrown.
 * With `consume`, each raw item is dropped from the array once read, so that a huge feed's raw
 * objects can be collected while the papers are being made (the array is the caller's own parse).
 */
export function papersFromHfList(body: unknown, what: string, consume = false): { papers: Paper[]; skipped: number } {
  if (!Array.isArray(body)) {
    const error = isObject(body) ? str(body.error) : null;
    throw new FeedError(`${what}: ${error ? `the API said: ${quote(error)}` : 'expected a JSON array of papers'}`);
  }
  const papers: Paper[] = [];
  let skipped = 0;
  for (let i = 0; i < body.length; i++) {
    const paper = paperFromHf(body[i]);
    if (consume) body[i] = undefined;
    if (paper) papers.push(paper);
    else skipped++;
  }
  return { papers, skipped };
}
