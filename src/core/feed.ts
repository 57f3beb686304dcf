import { papersFromAtomDoc } from './atom.js';
import { parseXml } from './xml.js';
import { FeedError } from './errors.js';
import { papersFromHfList, paperFromHf } from './hf.js';
import { jsonArrayItems } from './jsonItems.js';
import { looksLikePage, papersFromPage } from './page.js';
import type { Paper } from './paper.js';
import { paperFromRssItem } from './rss.js';
import { isObject } from './coerce.js';
import { quote } from './sanitize.js';

import { FEED_HINT, type FeedFormat } from './feedFormats.js';

export interface ParsedFeed {
  format: FeedFormat;
  papers: Paper[];
  skipped: number;
}

/** What the content looks like, for detection and for saying what was found instead. */
function sniff(text: string): 'json' | 'xml' | 'html' | 'page' | 'empty' | 'binary' | 'text' {
  const head = text.slice(0, 4096).trimStart();
  if (head === '') return 'empty';
  if (/[\x00-\x08\x0e-\x1f\x7f]/.test(head) || head.includes('\ufffd')) return 'binary';
  if (head.startsWith('{') || head.startsWith('[')) return 'json';
  if (/^<!doctype html|^<html[\s>]/i.test(head)) return 'html';
  if (head.startsWith('<')) return 'xml';
  return looksLikePage(text) ? 'page' : 'text';
}

const FOUND: Record<ReturnType<typeof sniff>, string> = {
  json: 'JSON',
  xml: 'XML',
  html: 'an HTML page',
  page: 'a papers page copy',
  empty: 'an empty file',
  binary: 'binary data',
  text: 'plain text without papers',
};

function unreadable(what: string, found: string): FeedError {
  return new FeedError(`${what}: not a feed I can read (${found})`, FEED_HINT);
}

function fromJson(text: string, what: string): ParsedFeed {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw unreadable(what, `JSON that does not parse: ${quote((error as Error).message)}`);
  }
  return fromJsonValue(body, what);
}

/** A parsed JSON feed; never re-serialised (a value 200,000 arrays deep parses, but JSON.stringify overflows the stack on it). */
function fromJsonValue(body: unknown, what: string): ParsedFeed {
  if (Array.isArray(body)) {
    const { papers, skipped } = papersFromHfList(body, what, true);
    if (papers.length === 0 && body.length > 0) throw unreadable(what, 'a JSON array without papers');
    return { format: 'hf', papers, skipped };
  }
  if (isObject(body)) {
    const one = paperFromHf(body);
    if (one) return { format: 'hf', papers: [one], skipped: 0 };
    for (const key of ['papers', 'items', 'results']) {
      if (Array.isArray(body[key])) return fromJsonValue(body[key], what);
    }
    throw unreadable(what, 'JSON object without papers');
  }
  throw unreadable(what, `JSON ${body === null ? 'null' : typeof body}`);
}

/** Past this size a JSON array is read item by item (see jsonItems.ts); below it, one JSON.parse is simplest. */
const STREAM_MIN_BYTES = 8 * 1024 * 1024;

/** A big daily_papers array, item by item; null when it is not well-formed, so one JSON.parse can say why. */
function fromJsonItems(bytes: Uint8Array, what: string): ParsedFeed | null {
  const papers: Paper[] = [];
  let skipped = 0;
  let count = 0;
  try {
    for (const item of jsonArrayItems(bytes)) {
      count++;
      const paper = paperFromHf(item);
      if (paper) papers.push(paper);
      else skipped++;
    }
  } catch (error) {
    if (error instanceof SyntaxError) return null;
    throw error;
  }
  if (papers.length === 0 && count > 0) throw unreadable(what, 'a JSON array without papers');
  return { format: 'hf', papers, skipped };
}

function fromXml(text: string, what: string, want?: 'atom' | 'rss'): ParsedFeed {
  const doc = parseXml(text, what);
  if (isObject(doc.feed) && want !== 'rss') return { format: 'atom', ...papersFromAtomDoc(doc, what) };
  const channel = isObject(doc.rss) ? doc.rss.channel : isObject(doc.RDF) ? doc.RDF : undefined;
  if (channel !== undefined && want !== 'atom') {
    const items = (isObject(channel) ? channel.item : undefined) ?? (isObject(doc.RDF) ? doc.RDF.item : undefined);
    const list = Array.isArray(items) ? items : items ? [items] : [];
    const papers: Paper[] = [];
    let skipped = 0;
    for (const item of list) {
      const paper = isObject(item) ? paperFromRssItem(item) : null;
      if (paper) papers.push(paper);
      else skipped++;
    }
    return { format: 'rss', papers, skipped };
  }
  // The root's name is the file's text: quoted cleaned and cut, whatever its length.
  const root = quote(Object.keys(doc).find((k) => k !== '?xml') ?? 'nothing', 40);
  throw unreadable(what, want ? `XML that is not ${want === 'atom' ? 'an Atom feed' : 'RSS'} (root <${root}>)` : `XML with root <${root}>, not Atom or RSS`);
}

/**
 * Reads any feed `papers read` knows, detected from the content (not the file name) unless `from`
 * forces a format. Broken entries are skipped and counted; an unreadable whole is a FeedError
 * saying what was expected and what was found.
 */
export function parseFeed(input: string | Uint8Array, what: string, today: string, from?: FeedFormat): ParsedFeed {
  try {
    return parseAnyFeed(input, what, today, from);
  } catch (error) {
    // A structure nested deeper than any walk of it can go is a bad feed, not a crash.
    if (error instanceof RangeError && /call stack/i.test(error.message)) throw unreadable(what, 'data nested too deeply');
    throw error;
  }
}

function parseAnyFeed(input: string | Uint8Array, what: string, today: string, from?: FeedFormat): ParsedFeed {
  if (typeof input !== 'string') {
    if (input.length >= STREAM_MIN_BYTES && (from === undefined || from === 'hf')) {
      const head = new TextDecoder()
        .decode(input.subarray(0, 64))
        .replace(/^\ufeff/, '')
        .trimStart();
      const streamed = head.startsWith('[') ? fromJsonItems(input, what) : null;
      if (streamed) return streamed;
    }
    input = new TextDecoder().decode(input);
  }
  const body = input.replace(/^\ufeff/, '');
  const kind = sniff(body);
  const format: FeedFormat | 'xml' | null = from ?? (kind === 'json' ? 'hf' : kind === 'xml' ? 'xml' : kind === 'page' ? 'page' : null);
  if (format === null) throw unreadable(what, FOUND[kind]);
  if (from && from === 'hf' && kind !== 'json') throw unreadable(what, `${FOUND[kind]}, not Hugging Face JSON`);
  if (from && (from === 'atom' || from === 'rss') && kind !== 'xml') throw unreadable(what, `${FOUND[kind]}, not XML`);
  if (from === 'page' && kind !== 'page') throw unreadable(what, `${FOUND[kind]}, not a papers page copy`);
  if (format === 'hf') return fromJson(body, what);
  if (format === 'page') return { format: 'page', ...papersFromPage(body, what, today) };
  return fromXml(body, what, from === 'atom' || from === 'rss' ? from : undefined);
}
