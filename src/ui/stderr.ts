import { sanitizeMessage } from '../core/sanitize.js';

/**
 * The one writer of stderr: errors, hints, notes, warnings, debug lines, commander's messages and
 * the spinner's log all come here, and leave cleaned exactly as stdout's text is (escape sequences,
 * C0/C1 and bidi controls, invisible characters), very long lines cut. Messages quote server
 * bodies, file content, titles, file names and user input, so nothing on stderr is trusted.
 */
export function writeStderr(stream: { write(text: string): unknown }, text: string): void {
  stream.write(sanitizeMessage(text));
}
