/**
 * The items of a top-level JSON array, parsed one by one from the bytes, so that a huge feed never
 * exists as one string and one parsed tree at once: each item's raw objects can be collected as soon
 * as it is made a paper. The scanner only finds where each item starts and ends (strings and nesting
 * respected); JSON.parse still reads every item. Returns null when the bytes are not a well-formed
 * array of that shape, so the caller can fall back to one JSON.parse and its error message.
 */
export function* jsonArrayItems(bytes: Uint8Array): Generator<unknown, void, undefined> {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let i = skipSpace(bytes, 0);
  if (bytes[i] === 0xef && bytes[i + 1] === 0xbb && bytes[i + 2] === 0xbf) i = skipSpace(bytes, i + 3);
  if (bytes[i] !== 0x5b /* [ */) throw new SyntaxError('not an array');
  i = skipSpace(bytes, i + 1);
  if (bytes[i] === 0x5d /* ] */) {
    if (skipSpace(bytes, i + 1) !== bytes.length) throw new SyntaxError('data after the array');
    return;
  }
  for (;;) {
    const start = i;
    i = valueEnd(bytes, i);
    yield JSON.parse(decoder.decode(bytes.subarray(start, i)));
    i = skipSpace(bytes, i);
    if (bytes[i] === 0x2c /* , */) {
      i = skipSpace(bytes, i + 1);
      continue;
    }
    if (bytes[i] === 0x5d && skipSpace(bytes, i + 1) === bytes.length) return;
    throw new SyntaxError(`unexpected byte at ${i}`);
  }
}

function skipSpace(b: Uint8Array, i: number): number {
  while (i < b.length && (b[i] === 0x20 || b[i] === 0x0a || b[i] === 0x0d || b[i] === 0x09)) i++;
  return i;
}

/** The index just past the JSON value starting at `i`. */
function valueEnd(b: Uint8Array, i: number): number {
  let depth = 0;
  for (; i < b.length; i++) {
    const c = b[i];
    if (c === 0x22 /* " */) {
      for (i++; i < b.length && b[i] !== 0x22; i++) if (b[i] === 0x5c /* \ */) i++;
      if (i >= b.length) break;
      if (depth === 0) return i + 1;
    } else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) {
      if (depth === 0) return i;
      if (--depth === 0) return i + 1;
    } else if (depth === 0 && (c === 0x2c || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09)) return i;
  }
  if (depth === 0 && i === b.length) return i;
  throw new SyntaxError('unexpected end of data');
}
