/**
 * The items of a top-level JSON array, parsed one by one as its bytes arrive in chunks, so that a
 * huge feed never exists as one buffer, one string or one parsed tree: each item can be made a paper
 * and dropped before the next chunk is read. The scanner only finds where each item starts and ends
 * (strings, escapes and nesting respected, across chunk boundaries); JSON.parse still reads every
 * item. Anything JSON.parse would refuse of the whole is a SyntaxError, at the latest from `end()`.
 */
export class JsonArrayItems {
  #state: 'start' | 'first' | 'value' | 'in' | 'after' | 'done' = 'start';
  #bom = 0;
  /** Inside the current item: nesting depth, in a string, after a backslash, a bare number/literal. */
  #depth = 0;
  #inString = false;
  #escape = false;
  #scalar = false;
  /** The current item's bytes from earlier chunks. */
  #parts: Uint8Array[] = [];
  /** Bytes before the current chunk, for error positions. */
  #offset = 0;
  readonly #decoder = new TextDecoder('utf-8', { fatal: false });

  /** Scans one chunk; calls `onItem` for every item that ends in it. */
  push(chunk: Uint8Array, onItem: (item: unknown) => void): void {
    const n = chunk.length;
    let start = this.#state === 'in' ? 0 : -1;
    let nextQuote = -1;
    let nextSlash = -1;
    for (let i = 0; i < n; i++) {
      let c = chunk[i]!;
      if (this.#state === 'in') {
        // The hot loop: runs over every byte of every item.
        let end = -1;
        if (this.#scalar) {
          for (; i < n; i++) {
            c = chunk[i]!;
            if (c === 0x2c || c === 0x5d || c === 0x7d || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
              end = i;
              break;
            }
          }
        } else {
          let depth = this.#depth;
          let inString = this.#inString;
          if (this.#escape) {
            this.#escape = false;
            i++;
          }
          while (i < n) {
            if (inString) {
              // Most of a feed's bytes are in strings: jump from quote to quote (native indexOf), minding
              // the backslashes before each. Both next positions are remembered, so each byte is looked
              // at by indexOf once.
              if (nextQuote < i) nextQuote = indexOr(chunk, 0x22, i, n);
              if (nextSlash < i) nextSlash = indexOr(chunk, 0x5c, i, n);
              if (nextSlash < nextQuote) {
                i = nextSlash + 2;
                if (i > n) this.#escape = true;
                continue;
              }
              i = nextQuote + 1;
              if (nextQuote === n) break;
              inString = false;
              if (depth === 0) {
                end = i;
                break;
              }
              continue;
            }
            c = chunk[i]!;
            i++;
            if (c === 0x22) inString = true;
            else if (c === 0x7b || c === 0x5b) depth++;
            else if (c === 0x7d || c === 0x5d) {
              if (--depth === 0) {
                end = i;
                break;
              }
            }
          }
          this.#depth = depth;
          this.#inString = inString;
        }
        if (end < 0) break;
        onItem(this.#parse(chunk, start, end));
        this.#state = 'after';
        start = -1;
        // A scalar ends at the byte after it: that byte is read again as what follows the item.
        i = end - 1;
        continue;
      }
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
        if (this.#bom === 1 || this.#bom === 2) this.#fail(i);
        continue;
      }
      switch (this.#state) {
        case 'start':
          if (c === 0xef && this.#bom === 0) this.#bom = 1;
          else if (c === 0xbb && this.#bom === 1) this.#bom = 2;
          else if (c === 0xbf && this.#bom === 2) this.#bom = 3;
          else if (c === 0x5b /* [ */ && this.#bom !== 1 && this.#bom !== 2) this.#state = 'first';
          else this.#fail(i);
          break;
        case 'first':
        case 'value':
          if (c === 0x5d /* ] */ && this.#state === 'first') {
            this.#state = 'done';
            break;
          }
          if (c === 0x2c || c === 0x5d || c === 0x7d || c === 0x3a) this.#fail(i);
          this.#state = 'in';
          this.#depth = c === 0x7b || c === 0x5b ? 1 : 0;
          this.#inString = c === 0x22;
          this.#scalar = !this.#inString && this.#depth === 0;
          start = i;
          // A scalar's first byte is read again by the item loop (a digit may be all of it).
          if (this.#scalar) i--;
          break;
        case 'after':
          if (c === 0x2c /* , */) this.#state = 'value';
          else if (c === 0x5d) this.#state = 'done';
          else this.#fail(i);
          break;
        default:
          this.#fail(i);
      }
    }
    if (this.#state === 'in') this.#parts.push(chunk.slice(start < 0 ? 0 : start));
    this.#offset += n;
  }

  /** The bytes have all been pushed: throws unless they were exactly one array. */
  end(onItem: (item: unknown) => void): void {
    if (this.#state === 'in' && this.#scalar) {
      // A bare scalar at the very end cannot be a complete array; parse it for JSON.parse's message.
      onItem(this.#parse(new Uint8Array(0), 0, 0));
      this.#state = 'after';
    }
    if (this.#state !== 'done') throw new SyntaxError(`unexpected end of data at byte ${this.#offset}`);
  }

  #parse(chunk: Uint8Array, start: number, end: number): unknown {
    let bytes = chunk.subarray(start, end);
    if (this.#parts.length > 0) {
      const whole = new Uint8Array(this.#parts.reduce((sum, p) => sum + p.length, 0) + bytes.length);
      let at = 0;
      for (const p of this.#parts) {
        whole.set(p, at);
        at += p.length;
      }
      whole.set(bytes, at);
      bytes = whole;
      this.#parts = [];
    }
    return JSON.parse(this.#decoder.decode(bytes));
  }

  #fail(i: number): never {
    throw new SyntaxError(`unexpected byte at ${this.#offset + i}`);
  }
}

// The typed array's own indexOf: Buffer overrides it with one that also takes strings, at a cost per call.
const indexOf = Uint8Array.prototype.indexOf;

/** The index of `byte` from `from`, or `n` (the end) when there is none. */
function indexOr(chunk: Uint8Array, byte: number, from: number, n: number): number {
  const at = indexOf.call(chunk, byte, from);
  return at < 0 ? n : at;
}
