import { writeSync } from 'node:fs';

const BATCH = 64 * 1024;

/** Where data goes: stdout as a stream (a terminal) or as a raw file descriptor (pipes and files). */
export interface Output {
  /** Writes text; resolves false once the reader has gone (EPIPE), after which nothing more is written. */
  write(text: string): Promise<boolean>;
}

/** A stream, with backpressure; a reader that went away (`| head -1`) ends the output quietly. */
export function streamOutput(stream: NodeJS.WritableStream): Output {
  let closed = false;
  // Any write error means the reader is gone and nothing more can be shown; the listener stays, so
  // that an EPIPE arriving later cannot crash the process.
  stream.on('error', () => {
    closed = true;
  });
  return {
    async write(text) {
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
      return !closed;
    },
  };
}

const wait = new Int32Array(new SharedArrayBuffer(4));

/**
 * A file descriptor written synchronously. For pipes and files this skips creating process.stdout,
 * whose stream machinery costs ~5 ms at every start. A full non-blocking pipe (EAGAIN) is waited out;
 * a reader that went away (EPIPE) ends the output quietly.
 */
export function fdOutput(fd: number): Output {
  let closed = false;
  return {
    async write(text) {
      if (closed) return false;
      const data = Buffer.from(text);
      let offset = 0;
      while (offset < data.length) {
        try {
          offset += writeSync(fd, data, offset);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'EAGAIN') {
            Atomics.wait(wait, 0, 0, 2);
            continue;
          }
          closed = true;
          return false;
        }
      }
      return true;
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
