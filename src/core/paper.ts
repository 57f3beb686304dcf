import { isArxivId } from './ref.js';
import { utcDay } from './dates.js';

/** Where a paper came from. */
type Source = 'hf' | 'arxiv' | 'rss' | 'page';

/** The one model every parser produces and every renderer reads: the JSON fields of a list item, less `rank`. */
export interface Paper {
  id: string | null;
  title: string;
  summary: string | null;
  authors: string[];
  authorCount: number;
  publishedAt: string | null;
  day: string | null;
  upvotes: number | null;
  comments: number | null;
  githubRepo: string | null;
  githubStars: number | null;
  projectPage: string | null;
  aiSummary: string | null;
  keywords: string[];
  organization: string | null;
  url: string | null;
  arxivUrl: string | null;
  pdfUrl: string | null;
  source: Source;
  /** The organization's handle beside its display name (`organization`), for `--org`; not a JSON field. */
  orgName?: string;
  /** When it was saved (ISO 8601), on the reading list only: a JSON field of `papers saved`, of no other list. */
  savedAt?: string;
  /** Who put it on Daily Papers (`Full Name (@handle)`), when Hugging Face says; shown by `show`, not a JSON field. */
  submitter?: string;
  /** Its arXiv categories, the primary one first, when arXiv's Atom says; shown by `show`, not a JSON field. */
  categories?: string[];
  /** The authors' arXiv comment (pages, venue, code), when arXiv's Atom has one; shown by `show`, not a JSON field. */
  comment?: string;
}

/** A paper at its place in a list shown to the user, with the names of the watches it matches. */
export type RankedPaper = { rank: number; watches: string[] } & Paper;

/** Every JSON field in contract order; `--fields` and the renderers derive from it. */
export const FIELDS = [
  'rank',
  'id',
  'title',
  'summary',
  'authors',
  'authorCount',
  'publishedAt',
  'day',
  'upvotes',
  'comments',
  'githubRepo',
  'githubStars',
  'projectPage',
  'aiSummary',
  'keywords',
  'organization',
  'url',
  'arxivUrl',
  'pdfUrl',
  'source',
  'watches',
] as const satisfies readonly (keyof RankedPaper)[];
/** The fields of `papers saved`: every list's, and when each paper was saved. */
export const SAVED_FIELDS = [...FIELDS, 'savedAt'] as const satisfies readonly (keyof RankedPaper)[];
export type Field = (typeof SAVED_FIELDS)[number];

const HF_PAGE = 'https://huggingface.co/papers/';
const ARXIV = 'https://arxiv.org/';

/** Links derived from an arXiv id, so every source builds them the same way. */
export function linksFor(id: string | null): Pick<Paper, 'url' | 'arxivUrl' | 'pdfUrl'> {
  if (!id) return { url: null, arxivUrl: null, pdfUrl: null };
  return {
    url: isHfId(id) ? HF_PAGE + id : null,
    arxivUrl: `${ARXIV}abs/${id}`,
    pdfUrl: `${ARXIV}pdf/${id}`,
  };
}

/** The fields only Hugging Face knows, unknown: what an arXiv entry, an RSS item or a page copy lacks. */
export function withoutHfFields(): Pick<
  Paper,
  'day' | 'upvotes' | 'comments' | 'githubRepo' | 'githubStars' | 'projectPage' | 'aiSummary' | 'keywords' | 'organization'
> {
  return {
    day: null,
    upvotes: null,
    comments: null,
    githubRepo: null,
    githubStars: null,
    projectPage: null,
    aiSummary: null,
    keywords: [],
    organization: null,
  };
}

/** Hugging Face indexes new-style arXiv ids only, without a version. */
export function isHfId(id: string): boolean {
  return /^\d{4}\.\d{4,5}$/.test(id);
}

/** The YYYY-MM-DD a timestamp starts with, when that is a real calendar day; else null. */
export function validDay(value: string | null): string | null {
  const m = value === null ? null : /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return m && utcDay(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))) === m[0] ? m[0] : null;
}

/**
 * The day a paper is listed under: its Daily Papers day, else the day of `publishedAt`; only a real
 * calendar date is ever returned, since a feed's text is printed wherever a date stands.
 */
export function paperDay(p: Pick<Paper, 'day' | 'publishedAt'>): string | null {
  return validDay(p.day) ?? validDay(p.publishedAt);
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** A timestamp as it may be printed: an ISO 8601 date or date-time on a real calendar day, else null. */
export function validTimestamp(value: string | null): string | null {
  return value !== null && TIMESTAMP.test(value) && validDay(value) !== null ? value : null;
}

/**
 * A timestamp in the one form papers prints, ISO 8601 in UTC (`2026-11-26T13:54:50.000Z`), whatever
 * form its source gave (a date alone is its midnight, a time without a zone is taken as UTC); null
 * when it is not a real date.
 */
export function isoTime(value: string | null | undefined): string | null {
  const valid = value === undefined ? null : validTimestamp(value);
  if (valid === null) return null;
  const zoned = valid.length > 10 && !/(?:Z|[+-]\d{2}:?\d{2})$/.test(valid) ? `${valid}Z` : valid;
  const t = Date.parse(zoned.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isFinite(t) ? new Date(t).toISOString() : null;
}

/** Whether an id is a strict arXiv id, as a feed's is once checked, or unknown. */
function idIsChecked(id: unknown): boolean {
  return id === null || (typeof id === 'string' && isArxivId(id));
}

/**
 * Papers read back from a file (cache entries, the reading list) with every id checked again like a
 * feed's: an id that is not a strict arXiv id becomes unknown, and so do the links built from it.
 * Returns the same array when every id is good (the common case costs no copy).
 */
export function checkIds<P extends Paper>(papers: P[]): P[] {
  if (papers.every((p) => idIsChecked(p.id))) return papers;
  return papers.map((p) => (idIsChecked(p.id) ? p : { ...p, id: null, ...linksFor(null) }));
}
