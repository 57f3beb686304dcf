import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FeedError, UsageError } from '../../src/core/errors.js';
import { openInput } from '../../src/io/input.js';
import { tempDirs } from '../helpers/cli.js';

let dirs: ReturnType<typeof tempDirs>;
beforeEach(() => (dirs = tempDirs()));
afterEach(() => dirs.cleanup());

const MiB = 1024 * 1024;
const noStdin = () => {
  throw new Error('stdin was not to be opened');
};
const stdinOf =
  (data: Buffer, tty = false) =>
  () =>
    Object.assign(Readable.from([data.subarray(0, data.length >> 1), data.subarray(data.length >> 1)]), { isTTY: tty }) as unknown as NodeJS.ReadStream;

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for await (const c of chunks) out.push(c);
  return out;
}

describe('openInput', () => {
  it('reads a file in chunks of at most 256 KiB that add up to the file', async () => {
    const file = path.join(dirs.root, 'feed.json');
    const data = Buffer.alloc(3 * MiB + 5, 'x');
    writeFileSync(file, data);
    const chunks = await collect(openInput(file, noStdin).chunks);
    expect(chunks.length).toBe(13);
    expect(Math.max(...chunks.map((c) => c.length))).toBe(MiB / 4);
    expect(Buffer.concat(chunks).equals(data)).toBe(true);
  });

  it('refuses a file over the cap before reading, and a stream once it passes the cap', async () => {
    const file = path.join(dirs.root, 'big.json');
    writeFileSync(file, Buffer.alloc(2 * MiB));
    expect(() => openInput(file, noStdin, MiB)).toThrow(/big\.json: larger than 1 MiB; refused/);
    const input = openInput('-', stdinOf(Buffer.alloc(2 * MiB)), MiB);
    await expect(collect(input.chunks)).rejects.toThrow(/stdin: larger than 1 MiB; refused/);
    await expect(collect(openInput('-', stdinOf(Buffer.alloc(MiB)), MiB).chunks)).resolves.toHaveLength(2);
  });

  it('says what is wrong with a path before anything is read; a terminal on stdin needs a file', () => {
    expect(() => openInput(path.join(dirs.root, 'nope.json'), noStdin)).toThrow(/nope\.json: no such file/);
    mkdirSync(path.join(dirs.root, 'dir'));
    expect(() => openInput(path.join(dirs.root, 'dir'), noStdin)).toThrow(FeedError);
    expect(() => openInput(undefined, stdinOf(Buffer.alloc(1), true))).toThrow(UsageError);
    expect(openInput(undefined, stdinOf(Buffer.from('[]'))).name).toBe('stdin');
  });
});
