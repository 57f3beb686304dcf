/**
 * Ctrl-C for one run of the CLI. The AbortController is made only when a command first needs a
 * signal (making one costs at every start); Ctrl-C before that has nothing in flight to stop.
 */
export class Interrupt {
  #controller: AbortController | undefined;
  readonly #listeners: (() => void)[] = [];

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
