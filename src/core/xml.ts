import type { XMLParser } from 'fast-xml-parser';
import { FeedError } from './errors.js';
import { lazy } from './lazy.js';
import { FEED_HINT } from './feedFormats.js';
import { quote } from './sanitize.js';

/** A parsed XML element: attributes as `@name`, text as `#text`, namespace prefixes removed. */
export type XmlNode = Record<string, unknown>;

/** fast-xml-parser: loaded only by the paths that read XML (arXiv answers, Atom and RSS feeds). */
const xmlParser = lazy('fast-xml-parser', () => import('fast-xml-parser'));
/** Loads the XML parser; await it once before parseXml. */
export const loadXmlParser = async (): Promise<void> => void (await xmlParser.load());

const options = {
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
  isArray: (name: string) => ['entry', 'author', 'link', 'category', 'item'].includes(name),
};
let parser: XMLParser | undefined;

/** Parses XML text; malformed XML is a FeedError, never a crash. */
export function parseXml(xml: string, what: string): XmlNode {
  parser ??= new (xmlParser.get().XMLParser)(options);
  try {
    return parser.parse(xml, true) as XmlNode;
  } catch (error) {
    throw new FeedError(`${what}: not a feed I can read (XML that is not well-formed: ${quote((error as Error).message.split('\n')[0]!)})`, FEED_HINT);
  }
}

/** Text content of an element however the parser shaped it (string, {#text}, array of parts). */
export function text(node: unknown): string | null {
  if (node === undefined || node === null) return null;
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return text(node[0]);
  if (typeof node === 'object') return text((node as XmlNode)['#text']);
  return null;
}

export function attr(node: unknown, name: string): string | null {
  return node && typeof node === 'object' ? (((node as XmlNode)[`@${name}`] as string | undefined) ?? null) : null;
}

export function arr(node: unknown): unknown[] {
  return Array.isArray(node) ? node : node === undefined || node === null ? [] : [node];
}
