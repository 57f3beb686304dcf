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
const CONTROLS = new RegExp(`[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f${BIDI}]`, 'g');
const UNSAFE = new RegExp(`[\\x00-\\x1f\\x7f-\\x9f${BIDI}]`);

/** Text safe for a terminal, keeping line breaks and tabs (for the abstract view). */
export function sanitizeBlock(text: string): string {
  if (!UNSAFE.test(text)) return text;
  return text.replace(/\r\n?/g, '\n').replace(SEQUENCES, '').replace(CONTROLS, '');
}

/** Text safe for one terminal line or one TSV cell: also tabs and line breaks become spaces. */
export function sanitizeLine(text: string): string {
  if (!UNSAFE.test(text)) return text;
  return sanitizeBlock(text).replace(/[\t\n]+/g, ' ');
}

// Characters JSON.stringify leaves raw that a terminal would act on (DEL, C1, bidi) or that
// break JavaScript consumers (U+2028/9). They can only stand inside JSON strings, where
// `\uXXXX` is the same character: the escape is lossless.
const JSON_RAW = new RegExp(`[\\x7f-\\x9f${BIDI}\\u2028\\u2029]`, 'g');

/** JSON text with no raw control or bidi character in it. */
export function escapeJsonText(json: string): string {
  return json.replace(JSON_RAW, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
