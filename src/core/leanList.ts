import { PLAIN_LINK_PATTERN } from './validPaper.js';

/**
 * A cached list read lean: without what a table or TSV of the usual columns never reads, for a list
 * whose output, filters and watches read none of it (needsWholePapers in core/listOptions.ts): every
 * paper's abstract, author list and links (HF page, arXiv abstract, PDF). They are three quarters of a
 * day's entry, and decoding, parsing and keeping them was the largest part of `papers new` over two
 * weeks of cached days.
 *
 * The abstracts go first, from the entry's bytes before they are decoded (the most bytes): every
 * `"summary":"…"` string becomes `null`, and the bytes are compacted in place. In valid JSON a `"`
 * inside a string is always escaped, so `,"summary":"` or `{"summary":"` can only be that key with a
 * string value, never text inside another string (a title quoting `"summary":"` holds
 * `\"summary\":\"`). Then the author lists and links go from the decoded text, by two regular
 * expressions (the engine's own loop: one step per author in JavaScript cost more than it saved).
 *
 * Only what a whole read would take is dropped: a string that is not valid JSON (a raw control
 * character, an unknown escape) and a link that is not a plain http(s) link stay where they are, for
 * JSON.parse and the entry checks to judge. So a corrupt or planted entry is set aside, or not, the
 * same whether a list reads it lean or whole.
 */
const KEY = Buffer.from('"summary":"', 'latin1');
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const BRACE = 0x7b;
const NULL = Buffer.from('null', 'latin1');
/**
 * A JSON string's content as JSON.stringify writes it: no quote, no control character, only JSON's
 * escapes. Unrolled: one backtracking step per escape, not per character.
 */
const CONTENT = '[^"\\\\\\x00-\\x1f]*(?:\\\\(?:["\\\\/bfnrt]|u[\\dA-Fa-f]{4})[^"\\\\\\x00-\\x1f]*)*';
const VALID_CONTENT = new RegExp(`^${CONTENT}$`);

/** Whether the bytes between `open` and `close` (a string's quotes) are valid JSON content; so long a string that the check overflows is not. */
function validContent(view: Buffer, open: number, close: number): boolean {
  try {
    // latin1: one character a byte; a UTF-8 sequence's bytes are all 0x80 and above, so never a control or a backslash.
    return VALID_CONTENT.test(view.toString('latin1', open + 1, close));
  } catch {
    return false;
  }
}

/** Replaces every abstract in `bytes[0, length)` with `null`, in place; returns the new length. */
export function dropAbstracts(bytes: Buffer, length: number): number {
  const view = bytes.subarray(0, length);
  let read = 0;
  let write = 0;
  for (;;) {
    const at = view.indexOf(KEY, read);
    if (at === -1) break;
    const open = at + KEY.length - 1;
    const close = closingQuote(view, open);
    if (close === -1) break;
    const before = at > 0 ? view[at - 1] : -1;
    // Not at a key's place, a string shorter than `null` (which could not be written in its room), or not
    // valid JSON (left for JSON.parse to refuse): kept.
    if ((before === COMMA || before === BRACE) && close - open + 1 >= NULL.length && validContent(view, open, close)) {
      write += view.copy(view, write, read, open);
      write += NULL.copy(view, write);
    } else {
      write += view.copy(view, write, read, close + 1);
    }
    read = close + 1;
  }
  write += view.copy(view, write, read, length);
  return write;
}

/** The index of the quote that ends the string opened at `open`, or -1: the first quote after an even run of backslashes. */
function closingQuote(view: Buffer, open: number): number {
  for (let from = open + 1; ;) {
    const quote = view.indexOf(QUOTE, from);
    if (quote === -1) return -1;
    let slashes = 0;
    while (view[quote - 1 - slashes] === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return quote;
    from = quote + 1;
  }
}

/** A valid JSON string: anything else is not dropped, and JSON.parse refuses it. */
const STRING = `"${CONTENT}"`;
const AUTHORS = new RegExp(`([,{])"authors":\\[(?:${STRING}(?:,${STRING})*)?\\]`, 'g');
/** A link the entry checks take without parsing it as a URL; any other is left to them. (A plain link has nothing JSON escapes.) */
const LINKS = new RegExp(`([,{])"(url|arxivUrl|pdfUrl)":"${PLAIN_LINK_PATTERN}"(?=[,}])`, 'g');

/**
 * An entry's text with every author list `[]` and every link `null`. A string of megabytes (which no
 * feed has, but a planted file may) overflows the expressions' backtracking: the text is then read
 * as it is, whole.
 */
export function dropAuthorsAndLinks(text: string): string {
  try {
    return text.replace(AUTHORS, '$1"authors":[]').replace(LINKS, '$1"$2":null');
  } catch (error) {
    if (error instanceof RangeError) return text;
    throw error;
  }
}
