import { papersFromAtomDoc } from './atom.js';
import { loadXmlParser, parseXml } from './xml.js';
import { FeedError } from './errors.js';
import { papersFromHfList, paperFromHf } from './hf.js';
import { JsonArrayItems } from './jsonItems.js';
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

/** The format to read content of this kind as; a FeedError when it cannot be read (as `from`). */
function formatOf(kind: ReturnType<typeof sniff>, what: string, from: FeedFormat | undefined): FeedFormat | 'xml' {
  const format: FeedFormat | 'xml' | null = from ?? (kind === 'json' ? 'hf' : kind === 'xml' ? 'xml' : kind === 'page' ? 'page' : null);
  if (format === null) throw unreadable(what, FOUND[kind]);
  if (from && from === 'hf' && kind !== 'json') throw unreadable(what, `${FOUND[kind]}, not Hugging Face JSON`);
  if (from && (from === 'atom' || from === 'rss') && kind !== 'xml') throw unreadable(what, `${FOUND[kind]}, not XML`);
  if (from === 'page' && kind !== 'page') throw unreadable(what, `${FOUND[kind]}, not a papers page copy`);
  return format;
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
  const body = (typeof input === 'string' ? input : new TextDecoder().decode(input)).replace(/^\ufeff/, '');
  const format = formatOf(sniff(body), what, from);
  if (format === 'hf') return fromJson(body, what);
  if (format === 'page') return { format: 'page', ...papersFromPage(body, what, today) };
  return fromXml(body, what, from === 'atom' || from === 'rss' ? from : undefined);
}

/** What a feed held, its papers having gone to the caller one by one. */
export interface FeedCount {
  format: FeedFormat;
  papers: number;
  skipped: number;
}

/** Past this size a JSON array is read item by item as it arrives; below it, one JSON.parse is simplest. */
const STREAM_MIN_BYTES = 8 * 1024 * 1024;
/** Enough bytes to hold the 4096 characters sniff() looks at for binary data. */
const HEAD_BYTES = 16 * 1024;

/**
 * parseFeed over a feed's chunks, handing each paper to `onPaper` in feed order. A JSON array past
 * 8 MiB is parsed as its chunks arrive (see jsonItems.ts), so it is never held whole; anything else
 * is collected and read by parseFeed. Binary data is refused from its first chunk (/dev/zero would
 * otherwise be read up to the size cap, which the chunks' source enforces).
 */
export async function readFeed(
  chunks: AsyncIterable<Uint8Array>,
  what: string,
  today: string,
  from: FeedFormat | undefined,
  onPaper: (paper: Paper) => void,
): Promise<FeedCount> {
  const held: Uint8Array[] = [];
  let size = 0;
  let items: JsonArrayItems | null = null;
  /** Whether the content starts as a JSON array; known once HEAD_BYTES have arrived. */
  let array: boolean | undefined;
  let head = '';
  const headDecoder = new TextDecoder();
  let count = 0;
  let papers = 0;
  const onItem = (item: unknown) => {
    count++;
    const paper = paperFromHf(item);
    if (!paper) return;
    papers++;
    onPaper(paper);
  };
  const iterator = chunks[Symbol.asyncIterator]();
  try {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      const chunk = next.value;
      if (items) {
        items.push(chunk, onItem);
        continue;
      }
      held.push(chunk);
      size += chunk.length;
      if (array === undefined) {
        // The first HEAD_BYTES as text, a character cut at the end of a chunk held back by the decoder.
        head += headDecoder.decode(chunk.subarray(0, HEAD_BYTES - (size - chunk.length)), { stream: true });
        const text = head.replace(/^\ufeff/, '');
        if (sniff(text) === 'binary') formatOf('binary', what, from);
        if (size >= HEAD_BYTES) array = text.trimStart().startsWith('[');
      }
      if (array && size >= STREAM_MIN_BYTES && (from === undefined || from === 'hf')) {
        items = new JsonArrayItems();
        for (const c of held.splice(0)) items.push(c, onItem);
      }
    }
    if (items) items.end(onItem);
  } catch (error) {
    await iterator.return?.();
    if (!(error instanceof SyntaxError)) throw error;
    throw unreadable(what, `JSON that does not parse: ${error.message}`);
  }
  if (items) {
    if (papers === 0 && count > 0) throw unreadable(what, 'a JSON array without papers');
    return { format: 'hf', papers, skipped: count - papers };
  }
  // JSON and page copies need no XML parser; anything else may be XML.
  if (sniff(head.replace(/^\ufeff/, '')) !== 'json') await loadXmlParser();
  const feed = parseFeed(concat(held, size), what, today, from);
  for (const paper of feed.papers) onPaper(paper);
  return { format: feed.format, papers: feed.papers.length, skipped: feed.skipped };
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  return all;
}
