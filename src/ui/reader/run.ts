import React from 'react';
import * as ink from 'ink';
import type { ReaderProps } from './props.js';
import { Reader } from './Reader.js';
import { ENTER, giveBack, type Painted, type ReaderStreams } from './screen.js';

const SIGTERM_EXIT = 143;
/** ink's first frame over the painted one, cleared first, in one synchronised update where the terminal knows them. */
const BEGIN_UPDATE = '\x1b[?2026h\x1b[H\x1b[2J';
const END_UPDATE = '\x1b[?2026l';

/** Turns a render crash into an exit with the error, instead of ink's stack trace over the screen. */
class Boundary extends React.Component<{ onCrash: (error: unknown) => void; children: React.ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override componentDidCatch(error: unknown): void {
    this.props.onCrash(error);
  }
  override render(): React.ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}

/**
 * Runs the reader full-screen until `q` (0), Ctrl-C (130) or SIGTERM (143), and always gives the
 * terminal back: alternate screen left, cursor shown, raw mode off, whatever ended it. A crash is
 * rethrown after that, for the CLI's one catch to report. `painted`: the screen is already taken
 * and its first frame drawn (screen.ts), and a SIGTERM since then ends the reader before it draws.
 */
export async function runReader(props: Omit<ReaderProps, 'onQuit'>, streams: ReaderStreams, painted?: Painted): Promise<number> {
  const { stdin, stdout, stderr } = streams;
  let code = 0;
  let crash: unknown;
  let restored = false;
  let instance: ReturnType<typeof ink.render> | undefined;
  const restore = () => {
    if (restored) return;
    restored = true;
    giveBack(streams);
  };
  const terminated = () => ((code = SIGTERM_EXIT), instance?.unmount());
  streams.process.on('SIGTERM', terminated);
  streams.process.on('exit', restore);
  painted?.release();
  if (painted?.terminated()) code = SIGTERM_EXIT;
  try {
    if (!painted) stdout.write(ENTER);
    // The vendor bundle compiles yoga's WebAssembly here rather than at load (CommonJS has no top-level await).
    await (ink as { ready?: () => Promise<void> }).ready?.();
    if (code !== SIGTERM_EXIT) {
      if (painted) stdout.write(BEGIN_UPDATE);
      instance = ink.render(
        React.createElement(
          Boundary,
          { onCrash: (error: unknown) => ((crash = error), instance?.unmount()) } as never,
          React.createElement(Reader, { ...props, onQuit: (c: 0 | 130) => ((code = c), instance?.unmount()) }),
        ),
        { stdin, stdout, stderr, exitOnCtrlC: false, patchConsole: false },
      );
      if (painted) stdout.write(END_UPDATE);
      // A crash in the first frame comes while render() runs, before there is an instance to unmount.
      if (crash !== undefined) instance.unmount();
      await instance.waitUntilExit();
    }
  } catch (error) {
    crash ??= error;
  } finally {
    streams.process.off('SIGTERM', terminated);
    streams.process.off('exit', restore);
    restore();
  }
  if (crash !== undefined) throw crash;
  return code;
}
