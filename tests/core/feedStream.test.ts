import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { FeedError } from '../../src/core/errors.js';
import { parseFeed, readFeed } from '../../src/core/feed.js';
import type { FeedFormat } from '../../src/core/feedFormats.js';
import type { Paper } from '../../src/core/paper.js';
import { fixture } from '../helpers/papers.js';
import { loadXmlParser } from '../../src/core/xml.js';

beforeAll(loadXmlParser);

const TODAY = '2026-11-28';
const bytes = (s: string) => new TextEncoder().encode(s);

/** The bytes as chunks of the given size, counting how many were asked for. */
function chunked(all: Uint8Array, size: number): AsyncIterable<Uint8Array> & { asked: number } {
  const source = {
    asked: 0,
    async *[Symbol.asyncIterator]() {
      for (let at = 0; at < all.length; at += size) {
        source.asked++;
        yield all.slice(at, at + size);
      }
    },
  };
  return source;
}

async function readAll(all: Uint8Array, size: number, from?: FeedFormat) {
  const papers: Paper[] = [];
  const count = await readFeed(chunked(all, size), 'feed', TODAY, from, (p) => papers.push(p));
  return { ...count, list: papers };
}

// Past the 8 MiB threshold: the quirks fixture repeated, with distinct ids, and a broken item in each round.
const quirks = JSON.parse(fixture('hf/daily-quirks.json')) as unknown[];
const many = Array.from({ length: 9000 }, (_, i) => [
  ...quirks.map((q, j) => JSON.parse(JSON.stringify(q).replace(/2611\.00(\d)(\d\d)/g, `2611.${String(10000 + ((i * 6 + j) % 89999)).padStart(5, '0')}`))),
  ...(i % 100 === 0 ? [{ paper: { title: 'no id' } }] : []),
]).flat();
const bigText = JSON.stringify(many);

describe('readFeed', () => {
  it('a big JSON array read as it arrives gives the papers and counts of one parse of the whole', async () => {
    expect(bigText.length).toBeGreaterThan(8 * 1024 * 1024);
    const whole = parseFeed(bigText, 'feed', TODAY);
    const streamed = await readAll(bytes(bigText), 1 << 20);
    expect(streamed.format).toBe('hf');
    expect(streamed.papers).toBe(whole.papers.length);
    expect(streamed.skipped).toBe(whole.skipped);
    expect(streamed.skipped).toBe(90);
    expect(streamed.list).toEqual(whole.papers);
  });

  it('a big array cut short, or broken in the middle, is the same FeedError as a small one', async () => {
    const cut = bytes(bigText.slice(0, bigText.length - 100));
    await expect(readAll(cut, 1 << 20)).rejects.toThrow(/^feed: not a feed I can read \(JSON that does not parse/);
    const at = bigText.indexOf('},{"paper"', 5_000_000) + 1;
    const broken = bytes(`${bigText.slice(0, at)}}${bigText.slice(at)}`);
    await expect(readAll(broken, 1 << 20)).rejects.toBeInstanceOf(FeedError);
  });

  it('small feeds of every kind, in chunks of any size, read as parseFeed reads them', async () => {
    const names = ['hf/daily-quirks.json', 'hf/partly-broken.json', 'hf/paper.json', 'rss/listing.xml', 'arxiv/query-current.xml', 'page/papers-page.txt'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), fc.integer({ min: 1, max: 5000 }), async (name, size) => {
        const text = fixture(name);
        const whole = parseFeed(text, name, TODAY);
        const got = await readAll(bytes(text), size);
        expect(got).toEqual({ format: whole.format, papers: whole.papers.length, skipped: whole.skipped, list: whole.papers });
      }),
      { numRuns: 60 },
    );
  });

  it('binary data is refused from its first chunk, as /dev/zero must be', async () => {
    const zeros = {
      asked: 0,
      async *[Symbol.asyncIterator]() {
        for (;;) {
          zeros.asked++;
          yield new Uint8Array(65536);
        }
      },
    };
    await expect(readFeed(zeros, '/dev/zero', TODAY, undefined, () => undefined)).rejects.toThrow(/not a feed I can read \(binary data\)/);
    expect(zeros.asked).toBe(1);
    await expect(readFeed(chunked(new Uint8Array(100), 10), 'z', TODAY, 'hf', () => undefined)).rejects.toThrow(/binary data, not Hugging Face JSON/);
  });

  it('a character cut between chunks is not taken for binary data', async () => {
    const text = `[${JSON.stringify({ paper: { id: '2611.00001', title: '大规模 🚀 '.repeat(1500) } })}]`;
    for (const size of [1, 2, 3, 5, 4096, 16383, 20000]) expect((await readAll(bytes(text), size)).papers).toBe(1);
  });
});
