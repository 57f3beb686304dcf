/**
 * Ctrl-C for one run of the CLI. The AbortController is made only when a command first needs a
 * signal (making one costs at every start); Ctrl-C before that has nothing in flight to stop.
 */
export class Interrupt {
  #controller: AbortController | undefined;
  readonly #listeners: (() => void)[] = [];
  #deferred = 0;
  #finishing = 0;
  #aborted = false;

  get signal(): AbortSignal {
    if (!this.#controller) {
      this.#controller = new AbortController();
      if (this.#aborted) this.#controller.abort();
    }
    return this.#controller.signal;
  }

  /** Something in flight listens for it, or is finishing: Ctrl-C should stop the run after that, not the process now. */
  get armed(): boolean {
    return this.#controller !== undefined || this.#finishing > 0;
  }

  get aborted(): boolean {
    return this.#aborted;
  }

  /**
   * Runs `work` that a Ctrl-C should let finish rather than cut (the marks of a list already shown):
   * the run then ends as interrupted (130), and a second Ctrl-C quits at once. Needs no AbortController.
   */
  async finish<T>(work: () => Promise<T>): Promise<T> {
    this.#finishing++;
    try {
      return await work();
    } finally {
      this.#finishing--;
    }
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
    if (this.#aborted) return;
    this.#aborted = true;
    this.#controller?.abort();
    for (const listener of this.#listeners) listener();
  }
}
