const BATCH = 64 * 1024;

/**
 * Writes chunks to a stream with backpressure, in batches, and stops quietly when the reader
 * has gone (EPIPE: `papers today | head -1`). Resolves false when the pipe closed early.
 */
export async function writeChunks(stream: NodeJS.WritableStream, chunks: Iterable<string>): Promise<boolean> {
  let closed = false;
  // EPIPE, or any other write error: the reader is gone and nothing more can be shown.
  const onError = () => {
    closed = true;
  };
  stream.on('error', onError);
  try {
    let buffer = '';
    const flush = async () => {
      if (closed || buffer === '') return;
      const ok = stream.write(buffer);
      buffer = '';
      if (!ok && !closed) await drained(stream, () => closed);
    };
    for (const chunk of chunks) {
      if (closed) break;
      buffer += chunk;
      if (buffer.length >= BATCH) await flush();
    }
    await flush();
    return !closed;
  } finally {
    // Keep swallowing EPIPE raised after we return; removing the listener would crash on it.
    if (!closed) stream.off('error', onError);
  }
}

function drained(stream: NodeJS.WritableStream, isClosed: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      clearInterval(poll);
      resolve();
    };
    // An EPIPE ends the wait too: 'drain' never comes after the reader is gone.
    const poll = setInterval(() => isClosed() && done(), 50);
    stream.on('drain', done);
    stream.on('close', done);
  });
}
