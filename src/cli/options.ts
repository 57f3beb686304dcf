import { FEED_FORMATS } from '../core/feedFormats.js';
import { FORMATS, SHOW_FORMATS } from '../core/formats.js';
import { DEFAULTS } from '../core/listOptions.js';
import { FIELDS, SAVED_FIELDS } from '../core/paper.js';
import { SHOW_FIELDS } from '../core/linked.js';
import type { OptionSpec } from '../core/optionSpec.js';
import { SAVED_SORT_KEYS, SORT_KEYS } from '../core/rank.js';

/** Options of every command that may use the network. */
export const NET_OPTIONS: readonly OptionSpec[] = [
  { flags: '--offline', description: 'use the cache only; never touch the network' },
  { flags: '--refresh', description: 'fetch even when the cache is fresh' },
  { flags: '--timeout <ms>', description: "deadline for the command's network work, retries included", default: String(DEFAULTS.timeout) },
];

/** Options of `papers show`. */
export const SHOW_OPTIONS: readonly OptionSpec[] = [
  { flags: '--json', description: 'print each paper as one JSON object (one per line)' },
  { flags: '--format <format>', description: 'json, bibtex or markdown instead of the abstract view', choices: SHOW_FORMATS },
  {
    flags: '--fields <list>',
    description: `comma-separated fields of the JSON objects (implies --format json), in that order: ${SHOW_FIELDS.join(', ')}`,
    items: SHOW_FIELDS,
  },
  { flags: '--full', description: "the whole paper from Hugging Face's markdown, rendered on a terminal" },
  { flags: '--raw', description: 'with --full: the markdown as served, even on a terminal' },
  ...NET_OPTIONS,
];

/** Options of `papers open`. */
export const OPEN_OPTIONS: readonly OptionSpec[] = [
  { flags: '--pdf', description: 'open the PDF' },
  { flags: '--code', description: 'open the code repository' },
  { flags: '--hf', description: 'open the Hugging Face page' },
  { flags: '--print', description: 'print the link instead of opening it' },
  ...NET_OPTIONS,
];

/** Options of `papers read`, besides the list options. */
export const READ_OPTIONS: readonly OptionSpec[] = [
  { flags: '--from <format>', description: 'the feed format, when detection should not decide', choices: FEED_FORMATS },
];

/** The content filters: of every list, and the rules of a watch. */
const FILTER_OPTIONS: readonly OptionSpec[] = [
  {
    flags: '-g, --grep <pattern>',
    description: 'keep papers whose title, abstract or keywords match (case-insensitive regex; repeat: all must match)',
    repeatable: true,
  },
  { flags: '--exclude <pattern>', description: 'drop papers whose title, abstract or keywords match (repeatable)', repeatable: true },
  { flags: '--author <pattern>', description: 'keep papers with an author whose name matches (case-insensitive regex; repeatable)', repeatable: true },
  { flags: '--org <pattern>', description: "keep papers whose organization's name or handle matches (case-insensitive regex; repeatable)", repeatable: true },
  { flags: '--min-upvotes <N>', description: 'keep papers with at least N upvotes' },
  { flags: '--has-code', description: 'keep papers with a code repository' },
];

/** Options of `papers watch`: its rules are the content filters. */
export const WATCH_OPTIONS: readonly OptionSpec[] = [...FILTER_OPTIONS];

/** Options of `papers mark`. */
export const MARK_OPTIONS: readonly OptionSpec[] = [{ flags: '--unread', description: 'mark unread again' }];

/** Options of every list command, the network ones aside: `read` and `saved` take only these. */
export const LOCAL_LIST_OPTIONS: readonly OptionSpec[] = [
  { flags: '-n, --limit <N>', description: 'how many papers to show (0 = all; setting: limit)', default: String(DEFAULTS.limit) },
  { flags: '-s, --sort <key>', description: 'sort by (setting: sort)', default: DEFAULTS.sort, choices: SORT_KEYS },
  { flags: '--reverse', description: 'reverse the order' },
  ...FILTER_OPTIONS,
  { flags: '--unseen', description: 'keep papers not seen before (shown in a table on a terminal, or by papers new)' },
  { flags: '--unread', description: 'keep papers not read (shown in full, opened or marked read)' },
  { flags: '--watched', description: 'keep papers that match a watch (papers watch ls)' },
  { flags: '--json', description: 'print a JSON array (same as --format json)' },
  { flags: '--format <format>', description: 'output format (default: table on a terminal, tsv in a pipe; setting: format)', choices: FORMATS },
  { flags: '--fields <list>', description: `comma-separated fields (the table's columns too), in that order: ${FIELDS.join(', ')}`, items: FIELDS },
  { flags: '-i, --interactive', description: 'read the list full-screen: move, open, save, filter (needs a terminal; setting: interactive)' },
];

/**
 * What `read` and `saved` take: the list options, and the network options accepted but not offered,
 * since they change nothing there and scripts that pass them everywhere should not break.
 */
export const LOCAL_COMMAND_OPTIONS: readonly OptionSpec[] = [...LOCAL_LIST_OPTIONS, ...NET_OPTIONS.map((o) => ({ ...o, hidden: true }))];

/** `papers saved`'s: the local list options, with the order of saving as its sort and `savedAt` as a field. */
export const SAVED_OPTIONS: readonly OptionSpec[] = LOCAL_COMMAND_OPTIONS.map((o) => {
  if (o.flags.startsWith('-s, --sort'))
    return {
      flags: o.flags,
      description: 'sort by (default: saved, the order you saved them in, newest first; the sort setting does not apply)',
      choices: SAVED_SORT_KEYS,
    };
  if (o.flags.startsWith('--fields'))
    return { ...o, items: SAVED_FIELDS, description: `comma-separated fields (the table's columns too), in that order: ${SAVED_FIELDS.join(', ')}` };
  return o;
});

/** Options of the list commands that fetch (today, day, week, month, search). */
export const LIST_OPTIONS: readonly OptionSpec[] = [...LOCAL_LIST_OPTIONS, ...NET_OPTIONS];

/** `papers trending`'s: the list options, but its order is Hugging Face's unless --sort is given. */
export const TRENDING_OPTIONS: readonly OptionSpec[] = LIST_OPTIONS.map((o) =>
  o.flags.startsWith('-s, --sort')
    ? { flags: o.flags, description: "re-rank by (default: Hugging Face's trending order; the sort setting does not apply)", choices: SORT_KEYS }
    : o,
);

/** Options every command takes. */
export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  { flags: '--no-color', description: 'no colour (also NO_COLOR=1 or TERM=dumb)' },
  { flags: '-q, --quiet', description: 'no notes on stderr (warnings and errors still show)' },
  { flags: '--verbose', description: 'say what happens on the network (retries, cache) on stderr' },
];

/** Options of `papers new`: the list options, with a limit that defaults to every new paper. */
export const NEW_OPTIONS: readonly OptionSpec[] = [
  { flags: '--since <date>', description: 'the first day to look at: YYYY-MM-DD, yesterday or -N (at most 14 days back)' },
  { flags: '--peek', description: 'show what is new without marking it seen' },
  { flags: '-n, --limit <N>', description: 'how many papers to show (default: all that are new; the rest stay unseen)' },
  ...LIST_OPTIONS.filter((o) => !o.flags.includes('--limit')),
];
