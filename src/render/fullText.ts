import { BLOCK_UNSAFE, sanitizeBlock } from '../core/sanitize.js';
import { widthOf } from './text.js';

/** Prose is easiest to read at about this many columns, however wide the terminal. */
export const PROSE_WIDTH = 100;

/** The markdown as served, safe to print: escape sequences, controls and bidi controls removed, LF line ends. */
export function cleanMarkdown(markdown: string): string {
  const clean = sanitizeBlock(markdown.replace(/\r\n?/g, '\n'));
  return clean.endsWith('\n') || clean === '' ? clean : `${clean}\n`;
}

/** Raw HTML in the markdown, as the text it would show: tags dropped, `<br>` a line break. */
export function htmlAsText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .replace(/<\/?[A-Za-z][^>]*>?/g, '');
}

/**
 * The attributes the full-text view is drawn with, each as the SGR codes chalk (and @colors/colors, which
 * draws a table for cli-table3) writes to set it and to end it: one parameter a sequence, at every colour
 * level above 0 (named colours are the 16 basic ones at any level). `reset` sets nothing and ends everything.
 */
const SGR_OF = {
  reset: [0, 0],
  bold: [1, 22],
  dim: [2, 22],
  italic: [3, 23],
  underline: [4, 24],
  strikethrough: [9, 29],
  red: [31, 39],
  yellow: [33, 39],
  cyan: [36, 39],
  gray: [90, 39],
} as const;
type Attribute = keyof typeof SGR_OF;

/**
 * The styles of the full-text view (marked-terminal's style options, and ours), as the attributes each
 * one chains: ui/chalkPaint.ts makes chalk styles of them. The one place they are named, so that what a
 * rendered copy may hold (RENDER_SGR) follows them.
 */
export const FULL_TEXT_STYLES = {
  code: ['yellow'],
  blockquote: ['gray', 'italic'],
  html: ['gray'],
  heading: ['bold'],
  firstHeading: ['bold', 'underline'],
  hr: ['reset'],
  listitem: ['reset'],
  table: ['reset'],
  paragraph: ['reset'],
  strong: ['bold'],
  em: ['italic'],
  codespan: ['yellow'],
  del: ['dim', 'strikethrough'],
  link: ['reset'],
  href: ['cyan'],
  dim: ['dim'],
} as const satisfies Record<string, readonly Attribute[]>;

/** A table's colours, as cli-table3 takes them (its own defaults, named here): the head red, the borders gray. */
export const TABLE_STYLE = { head: ['red'], border: ['gray'] } as const satisfies Record<string, readonly Attribute[]>;

/**
 * Every SGR sequence a render of the full text may hold at a colour level above 0 (none at level 0),
 * derived from the styles above, by its one parameter (0-99): the code that ends what it sets, or
 * ENDS for a code that ends something (0 for reset, which ends everything); undefined for the rest.
 */
const ENDS = -1;
const RENDER_SGR: (number | undefined)[] = new Array<number | undefined>(100);
for (const a of [...Object.values(FULL_TEXT_STYLES), ...Object.values(TABLE_STYLE)].flat()) {
  const [set, end] = SGR_OF[a];
  RENDER_SGR[end] = ENDS;
  RENDER_SGR[set] = end; // reset's 0 after: it ends everything
}

/**
 * Whether text at a colour level above 0 holds only the SGR sequences papers writes (RENDER_SGR), one
 * parameter each, as chalk writes it (no leading zero), and ends with everything they set ended again:
 * what papers renders never leaves the terminal bold, coloured or underlined after it. Any other
 * escape makes it false at its first characters, however long it goes on; controls and bidi characters
 * outside escapes are keepColourOnly's to find. One pass over the ESCs: it runs on every cache hit.
 */
export function coloursAsRendered(text: string): boolean {
  // What is set and not yet ended, by the code that ends it; and how many there are.
  const open = new Uint8Array(100);
  let count = 0;
  for (let at = text.indexOf('\x1b'); at !== -1; at = text.indexOf('\x1b', at + 1)) {
    if (text.charCodeAt(at + 1) !== 0x5b /* [ */) return false;
    const first = text.charCodeAt(at + 2) - 0x30;
    const second = text.charCodeAt(at + 3) - 0x30;
    const two = second >= 0 && second <= 9;
    if (!(first >= 0 && first <= 9) || (two && first === 0) || text.charCodeAt(at + (two ? 4 : 3)) !== 0x6d /* m */) return false;
    const code = two ? first * 10 + second : first;
    const ends = RENDER_SGR[code];
    if (ends === undefined) return false;
    if (ends === 0) {
      open.fill(0);
      count = 0;
    } else if (ends !== ENDS) {
      count += 1 - open[ends]!;
      open[ends] = 1;
    } else {
      count -= open[code]!;
      open[code] = 0;
    }
  }
  return count === 0;
}

const SGR = /(\x1b\[[0-9;]*m)/;
const SGR_ALL = /\x1b\[[0-9;]*m/g;
/** A character keepColourOnly removes or changes (a tab too), but for the ESC that begins a colour escape. */
const NOT_COLOUR_OR_TEXT = new RegExp(`(?!${SGR_ALL.source})[\\t${BLOCK_UNSAFE}]`);

/**
 * The terminal renderer's output with nothing but colour in it: every escape that is not SGR (such
 * as an OSC 8 link) and every control but the line break is removed; without colour, SGR goes too.
 */
export function keepColourOnly(text: string, colour: boolean): string {
  // Most text has nothing to remove but colour: found out in one pass, not part by part.
  if (!NOT_COLOUR_OR_TEXT.test(text)) return colour ? text : text.replace(SGR_ALL, '');
  return text
    .split(SGR)
    .map((part, i) => (i % 2 === 1 ? (colour ? part : '') : sanitizeBlock(part).replace(/\t/g, '    ')))
    .join('');
}

// Box-drawing characters as \u escapes: the entry bundle stays ASCII (scripts/build.mjs).
const TABLE = /[\u2502\u2503\u250c\u2510\u2514\u2518\u251c\u2524\u252c\u2534\u253c\u2500]/;
/** Printable ASCII and colour escapes only: such a line is never wider than its length. */
const PLAIN = /^[\x20-\x7e\x1b]*$/;
/** Printable ASCII, box drawing (a table's borders: one cell each, no emoji) and escapes. */
const NARROW = /^[\x20-\x7e\x1b\u2500-\u257f]*$/;
/** Colour escapes as chalk writes them (at most three digits a parameter), which string-width strips whole. */
const CHALK_SGR = /\x1b\[(?:\d{1,3}(?:;\d{1,3})*)?m/g;

/**
 * The cells a rendered line (or word) takes: widthOf's answer, without string-width for most of them.
 * Once chalk's colour escapes are taken out, a text of printable ASCII and box drawing is one cell a
 * character; anything else (another escape, a wide or combining character) is measured by widthOf.
 * string-width cost ~13 ms of a 56 KB paper (it builds its emoji regex again at every call), most lines
 * being coloured prose longer than the shortcut in wrapRendered, or table rows.
 */
export function cellsOf(text: string): number {
  if (NARROW.test(text)) {
    const bare = text.includes('\x1b') ? text.replace(CHALK_SGR, '') : text;
    if (!bare.includes('\x1b')) return bare.length;
  }
  return widthOf(text);
}

/**
 * Rendered markdown wrapped for the terminal: prose lines to `prose` cells, table lines to `width`,
 * at spaces (colour escapes count as nothing), keeping a line's indentation; a word longer than a line
 * (a URL) is left whole, since a terminal can only open a link that stays on one line.
 */
export function wrapRendered(text: string, width: number, prose = Math.min(width, PROSE_WIDTH)): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    // Most lines are short plain prose (no table border: that is not ASCII), kept as they are without
    // testing for a table or measuring their width (string-width), most of the wrapping's time.
    if (line.length <= prose && PLAIN.test(line)) {
      out.push(line);
      continue;
    }
    const max = TABLE.test(line) ? width : prose;
    if (cellsOf(line) <= max) out.push(line);
    else out.push(...wrapLine(line, max));
  }
  return out.join('\n');
}

function wrapLine(line: string, width: number): string[] {
  const indent = /^ */.exec(line.replace(/\x1b\[[0-9;]*m/g, ''))![0];
  const lines: string[] = [];
  let current = '';
  let used = 0;
  // Words keep the colour escapes inside and around them; spaces between words are where lines break.
  for (const word of line.trimStart().split(/ +/)) {
    const w = cellsOf(word);
    if (used > indent.length && used + 1 + w > width) {
      lines.push(current);
      current = indent;
      used = indent.length;
    }
    if (current === '') {
      current = indent + word;
      used = indent.length + w;
    } else {
      const sep = used > indent.length ? ' ' : '';
      current += sep + word;
      used += sep.length + w;
    }
  }
  lines.push(current);
  return lines;
}
