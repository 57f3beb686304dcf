import { coloursAsRendered, keepColourOnly } from '../render/fullText.js';

/**
 * Bump whenever `show --full` on a terminal would print a full text differently (the renderer's options,
 * styles, wrapping, cleaning): rendered copies made before then no longer fit and are rendered again.
 * papers' version is part of every stamp too, so a release never shows another release's copies.
 */
export const RENDER_FORMAT = 1;

/**
 * Everything a rendered full text depends on. A cached copy is shown only when its stamp is equal in
 * every part: a refreshed text (another fetch time or length), another width or colour level, or
 * another papers renders again.
 */
export interface RenderStamp {
  /** The full text's fetch time and length in UTF-16 units. */
  fetchedAt: number;
  length: number;
  /** Terminal columns and chalk level it was rendered for. */
  width: number;
  colorLevel: 0 | 1 | 2 | 3;
  /** `<papers version>/<RENDER_FORMAT>`. */
  format: string;
}

/** A rendered full text as the cache keeps it (the data of a `render:<id>` entry). */
export interface RenderCopy extends RenderStamp {
  text: string;
}

/** The stamp of a render of this text, for this terminal, by this papers. */
export function renderStamp(version: string, text: { fetchedAt: number; markdown: string }, width: number, colorLevel: 0 | 1 | 2 | 3): RenderStamp {
  return { fetchedAt: text.fetchedAt, length: text.markdown.length, width, colorLevel, format: `${version}/${RENDER_FORMAT}` };
}

const count = (n: unknown): boolean => Number.isSafeInteger(n) && (n as number) >= 0;

/**
 * A cached copy as papers writes it, checked field by field: the cache directory may be shared, and the
 * text goes to a terminal as it is. So its text must be exactly what keepColourOnly leaves of the
 * renderer's output (colour escapes and nothing else; at colour level 0 no escape at all), its colour
 * escapes only those papers' own styles write, one parameter each, with everything they set ended by
 * the end of the text (render/fullText.ts coloursAsRendered): a copy with anything else in it (an OSC 8
 * link, a screen clear, a bidi override, a tab, black on black, concealed text, colour left on) was not
 * written by papers, and is set aside and rendered again, never printed.
 */
export function isRenderCopy(data: unknown): data is RenderCopy {
  const c = data as Partial<RenderCopy> | null;
  return (
    typeof c === 'object' &&
    c !== null &&
    count(c.fetchedAt) &&
    count(c.length) &&
    count(c.width) &&
    (c.colorLevel === 0 || c.colorLevel === 1 || c.colorLevel === 2 || c.colorLevel === 3) &&
    typeof c.format === 'string' &&
    typeof c.text === 'string' &&
    // The escapes first: they end at a sequence papers never writes, however long it goes on.
    (c.colorLevel === 0 || coloursAsRendered(c.text)) &&
    keepColourOnly(c.text, c.colorLevel > 0) === c.text
  );
}

/** Whether a copy was made from exactly this text, for exactly this terminal, by this papers. */
export function copyFits(copy: RenderCopy, stamp: RenderStamp): boolean {
  return (
    copy.fetchedAt === stamp.fetchedAt &&
    copy.length === stamp.length &&
    copy.width === stamp.width &&
    copy.colorLevel === stamp.colorLevel &&
    copy.format === stamp.format
  );
}
