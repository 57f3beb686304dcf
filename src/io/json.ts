import { NetworkError } from '../core/errors.js';
import { isObject, str } from '../core/values.js';
import type { HttpClient, HttpResponse } from './http.js';

/** What a body looks like when it is not what we asked for, for the error line. */
function bodyKind(res: HttpResponse): string {
  const head = res.body.trimStart().slice(0, 200).toLowerCase();
  if (head === '') return 'an empty body';
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || res.contentType.includes('html')) return 'an HTML page';
  return 'a body that is not valid JSON';
}

/** GET a JSON document; a non-2xx status or a body that is not JSON is a NetworkError naming URL and status. */
export async function getJson(http: HttpClient, url: string): Promise<unknown> {
  const res = await http.get(url, 'application/json');
  let body: unknown;
  let parsed = true;
  try {
    body = JSON.parse(res.body);
  } catch {
    parsed = false;
  }
  if (res.status < 200 || res.status >= 300) {
    const said = parsed && isObject(body) ? str(body.error) : null;
    throw new NetworkError(`${url} answered ${res.status}${said ? `: ${said}` : ''}`, url, res.status);
  }
  if (!parsed) throw new NetworkError(`${url} answered ${res.status} with ${bodyKind(res)}, not JSON`, url, res.status);
  return body;
}
