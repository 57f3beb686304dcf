import { sanitizeMessage } from '../core/sanitize.js';

/**
 * The one writer of stderr: errors, hints, notes, warnings, debug lines, commander's messages and
 * the spinner's log all come here, and leave cleaned exactly as stdout's text is (escape sequences,
 * C0/C1 and bidi controls, invisible characters), very long lines cut. Messages quote server
 * bodies, file content, titles, file names and user input, so nothing on stderr is trusted.
 */
export function writeStderr(stream: { write(text: string): unknown }, text: string, kind?: MessageKind): void {
  const clean = sanitizeMessage(text);
  stream.write(kind ? styled(kind, clean) : clean);
}

/** What a line on stderr is; given only when stderr is a terminal that takes colour. */
export type MessageKind = 'error' | 'warning' | 'note' | 'hint' | 'debug';

const SGR = { red: ['\x1b[31m', '\x1b[39m'], yellow: ['\x1b[33m', '\x1b[39m'], cyan: ['\x1b[36m', '\x1b[39m'], dim: ['\x1b[2m', '\x1b[22m'] } as const;
const paint = (colour: keyof typeof SGR, text: string) => `${SGR[colour][0]}${text}${SGR[colour][1]}`;

/**
 * Colours a cleaned message by its kind, so that errors, warnings and notes read apart on a terminal:
 * an error's line red, `warning:` yellow, `hint:` cyan, notes and debug lines dim. The codes are
 * added after cleaning, around text that has none. Ten lines do this; chalk would cost ~5 ms to load.
 */
function styled(kind: MessageKind, text: string): string {
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  const end = body === text ? '' : '\n';
  if (kind === 'error') return `${paint('red', body)}${end}`;
  if (kind === 'note' || kind === 'debug') return `${paint('dim', body)}${end}`;
  const label = kind === 'warning' ? 'papers: warning:' : 'hint:';
  if (!body.startsWith(label)) return text;
  return `${paint(kind === 'warning' ? 'yellow' : 'cyan', label)}${body.slice(label.length)}${end}`;
}
