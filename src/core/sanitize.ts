/**
 * Feed text is untrusted. Before it reaches a terminal every escape sequence is removed whole
 * (so an OSC 52 payload is not printed as garbage either), then every remaining C0/C1 control
 * and bidi control is dropped. Printable text, CJK and emoji (ZWJ included) pass unchanged.
 */

// ESC-introduced sequences: CSI (ESC [ ... final), OSC/DCS/SOS/PM/APC strings (ended by BEL or ST,
// or running to the end of the text when unterminated), and two-byte escapes. Then 8-bit C1 forms.
const SEQUENCES = new RegExp(
  [
    '\\x1b\\[[0-?]*[ -/]*[@-~]?',
    '\\x1b[\\]PX^_][^\\x07\\x1b\\x9c]*(?:\\x07|\\x1b\\\\|\\x9c)?',
    '\\x1b[ -/]*[0-~]?',
    '\\x9b[0-?]*[ -/]*[@-~]?',
    '[\\x9d\\x90\\x98\\x9e\\x9f][^\\x07\\x1b\\x9c]*(?:\\x07|\\x1b\\\\|\\x9c)?',
  ].join('|'),
  'g',
);
const BIDI = '\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';
// Characters that show nothing yet change what a reader sees or copies: zero-width space, word
// joiner and invisible operators, the byte order mark, and the deprecated format controls. (The
// zero-width joiner and non-joiner stay: emoji and scripts need them.)
const INVISIBLE = '\\u200b\\u2060-\\u2064\\u206a-\\u206f\\ufeff';
const CONTROLS = new RegExp(`[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f${BIDI}${INVISIBLE}]`, 'g');
const UNSAFE = new RegExp(`[\\x00-\\x1f\\x7f-\\x9f${BIDI}${INVISIBLE}\\u2028\\u2029]`);
/**
 * The characters sanitizeBlock changes, as the body of a regex class: every escape sequence and CR
 * starts with one, and each is removed or made a line break. Text with none of them is returned as it is.
 */
export const BLOCK_UNSAFE = `\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f${BIDI}${INVISIBLE}\\u2028\\u2029`;
const CHANGED_BY_BLOCK = new RegExp(`[${BLOCK_UNSAFE}]`);

/** Text safe for a terminal, keeping line breaks and tabs (for the abstract view). */
export function sanitizeBlock(text: string): string {
  // Tested in one pass: multi-line text (a paper's 56 KB of markdown) no longer runs the three replaces for nothing.
  if (!CHANGED_BY_BLOCK.test(text)) return text;
  // U+2028/9 are line and paragraph separators: a line break, like CR, and not a character to hide.
  return text
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(SEQUENCES, '')
    .replace(CONTROLS, '');
}

/** Text safe for one terminal line or one TSV cell: also tabs and line breaks become spaces. */
export function sanitizeLine(text: string): string {
  if (!UNSAFE.test(text)) return text;
  return sanitizeBlock(text).replace(/[\t\n]+/g, ' ');
}

// Characters JSON.stringify leaves raw that a terminal would act on (DEL, C1, bidi) or that
// break JavaScript consumers (U+2028/9). They can only stand inside JSON strings, where
// `\uXXXX` is the same character: the escape is lossless.
const JSON_RAW = new RegExp(`[\\x7f-\\x9f${BIDI}${INVISIBLE}\\u2028\\u2029]`, 'g');

/** JSON text with no raw control or bidi character in it. */
export function escapeJsonText(json: string): string {
  return json.replace(JSON_RAW, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** How many characters of a value an error or note quotes; the rest is cut with `…`. */
const QUOTE_MAX = 80;

/** A value quoted in a message (a file's text, a server's words, user input): one clean line, cut when long. */
export function quote(text: string, max = QUOTE_MAX): string {
  const line = sanitizeLine(text);
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** The longest line papers writes to stderr; a longer one is cut (a backstop: quoted values are cut already). */
const MESSAGE_LINE_MAX = 1000;

// The user name and password of a URL (`http://user:s3cret@host`): a base URL or a proxy may carry them.
const USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]*@/gi;

/** Text with the credentials of every URL in it replaced by `***`. */
function redactUrls(text: string): string {
  return text.includes('@') ? text.replace(USERINFO, '$1***@') : text;
}

/**
 * Text for stderr, cleaned exactly as stdout's text is: each line sanitised as one line, cut when
 * very long; line breaks between lines (a hint, a stack trace) are kept; URL credentials redacted.
 */
export function sanitizeMessage(text: string): string {
  return redactUrls(text)
    .split('\n')
    .map((line) => (UNSAFE.test(line) || line.length > MESSAGE_LINE_MAX ? quote(line, MESSAGE_LINE_MAX) : line))
    .join('\n');
}
