import { dedupe } from '../core/rank.js';
import { NetworkError, NotFoundError } from '../core/errors.js';
import { paperFromHf, papersFromHfList } from '../core/hf.js';
import { linkedFromHf, type PaperDetail } from '../core/linked.js';
import type { Paper } from '../core/paper.js';
import type { HttpClient } from './http.js';
import { getJson } from './fetchBody.js';
import { apiUrl } from './url.js';

const PAGE = 100;

/** What an answer is called in a message about its content: the server in words, not the URL. */
const answerFrom = (http: HttpClient, url: string): string => `the answer from ${http.nameOf(url)}`;
/** A guard against a server that never sends a short page. */
const MAX_PAGES = 50;

/** One page's answer, parsed. */
interface Answer {
  url: string;
  body: unknown;
}

export interface ListFetch {
  papers: Paper[];
  skipped: number;
}

/**
 * Every paper of one `daily_papers` query (date, week or month), following `p` pages until a short one.
 * With `parallel` > 1, pages are asked for in batches of that many at once (a month has a dozen pages),
 * so the wall time is about pages / parallel round trips. The next batch is asked for as soon as this
 * one's answers are in and none is short, and this one's papers are read while it is on its way.
 */
export async function fetchDailyPages(
  http: HttpClient,
  base: string,
  query: Record<string, string>,
  onPage?: (pages: number) => void,
  parallel = 1,
): Promise<ListFetch> {
  const all: Paper[][] = [];
  let skipped = 0;
  let requests = 0;
  const batchFrom = (start: number): Promise<Answer[]> =>
    Promise.all(
      Array.from({ length: parallel }, async (_, i) => {
        const url = apiUrl(base, 'daily_papers', { ...query, limit: PAGE, p: start + i });
        const body = await getJson(http, url);
        onPage?.(++requests);
        return { url, body };
      }),
    );
  let next: Promise<Answer[]> | null = batchFrom(0);
  for (let start = 0; next !== null; start += parallel) {
    const batch: Answer[] = await next;
    // A body that is not an array ends the paging too: reading it below fails with the reason, and
    // then no batch is in flight (papersFromHfList fails on nothing else).
    const short: boolean = batch.some(({ body }) => !Array.isArray(body) || body.length < PAGE);
    next = short || start + parallel >= MAX_PAGES ? null : batchFrom(start + parallel);
    for (const [i, { url, body }] of batch.entries()) {
      const got = papersFromHfList(body, answerFrom(http, url));
      all[start + i] = got.papers;
      skipped += got.skipped;
    }
  }
  return { papers: dedupe(all.flat()), skipped };
}

/** One page (0-based, 100 papers) of Hugging Face's trending list, in its order. */
export async function fetchTrendingPage(http: HttpClient, base: string, page: number): Promise<ListFetch> {
  const url = apiUrl(base, 'daily_papers', { sort: 'trending', limit: PAGE, p: page });
  const got = papersFromHfList(await getJson(http, url), answerFrom(http, url));
  return { papers: got.papers, skipped: got.skipped };
}

/** Search results of `/api/papers/search` (at most 120, no paging). */
export async function fetchSearch(http: HttpClient, base: string, q: string): Promise<ListFetch> {
  const url = apiUrl(base, 'papers/search', { q, limit: 120 });
  const got = papersFromHfList(await getJson(http, url), answerFrom(http, url));
  return { papers: dedupe(got.papers), skipped: got.skipped };
}

/** The day of the latest Daily Papers batch (the no-date call), or null when the API returns none. */
export async function fetchLatestDay(http: HttpClient, base: string): Promise<string | null> {
  const url = apiUrl(base, 'daily_papers', { limit: 1 });
  const { papers } = papersFromHfList(await getJson(http, url), answerFrom(http, url));
  return papers[0]?.day ?? null;
}

/**
 * One paper from `/api/papers/{id}`, with the models, datasets and Spaces linked to it (only this API
 * has them); null when Hugging Face has not indexed it (404), refuses the id (400), or answers with a
 * record of another paper (never trusted as the one asked for).
 */
export async function fetchHfPaper(http: HttpClient, base: string, id: string): Promise<PaperDetail | null> {
  try {
    const body = await getJson(http, apiUrl(base, `papers/${encodeURIComponent(id)}`));
    const paper = paperFromHf(body);
    return paper?.id === id ? { ...paper, linked: linkedFromHf(body) } : null;
  } catch (error) {
    if (error instanceof NetworkError && (error.status === 404 || error.status === 400)) return null;
    throw error;
  }
}

/**
 * The whole paper as markdown, `<base>/papers/<id>.md` (the site, not the API); a 404 means Hugging
 * Face has no text for it (exit 3). A body that is an HTML page is an error naming URL and status.
 */
export async function fetchPaperMarkdown(http: HttpClient, base: string, id: string): Promise<string> {
  const url = `${base.replace(/\/+$/, '')}/papers/${encodeURIComponent(id)}.md`;
  const res = await http.get(url, 'text/markdown, text/plain;q=0.9');
  if (res.status === 404) throw new NotFoundError(`Hugging Face has no full text for ${id}`, `papers open ${id} --pdf`);
  if (res.status < 200 || res.status >= 300) throw new NetworkError(`${http.nameOf(url)} answered ${res.status} for the full text`, url, res.status);
  const head = res.body.trimStart().slice(0, 100).toLowerCase();
  if (res.contentType.includes('html') || head.startsWith('<!doctype html') || head.startsWith('<html')) {
    throw new NetworkError(`${http.nameOf(url)} answered ${res.status} with an HTML page, not the paper's markdown`, url, res.status);
  }
  return res.body;
}
