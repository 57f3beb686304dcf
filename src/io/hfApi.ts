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

/** A turn of the event loop. */
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export interface PagingOptions {
  /** Pages in flight at once (a month has a dozen pages); 1 by default. */
  parallel?: number;
  /** Called with the number of pages in so far, just before each page is read. */
  onPage?: (pages: number) => void;
  /** Called once, the first time the paging waits for an answer with a page already read (all its requests out). */
  whileWaiting?: () => void;
}

/**
 * Every paper of one `daily_papers` query (date, week or month), following `p` pages until a short one.
 * With `parallel` > 1, up to that many pages are in flight at once (a month has a dozen): a sliding
 * window, so that page k + parallel is asked for as soon as pages 0 to k are in and full, without
 * waiting for the rest of a batch; the wall time is about pages / parallel round trips. Pages are
 * read (made papers) in order, each once the requests its answer allowed are on their sockets: the
 * reading overlaps the round trips. At most parallel - 1 pages are asked for past the short one (as a
 * batch of pages would); they are cancelled when the paging ends, their answers or failures dropped.
 */
export async function fetchDailyPages(
  http: HttpClient,
  base: string,
  query: Record<string, string>,
  { parallel = 1, onPage, whileWaiting }: PagingOptions = {},
): Promise<ListFetch> {
  const answers: (Promise<Answer> | null)[] = [];
  /** Whether each page that is in holds a full page of papers. */
  const full: boolean[] = [];
  /** Pages 0 to this one are in and full. */
  let fullThrough = -1;
  /** A page is in that is short (or not a list): nothing past it is asked for. */
  let short = false;
  /** Requests that may still be made: one per answer in, so never more than `parallel` in flight. */
  let free = parallel;
  /** Answers in whose follow-up requests are still to be asked for (a turn after the answer). */
  let settling = 0;
  /** A request was asked for since the reader last looked (undici writes it a turn later). */
  let asked = false;
  const cancel = new AbortController();
  const askMore = (): void => {
    const upTo = Math.min(fullThrough + 1 + parallel, MAX_PAGES);
    while (free > 0 && !short && !cancel.signal.aborted && answers.length < upTo) {
      free--;
      ask(answers.length);
    }
  };
  const ask = (p: number): void => {
    asked = true;
    const url = apiUrl(base, 'daily_papers', { ...query, limit: PAGE, p });
    const answer = getJson(http, url, cancel.signal).then((body) => {
      full[p] = Array.isArray(body) && body.length >= PAGE;
      if (!full[p]) short = true;
      while (full[fullThrough + 1] === true) fullThrough++;
      // A turn later: undici can reuse this answer's connection only from then on (it would open
      // another one for a request asked for now: a TLS handshake against the real server).
      settling++;
      setImmediate(() => {
        settling--;
        free++;
        askMore();
      });
      return { url, body };
    });
    // A page past the short one may fail unread: its failure is dropped, never unhandled.
    answer.catch(() => undefined);
    answers.push(answer);
  };
  const pages: Paper[][] = [];
  let skipped = 0;
  askMore();
  try {
    for (let page = 0; page < answers.length; page++) {
      // Waiting, with the requests out: the time to load what comes after the paging.
      if (page > 0 && full[page] === undefined && whileWaiting) {
        whileWaiting();
        whileWaiting = undefined;
      }
      const { url, body } = await answers[page]!;
      answers[page] = null;
      // The network first: every request the answers in so far allow is asked for (a turn after its
      // answer) and written (undici writes a request on a reused connection a turn after it is asked
      // for, once it has checked the idle socket); then this page, 100 papers, is read.
      while (settling > 0 || asked) {
        asked = false;
        await turn();
      }
      onPage?.(page + 1);
      const got = papersFromHfList(body, answerFrom(http, url));
      pages.push(got.papers);
      skipped += got.skipped;
      // A body that is not an array ends the paging too: reading it above failed with the reason.
      if (!full[page]) break;
    }
  } finally {
    // Pages still in flight (past the short one, or after a failure) are not needed any more.
    cancel.abort();
  }
  return { papers: dedupe(pages.flat()), skipped };
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
