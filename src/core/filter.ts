import { UsageError } from './errors.js';
import type { Paper } from './paper.js';

/** The content filters of every list command (and of a watch); all apply before the limit. */
export interface Filters {
  grep: RegExp[];
  exclude: RegExp[];
  minUpvotes: number | null;
  hasCode: boolean;
  /** Each must match one of the author names. */
  author: RegExp[];
  /** Each must match the organization's display name or its handle. */
  org: RegExp[];
}

export const NO_FILTERS: Filters = { grep: [], exclude: [], minUpvotes: null, hasCode: false, author: [], org: [] };

/** A `--grep`/`--exclude`/`--author`/`--org` pattern: a case-insensitive regular expression. */
export function pattern(text: string, option: string): RegExp {
  if (text === '') throw new UsageError(`${option} needs a pattern`);
  try {
    return new RegExp(text, 'i');
  } catch (error) {
    throw new UsageError(
      `${option} '${text}' is not a valid pattern: ${(error as Error).message.replace(/^Invalid regular expression: /, '')}`,
      'patterns are regular expressions; put \\ before + * ? ( ) [ ] to match them literally',
    );
  }
}

/** What `--grep` searches: title, abstract and AI keywords. */
function haystack(p: Paper): string {
  return `${p.title}\n${p.summary ?? ''}\n${p.keywords.join('\n')}`;
}

/** Whether the filters read a paper's text (title, abstract, keywords): --grep and --exclude do. */
export function readsText(f: Filters): boolean {
  return f.grep.length > 0 || f.exclude.length > 0;
}

/** Whether no filter is set, so that a list can skip filtering. */
function noFilters(f: Filters): boolean {
  return f.grep.length === 0 && f.exclude.length === 0 && f.minUpvotes === null && !f.hasCode && f.author.length === 0 && f.org.length === 0;
}

/** Whether every filter accepts the paper: all greps match, no exclude matches, enough upvotes, a code link, the authors, the organization. */
export function accepts(p: Paper, f: Filters): boolean {
  if (f.hasCode && !p.githubRepo) return false;
  if (f.minUpvotes !== null && (p.upvotes ?? -Infinity) < f.minUpvotes) return false;
  if (f.author.length > 0 && !f.author.every((re) => p.authors.some((a) => re.test(a)))) return false;
  if (f.org.length > 0) {
    const names = [p.organization, p.orgName].filter((n): n is string => typeof n === 'string');
    if (!f.org.every((re) => names.some((n) => re.test(n)))) return false;
  }
  if (!readsText(f)) return true;
  const text = haystack(p);
  return f.grep.every((re) => re.test(text)) && !f.exclude.some((re) => re.test(text));
}

/** Keeps the papers every filter accepts. */
export function filterPapers(papers: readonly Paper[], f: Filters): Paper[] {
  if (noFilters(f)) return [...papers];
  return papers.filter((p) => accepts(p, f));
}
