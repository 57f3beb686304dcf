import type { Paper } from './paper.js';
import { isArxivId } from './ref.js';
import { httpUrl } from './coerce.js';

/**
 * The one check of a Paper read back from disk (a cache entry, the reading list): every field of the
 * model with the type the parsers give it. A file in the cache or config directory may have been
 * written by anyone, so a value that is valid JSON of the wrong type (`authors: [1]`, an escape
 * sequence as `upvotes` or `day`) must fail here rather than reach a renderer. The optional fields
 * `show` prints (submitter, categories, comment) are checked when present; other extra fields are
 * allowed (they are not shown).
 */
export function isPaper(value: unknown): value is Paper {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const p = value as Record<string, unknown>;
  return (
    isId(p.id) &&
    typeof p.title === 'string' &&
    textOrNull(p.summary) &&
    isStrings(p.authors) &&
    typeof p.authorCount === 'number' &&
    Number.isSafeInteger(p.authorCount) &&
    p.authorCount >= 0 &&
    textOrNull(p.publishedAt) &&
    (p.day === null || (typeof p.day === 'string' && DAY.test(p.day))) &&
    countOrNull(p.upvotes) &&
    countOrNull(p.comments) &&
    linkOrNull(p.githubRepo) &&
    countOrNull(p.githubStars) &&
    linkOrNull(p.projectPage) &&
    textOrNull(p.aiSummary) &&
    isStrings(p.keywords) &&
    textOrNull(p.organization) &&
    linkOrNull(p.url) &&
    linkOrNull(p.arxivUrl) &&
    linkOrNull(p.pdfUrl) &&
    typeof p.source === 'string' &&
    SOURCES.has(p.source) &&
    (p.submitter === undefined || typeof p.submitter === 'string') &&
    (p.categories === undefined || isStrings(p.categories)) &&
    (p.comment === undefined || typeof p.comment === 'string')
  );
}

/** An array of valid papers (a cached list). */
export function isPaperList(value: unknown): value is Paper[] {
  return Array.isArray(value) && value.every(isPaper);
}

/** A day as the parsers store it (`YYYY-MM-DD`), or null: the cached answer to "the latest day". */
export function isDayOrNull(value: unknown): value is string | null {
  return value === null || (typeof value === 'string' && DAY.test(value));
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const SOURCES = new Set(['hf', 'arxiv', 'rss', 'page']);

function isId(value: unknown): boolean {
  return value === null || (typeof value === 'string' && isArxivId(value));
}

function textOrNull(value: unknown): boolean {
  return value === null || typeof value === 'string';
}

function countOrNull(value: unknown): boolean {
  return value === null || (typeof value === 'number' && Number.isInteger(value));
}

/**
 * A plain http(s) link: the common case, checked without building a URL (a cached month has thousands).
 * As a pattern's text too: a lean read (core/leanList.ts) drops only the links this takes.
 */
export const PLAIN_LINK_PATTERN = "https?://[\\w.-]+(?::\\d+)?(?:/[\\w.~%!$&'()*+,;=:@/-]*)?";
const PLAIN_LINK = new RegExp(`^${PLAIN_LINK_PATTERN}$`);

function linkOrNull(value: unknown): boolean {
  // At least what the parsers accept as a link (coerce.httpUrl), so that nothing they store fails here.
  return value === null || (typeof value === 'string' && (PLAIN_LINK.test(value) || httpUrl(value) !== null));
}

function isStrings(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  // Indexed, not for-of: before V8 optimises this, each step of an iterator is a new object (~170 KB
  // of garbage for the 336 papers of a `papers new`).
  for (let i = 0; i < value.length; i++) if (typeof value[i] !== 'string') return false;
  return true;
}
