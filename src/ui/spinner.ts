import type { Ora } from 'ora';
import { sanitizeLine } from '../core/sanitize.js';
import { writeStderr, type MessageKind } from './stderr.js';

/** Progress on stderr: an ora spinner on a terminal, nothing otherwise. ora is loaded only when shown. */
export class Spinner {
  #ora: Ora | undefined;
  #loading: Promise<void> | undefined;
  #text = '';
  #stopped = false;

  /**
   * Messages go to `messagesOf`; the spinner, on a terminal only, to `streamOf`. Both, and whether
   * to spin, are asked for only when there is something to show.
   */
  constructor(
    private readonly messagesOf: () => { write(text: string): unknown },
    private readonly streamOf: () => NodeJS.WriteStream,
    private readonly enabledOf: () => boolean,
    private readonly color: boolean,
  ) {}

  private get stream(): NodeJS.WriteStream {
    return this.streamOf();
  }

  /** Shows or updates the spinner text. */
  update(text: string): void {
    text = sanitizeLine(text);
    this.#text = text;
    if (this.#stopped || !this.enabledOf()) return;
    if (this.#ora) {
      this.#ora.text = text;
      return;
    }
    this.#loading ??= import('ora').then(({ default: ora }) => {
      if (this.#stopped) return;
      this.#ora = ora({ text: this.#text, stream: this.stream, discardStdin: false, hideCursor: true, color: this.color ? 'cyan' : false }).start();
    });
  }

  /** Writes a line to the stream without garbling the spinner. */
  log(line: string, kind?: MessageKind): void {
    if (this.#ora?.isSpinning) {
      this.#ora.clear();
      writeStderr(this.stream, `${line}\n`, kind);
      this.#ora.render();
      return;
    }
    writeStderr(this.messagesOf(), `${line}\n`, kind);
  }

  /** Clears the spinner line and restores the cursor; safe to call more than once. */
  async stop(): Promise<void> {
    this.#stopped = true;
    await this.#loading?.catch(() => undefined);
    this.#ora?.stop();
    this.#ora = undefined;
  }
}
