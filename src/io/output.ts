import { writeSync } from 'node:fs';
import { PapersError } from '../core/errors.js';

const BATCH = 64 * 1024;

/** Where data goes: stdout as a stream (a terminal) or as a raw file descriptor (pipes and files). */
export interface Output {
  /**
   * Writes text; resolves false once the reader has gone (EPIPE), after which nothing more is written.
   * Any other failure (a full disk, /dev/full, an I/O error) rejects with a PapersError (exit 1):
   * half a document must never look like success.
   */
  write(text: string): Promise<boolean>;
}

/** The error for a failed write to stdout, or null for EPIPE (the reader went away: not an error). */
function writeError(error: unknown): PapersError | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EPIPE') return null;
  const why =
    code === 'ENOSPC' ? 'no space left on the device' : code === 'EIO' ? 'an I/O error' : code === 'EDQUOT' ? 'disk quota exceeded' : (code ?? String(error));
  return new PapersError(`could not write the output: ${why}`, 1, 'the output is incomplete');
}

/** A stream, with backpressure; a reader that went away (`| head -1`) ends the output quietly. */
export function streamOutput(stream: NodeJS.WritableStream): Output {
  let closed = false;
  let failure: PapersError | null = null;
  // The listener stays, so that an error arriving later cannot crash the process.
  stream.on('error', (error) => {
    closed = true;
    failure ??= writeError(error);
  });
  return {
    async write(text) {
      if (failure) throw failure;
      if (closed) return false;
      if (!stream.write(text)) {
        await new Promise<void>((resolve) => {
          const done = () => {
            clearInterval(poll);
            stream.off('drain', done);
            stream.off('close', done);
            resolve();
          };
          // An EPIPE ends the wait too: 'drain' never comes after the reader is gone.
          const poll = setInterval(() => closed && done(), 50);
          stream.on('drain', done);
          stream.on('close', done);
        });
      }
      // A failed write is reported on the next tick: wait for it, so that the last write is checked too.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (failure) throw failure;
      return !closed;
    },
  };
}

const wait = new Int32Array(new SharedArrayBuffer(4));

/** Writes all of `data` to a descriptor, synchronously; a full non-blocking pipe (EAGAIN) is waited out, any other error thrown. */
function writeAllSync(fd: number, data: Buffer): void {
  let offset = 0;
  while (offset < data.length) {
    try {
      offset += writeSync(fd, data, offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(wait, 0, 0, 2);
    }
  }
}

/**
 * A file descriptor written synchronously. For pipes and files this skips creating process.stdout,
 * whose stream machinery costs ~5 ms at every start. A full non-blocking pipe (EAGAIN) is waited out;
 * a reader that went away (EPIPE) ends the output quietly; any other error rejects (exit 1).
 */
export function fdOutput(fd: number): Output {
  let closed = false;
  return {
    async write(text) {
      if (closed) return false;
      try {
        writeAllSync(fd, Buffer.from(text));
      } catch (error) {
        closed = true;
        const failure = writeError(error);
        if (failure) throw failure;
        return false;
      }
      return true;
    },
  };
}

/**
 * stderr as a descriptor, for a pipe or a file: the messages without creating process.stderr (~2.5 ms
 * at a start that prints a note). A failed write is dropped, as a stream's would be: there is
 * nowhere left to say it.
 */
export function fdMessages(fd: number): { write(text: string): void } {
  return {
    write(text) {
      try {
        writeAllSync(fd, Buffer.from(text));
      } catch {
        // stderr is gone (EPIPE) or broken: nothing to tell
      }
    },
  };
}

/** Writes chunks in batches; resolves false when the reader closed early. */
export async function writeChunks(out: Output, chunks: Iterable<string>): Promise<boolean> {
  let buffer = '';
  for (const chunk of chunks) {
    buffer += chunk;
    if (buffer.length >= BATCH) {
      if (!(await out.write(buffer))) return false;
      buffer = '';
    }
  }
  return buffer === '' || out.write(buffer);
}
