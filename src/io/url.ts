import { EXIT, PapersError } from '../core/errors.js';

/**
 * `<base>/api/<path>?<query>`: a base may carry a path prefix; both APIs (Hugging Face, arXiv) are
 * addressed so. The API path always goes into the base's path: a query the base carries is kept (our
 * parameters win on a clash), a fragment is dropped (it is never sent anyway).
 */
export function apiUrl(base: string, path: string, query: Record<string, string | number> = {}): string {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    url = new URL('invalid:');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new PapersError('the API base URL (PAPERS_API_URL or PAPERS_ARXIV_URL) is not an http or https URL', EXIT.usage, 'unset it to use the real APIs');
  }
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/api/${path}`;
  url.hash = '';
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, String(v));
  return url.href;
}

/** A base's origin and path, without a trailing slash, query or fragment; null when it is not a URL. */
function prefixOf(base: string): string | null {
  try {
    const url = new URL(base);
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return null;
  }
}

/**
 * What a request is to, in words, for messages: "arXiv" for arXiv's export API, "Hugging Face" for
 * anything under its base, else the host. The arXiv API is told first, as both may share a server.
 */
export function serviceNamer(hfBase: string, arxivBase: string): (url: string) => string {
  const arxiv = prefixOf(arxivBase);
  const hf = prefixOf(hfBase);
  return (url) => {
    if (arxiv && url.startsWith(`${arxiv}/api/query`)) return 'arXiv';
    if (hf && (url === hf || url.startsWith(`${hf}/`))) return 'Hugging Face';
    try {
      return new URL(url).host;
    } catch {
      return 'the server';
    }
  };
}
