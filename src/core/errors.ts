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

/** The network or a server failed: exit 1; `status` is the HTTP status when there was one. */
export class NetworkError extends PapersError {
  constructor(
    message: string,
    readonly url: string,
    readonly status?: number,
    hint = 'try --offline to use the cache',
  ) {
    super(message, EXIT.failure, hint);
    this.name = 'NetworkError';
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
