import { Stats, createReadStream, readFileSync, statSync } from 'node:fs';
import { FeedError, UsageError } from '../core/errors.js';

/** Larger input than this is refused before it is read: a feed this size is a mistake, not a feed. */
const MAX_INPUT_BYTES = 256 * 1024 * 1024;

export interface Input {
  /** How errors name it: the path, or "stdin". */
  name: string;
  /** The bytes as read: a big JSON feed is parsed item by item from them, never as one string. */
  bytes: Uint8Array;
}

function tooLarge(name: string, max: number): FeedError {
  return new FeedError(`${name}: larger than ${Math.round(max / 1048576)} MiB; refused`, 'a feed is far smaller; is this the right file?');
}

/** Reads a feed from a file, or from stdin for `-` (or no argument when stdin is not a terminal). */
export async function readInput(arg: string | undefined, stdin: NodeJS.ReadStream, max = MAX_INPUT_BYTES): Promise<Input> {
  if (arg === undefined || arg === '-') {
    if (arg === undefined && stdin.isTTY) throw new UsageError('read needs a file, or - for stdin', 'papers read feed.xml, or curl ... | papers read');
    return { name: 'stdin', bytes: await readStream(stdin, 'stdin', max) };
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
  if (!stat.isFile()) return { name: arg, bytes: await readStream(createReadStream(arg), arg, max) };
  try {
    return { name: arg, bytes: readFileSync(arg) };
  } catch (error) {
    throw new FeedError(`${arg}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

/** A whole stream, refused once it passes `max` bytes (so a huge pipe never exhausts memory). */
async function readStream(stream: NodeJS.ReadableStream, name: string, max: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > max) {
      (stream as NodeJS.ReadStream).destroy?.();
      throw tooLarge(name, max);
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}
