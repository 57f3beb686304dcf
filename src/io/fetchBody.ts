import { NetworkError } from '../core/errors.js';
import { isObject, str } from '../core/coerce.js';
import { quote } from '../core/sanitize.js';
import type { HttpClient, HttpResponse } from './http.js';

/** What a body looks like when it is not what we asked for, for the error line. */
function bodyKind(res: HttpResponse, expected: 'JSON' | 'XML'): string {
  const head = res.body.trimStart().slice(0, 200).toLowerCase();
  if (head === '') return 'an empty body';
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || res.contentType.includes('html')) return 'an HTML page';
  return `a body that is not valid ${expected}`;
}

function statusError(name: string, res: HttpResponse, said: string | null): NetworkError {
  return new NetworkError(`${name} answered ${res.status}${said ? `: ${quote(said)}` : ''}`, res.url, res.status);
}

/**
 * GET a JSON document; a non-2xx status or a body that is not JSON is a NetworkError naming the server
 * and status. `cancel` drops the request (see HttpClient.get).
 */
export async function getJson(http: HttpClient, url: string, cancel?: AbortSignal): Promise<unknown> {
  const res = await http.get(url, 'application/json', cancel);
  let body: unknown;
  let parsed = true;
  try {
    body = JSON.parse(res.body);
  } catch {
    parsed = false;
  }
  if (res.status < 200 || res.status >= 300) throw statusError(http.nameOf(url), res, parsed && isObject(body) ? str(body.error) : null);
  if (!parsed) throw new NetworkError(`${http.nameOf(url)} answered ${res.status} with ${bodyKind(res, 'JSON')}, not JSON`, url, res.status);
  return body;
}

/** GET an XML document as text; a non-2xx status or an HTML page is a NetworkError naming the server and status. */
export async function getXml(http: HttpClient, url: string): Promise<string> {
  const res = await http.get(url, 'application/atom+xml, application/xml;q=0.9, */*;q=0.1');
  if (res.status < 200 || res.status >= 300) throw statusError(http.nameOf(url), res, null);
  const head = res.body.trimStart().slice(0, 100).toLowerCase();
  if (!head.startsWith('<') || head.startsWith('<!doctype html') || head.startsWith('<html')) {
    throw new NetworkError(`${http.nameOf(url)} answered ${res.status} with ${bodyKind(res, 'XML')}, not XML`, url, res.status);
  }
  return res.body;
}
