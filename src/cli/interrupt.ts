/**
 * Ctrl-C for one run of the CLI. The AbortController is made only when a command first needs a
 * signal (making one costs at every start); Ctrl-C before that has nothing in flight to stop.
 */
export class Interrupt {
  #controller: AbortController | undefined;
  readonly #listeners: (() => void)[] = [];
  #deferred = 0;

  get signal(): AbortSignal {
    return (this.#controller ??= new AbortController()).signal;
  }

  /** Something in flight listens for it: Ctrl-C should stop that, not the process. */
  get armed(): boolean {
    return this.#controller !== undefined;
  }

  get aborted(): boolean {
    return this.#controller?.signal.aborted === true;
  }

  /**
   * Ctrl-C belongs to someone else right now: while a pager runs, the key is the pager's (less uses
   * it to stop a search), so papers waits for the pager instead of dying under it, as git does.
   */
  get deferred(): boolean {
    return this.#deferred > 0;
  }

  /** Runs `work` with Ctrl-C left to it (see `deferred`). */
  async defer<T>(work: () => Promise<T>): Promise<T> {
    this.#deferred++;
    try {
      return await work();
    } finally {
      this.#deferred--;
    }
  }

  /** Called once when the run is interrupted (the spinner stops at once). */
  onAbort(listener: () => void): void {
    this.#listeners.push(listener);
  }

  abort(): void {
    if (this.aborted) return;
    this.#controller?.abort();
    for (const listener of this.#listeners) listener();
  }
}
