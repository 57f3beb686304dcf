import { paperDay, type RankedPaper } from '../core/paper.js';
import { sanitizeBlock, sanitizeLine } from '../core/sanitize.js';

// XML 1.0 cannot carry C0 controls (other than tab and line breaks), lone surrogates, U+FFFE or U+FFFF,
// even as character references. The sanitiser removes escape sequences, the C0/C1 and bidi controls;
// this removes what is left that XML forbids.
const NOT_XML = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFFFE\uFFFF]/g;
const SPECIAL = /[&<>"']/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Feed text as XML character data or an attribute value: cleaned for the terminal and for XML 1.0, escaped. */
export function xmlText(text: string, block = false): string {
  const clean = (block ? sanitizeBlock(text) : sanitizeLine(text)).replace(NOT_XML, '');
  return clean.replace(SPECIAL, (c) => ENTITY[c]!);
}

/** `<name>text</name>`, text cleaned and escaped. */
export function element(name: string, text: string, block = false): string {
  return `<${name}>${xmlText(text, block)}</${name}>`;
}

/** What names the list in a feed: its title, a web page for it (if any), and when it was made. */
export interface FeedMeta {
  title: string;
  link: string | null;
  updated: Date;
}

/** The page an entry points at: Hugging Face's, else arXiv's; null for a paper without an id. */
export function entryLink(p: RankedPaper): string | null {
  return p.url ?? p.arxivUrl;
}

/** The paper's day (its Daily Papers day, else its publication day) at midnight UTC; null when it has none. */
export function entryDate(p: RankedPaper): Date | null {
  const day = paperDay(p);
  return day ? new Date(`${day}T00:00:00Z`) : null;
}

/** The entry's text: the abstract, else the AI summary. */
export function entrySummary(p: RankedPaper): string | null {
  return p.summary ?? p.aiSummary;
}

/** A stable id for a paper with no page (a page copy's paper): a hash of its title. */
export function titleUrn(title: string): string {
  // FNV-1a, 32 bits: stable across runs and machines, no crypto module in a pure renderer.
  let h = 0x811c9dc5;
  for (let i = 0; i < title.length; i++) {
    h ^= title.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `urn:papers:title:${h.toString(16).padStart(8, '0')}`;
}
