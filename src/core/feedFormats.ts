/** Formats `papers read` knows; `--from` forces one. Kept apart so the CLI's option table loads no parser. */
export const FEED_FORMATS = ['hf', 'atom', 'rss', 'page'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

/** What `papers read` says it expected when a feed cannot be read. */
export const FEED_HINT = 'expected Hugging Face API JSON, arXiv Atom or RSS, or a text copy of a Hugging Face papers page';
