/** Exit codes: 0 success, 1 failure at run time, 2 usage, 3 not found, 130 interrupted. */
export const EXIT = { ok: 0, failure: 1, usage: 2, notFound: 3, interrupted: 130 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The one error type the CLI turns into a `papers: ...` line, a hint and an exit code. */
export class PapersError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.failure,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'PapersError';
  }
}

/** A bad command line: exit 2. */
export class UsageError extends PapersError {
  constructor(message: string, hint?: string) {
    super(message, EXIT.usage, hint);
    this.name = 'UsageError';
  }
}

/** Nothing any source knows: exit 3. */
export class NotFoundError extends PapersError {
  constructor(message: string, hint?: string) {
    super(message, EXIT.notFound, hint);
    this.name = 'NotFoundError';
  }
}

/** A feed or response that is not what it should be: exit 1. */
export class FeedError extends PapersError {
  constructor(message: string, hint?: string) {
    super(message, EXIT.failure, hint);
    this.name = 'FeedError';
  }
}

const OFFLINE_HINT = 'try --offline to use the cache';
const LATER_HINT = 'try again later; nothing is cached for it yet';
/** The hint of a connection that could not be made, when nothing is cached. */
export const CONNECTION_HINT = 'check the network connection and try again; nothing is cached for it yet';

/**
 * The network or a server failed: exit 1; `status` is the HTTP status when there was one. The hint
 * may suggest --offline; `uncachedHint` is the one to give when nothing is cached for what was asked
 * (see uncached()).
 */
export class NetworkError extends PapersError {
  constructor(
    message: string,
    readonly url: string,
    readonly status?: number,
    hint = OFFLINE_HINT,
    readonly uncachedHint = hint === OFFLINE_HINT ? LATER_HINT : hint,
  ) {
    super(message, EXIT.failure, hint);
    this.name = 'NetworkError';
  }

  /** The same failure when nothing is cached for what was asked: --offline would find nothing, so no hint suggests it. */
  uncached(): NetworkError {
    if (this.hint === this.uncachedHint) return this;
    const error = new NetworkError(this.message, this.url, this.status, this.uncachedHint);
    error.stack = this.stack;
    return error;
  }
}

/** Hugging Face answered 401 to a request that carried the user's token: theirs to fix, never worked around. */
export class TokenRefusedError extends NetworkError {}

/** Ctrl-C: exit 130, said once. */
export class InterruptedError extends PapersError {
  constructor() {
    super('interrupted', EXIT.interrupted);
    this.name = 'InterruptedError';
  }
}
