/** Defensive readers for untyped JSON: a feed's value becomes the type we need, or null. */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json | undefined };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A non-empty string, else null (absent and `null` are the same thing in these feeds). */
export function str(value: unknown): string | null {
  // A test, not trim(): trimming a long abstract would copy it, for nothing, 20,000 times in a big feed.
  return typeof value === 'string' && /\S/.test(value) ? value : null;
}

/** A count as the source says it: integers, and integer strings ("12"); anything else is unknown. */
export function count(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) : null;
  if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return Number.parseInt(value, 10);
  return null;
}

/** Strings of an array, skipping anything else. */
export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];
}

/** One line of display text: runs of white space (hard wraps, indentation) become one space. */
export function oneLine(text: string): string {
  // Most text is already one clean line: return it as it is, without making a copy.
  return /[^\S ]| {2}|^ | $/.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

/** The YYYY-MM-DD part of an ISO timestamp, when it has one. */
export function isoDay(value: unknown): string | null {
  const s = str(value);
  return s && /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : null;
}

/**
 * An http(s) URL in its normalised form (`new URL(x).href`: controls, spaces, quotes and backticks
 * percent-encoded), else null: feeds are untrusted and other schemes are never shown as links.
 */
export function httpUrl(value: unknown): string | null {
  const s = str(value)?.trim();
  if (!s) return null;
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** A whole number written in decimal within bounds, else null: user input (options, settings). */
export function wholeNumber(text: string, min: number, max = Number.MAX_SAFE_INTEGER): number | null {
  const n = /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
  return Number.isSafeInteger(n) && n >= min && n <= max ? n : null;
}

/** One of the allowed words (surrounding space ignored), else null. */
export function oneOf<T extends string>(text: string, allowed: readonly T[]): T | null {
  const t = text.trim();
  return (allowed as readonly string[]).includes(t) ? (t as T) : null;
}
