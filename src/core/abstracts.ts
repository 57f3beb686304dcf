/**
 * A cached list read without its papers' abstracts, for a list whose output, filters and watches never
 * read them (a table or TSV: see readsAbstracts in core/listOptions.ts). The abstracts are most of a
 * day's entry (~60% of its bytes), and decoding, parsing and keeping them was the largest part of
 * `papers new` over two weeks of cached days.
 *
 * Works on the entry's bytes before they are decoded: every `"summary":"…"` string becomes `null`, and
 * the bytes are compacted in place. In valid JSON a `"` inside a string is always escaped, so
 * `,"summary":"` or `{"summary":"` can only be that key with a string value, never text inside
 * another string (a title quoting `"summary":"` holds `\"summary\":\"`). Whatever comes out is parsed
 * and checked like any entry; an entry cut short stays not valid JSON, and is set aside as ever.
 */
const KEY = Buffer.from('"summary":"', 'latin1');
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const BRACE = 0x7b;
const NULL = Buffer.from('null', 'latin1');

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
    // Not at a key's place, or a string shorter than `null` (which could not be written in its room): kept.
    if ((before === COMMA || before === BRACE) && close - open + 1 >= NULL.length) {
      write += view.copy(view, write, read, open);
      write += NULL.copy(view, write);
      read = close + 1;
    } else {
      write += view.copy(view, write, read, close + 1);
      read = close + 1;
    }
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
