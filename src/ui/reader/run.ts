import React from 'react';
import * as ink from 'ink';
import type { ReaderProps } from './props.js';
import { Reader } from './Reader.js';

/** Where the reader draws and reads keys, and the process whose SIGTERM and exit it watches. */
export interface ReaderStreams {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  process: Pick<NodeJS.Process, 'on' | 'off'>;
}

/** Alternate screen on, cursor home; and back: cursor shown, alternate screen off. */
export const ENTER = '\x1b[?1049h\x1b[H\x1b[2J';
export const LEAVE = '\x1b[?25h\x1b[?1049l';
const SIGTERM_EXIT = 143;

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
 * rethrown after that, for the CLI's one catch to report.
 */
export async function runReader(props: Omit<ReaderProps, 'onQuit'>, streams: ReaderStreams): Promise<number> {
  // The vendor bundle compiles yoga's WebAssembly here rather than at load (CommonJS has no top-level await).
  await (ink as { ready?: () => Promise<void> }).ready?.();
  const { stdin, stdout, stderr } = streams;
  let code = 0;
  let crash: unknown;
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    if (stdin.isTTY) stdin.setRawMode?.(false);
    stdout.write(LEAVE);
  };
  stdout.write(ENTER);
  const instance = ink.render(
    React.createElement(
      Boundary,
      { onCrash: (error: unknown) => ((crash = error), instance.unmount()) } as never,
      React.createElement(Reader, { ...props, onQuit: (c: 0 | 130) => ((code = c), instance.unmount()) }),
    ),
    { stdin, stdout, stderr, exitOnCtrlC: false, patchConsole: false },
  );
  const terminated = () => ((code = SIGTERM_EXIT), instance.unmount());
  streams.process.on('SIGTERM', terminated);
  streams.process.on('exit', restore);
  try {
    await instance.waitUntilExit();
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
