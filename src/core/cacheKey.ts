/** The cache key of a paper's full text: what sources/fullText.ts caches, and what a rendered copy is made from. */
export const fullTextKey = (id: string): string => `fulltext:${id}`;
/** The cache key of that full text rendered for a terminal (ui/renderCopy.ts): one copy per paper. */
export const renderKey = (id: string): string => `render:${id}`;

/**
 * A cache key in words, for `cache ls` on a terminal: `day:2026-11-26` is "day 2026-11-26",
 * `trending:0` "trending page 1". A key of a kind papers does not write is shown as it is.
 */
export function describeKey(key: string): string {
  const colon = key.indexOf(':');
  const kind = key.slice(0, colon);
  const rest = key.slice(colon + 1);
  switch (colon < 0 ? '' : kind) {
    case 'day':
    case 'week':
    case 'month':
    case 'search':
    case 'paper':
      return `${kind} ${rest}`;
    case 'latest':
      return `latest day, as of ${rest}`;
    case 'fulltext':
      return `full text ${rest}`;
    case 'render':
      return `full text ${rest}, rendered`;
    case 'trending':
      return /^\d{1,2}$/.test(rest) ? `trending page ${Number(rest) + 1}` : key;
    default:
      return key;
  }
}
