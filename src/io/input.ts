import { createReadStream, statSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { FeedError, UsageError } from '../core/errors.js';

/** Larger input than this is refused: a feed this size is a mistake, not a feed. */
const MAX_INPUT_BYTES = 256 * 1024 * 1024;
/**
 * A file is read this much at a time: a big feed is parsed as it arrives, never held whole. 256 KiB,
 * not 1 MiB: glibc keeps freed 1 MiB blocks, and a 40 MB read then peaked 30 MB higher.
 */
const CHUNK_BYTES = 256 * 1024;

export interface Input {
  /** How errors name it: the path, or "stdin". */
  name: string;
  /** The bytes as they are read, each chunk a buffer of its own; past the cap the iteration throws. */
  chunks: AsyncIterable<Uint8Array>;
}

function tooLarge(name: string, max: number): FeedError {
  return new FeedError(`${name}: larger than ${Math.round(max / 1048576)} MiB; refused`, 'a feed is far smaller; is this the right file?');
}

function unreadable(name: string, error: unknown): FeedError {
  return new FeedError(`${name}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
}

/**
 * A feed from a file, or from stdin for `-` (or no argument when stdin is not a terminal). What can be
 * known before reading (no such file, a directory, a file over the cap) is thrown here; the rest as
 * the chunks are read.
 */
export function openInput(arg: string | undefined, stdin: () => NodeJS.ReadStream, max = MAX_INPUT_BYTES): Input {
  if (arg === undefined || arg === '-') {
    const stream = stdin();
    if (arg === undefined && stream.isTTY) throw new UsageError('read needs a file, or - for stdin', 'papers read feed.xml, or curl ... | papers read');
    return { name: 'stdin', chunks: streamChunks(stream, 'stdin', max) };
  }
  let stat: Stats;
  try {
    stat = statSync(arg);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new FeedError(`${arg}: ${code === 'ENOENT' ? 'no such file' : `cannot read it (${code})`}`);
  }
  if (stat.isDirectory()) throw new FeedError(`${arg}: is a directory, not a feed`);
  if (stat.isFile() && stat.size > max) throw tooLarge(arg, max);
  // A device or a pipe (/dev/stdin, /dev/zero, a FIFO) is read as a stream, and refused past the cap.
  return { name: arg, chunks: stat.isFile() ? fileChunks(arg, max) : streamChunks(createReadStream(arg), arg, max) };
}

async function* fileChunks(file: string, max: number): AsyncGenerator<Uint8Array> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw unreadable(file, error);
  }
  try {
    let size = 0;
    for (;;) {
      const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
      let bytesRead: number;
      try {
        ({ bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, null));
      } catch (error) {
        throw unreadable(file, error);
      }
      if (bytesRead === 0) return;
      size += bytesRead;
      // The file may have grown since it was looked at.
      if (size > max) throw tooLarge(file, max);
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

async function* streamChunks(stream: NodeJS.ReadableStream, name: string, max: number): AsyncGenerator<Uint8Array> {
  let size = 0;
  try {
    for await (const chunk of stream) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      size += buf.length;
      if (size > max) throw tooLarge(name, max);
      yield buf;
    }
  } catch (error) {
    if (error instanceof FeedError) throw error;
    throw unreadable(name, error);
  } finally {
    (stream as NodeJS.ReadStream).destroy?.();
  }
}
