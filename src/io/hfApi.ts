import { dedupe } from '../core/rank.js';
import { NetworkError } from '../core/errors.js';
import { paperFromHf, papersFromHfList } from '../core/hf.js';
import type { Paper } from '../core/paper.js';
import type { HttpClient } from './http.js';
import { getJson } from './fetchBody.js';

const PAGE = 100;
/** A guard against a server that never sends a short page. */
const MAX_PAGES = 50;

export interface ListFetch {
  papers: Paper[];
  skipped: number;
  requests: number;
}

/** `<base>/api/<path>`: a base may carry a path prefix. */
export function apiUrl(base: string, path: string, query: Record<string, string | number> = {}): string {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
  return `${base.replace(/\/+$/, '')}/api/${path}${qs ? `?${qs}` : ''}`;
}

/** Every paper of one `daily_papers` query (date, week or month), following `p` pages until a short one. */
export async function fetchDailyPages(
  http: HttpClient,
  base: string,
  query: Record<string, string>,
  onPage?: (page: number) => void,
): Promise<ListFetch> {
  const all: Paper[] = [];
  let skipped = 0;
  let page = 0;
  for (; page < MAX_PAGES; page++) {
    const url = apiUrl(base, 'daily_papers', { ...query, limit: PAGE, p: page });
    const body = await getJson(http, url);
    const got = papersFromHfList(body, url);
    all.push(...got.papers);
    skipped += got.skipped;
    onPage?.(page + 1);
    if ((Array.isArray(body) ? body.length : 0) < PAGE) break;
  }
  return { papers: dedupe(all), skipped, requests: page + 1 };
}

/** The day of the latest Daily Papers batch (the no-date call), or null when the API returns none. */
export async function fetchLatestDay(http: HttpClient, base: string): Promise<string | null> {
  const url = apiUrl(base, 'daily_papers', { limit: 1 });
  const { papers } = papersFromHfList(await getJson(http, url), url);
  return papers[0]?.day ?? null;
}


/** One paper from `/api/papers/{id}`; null when Hugging Face has not indexed it (404) or refuses the id (400). */
export async function fetchHfPaper(http: HttpClient, base: string, id: string): Promise<Paper | null> {
  try {
    return paperFromHf(await getJson(http, apiUrl(base, `papers/${encodeURIComponent(id)}`)));
  } catch (error) {
    if (error instanceof NetworkError && (error.status === 404 || error.status === 400)) return null;
    throw error;
  }
}
