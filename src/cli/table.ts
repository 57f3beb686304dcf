import type { Invocation, Result } from '../core/result.js';
import type { Context } from '../context.js';
import type { OptionSpec } from '../core/optionSpec.js';
import { SHELLS } from '../core/shells.js';
import {
  GLOBAL_OPTIONS,
  LIST_OPTIONS,
  LOCAL_COMMAND_OPTIONS,
  MARK_OPTIONS,
  NET_OPTIONS,
  NEW_OPTIONS,
  OPEN_OPTIONS,
  READ_OPTIONS,
  SAVED_OPTIONS,
  SHOW_OPTIONS,
  TRENDING_OPTIONS,
  WATCH_OPTIONS,
} from './options.js';

/** A positional argument as help, completion and both argument parsers see it. */
interface ArgSpec {
  name: string;
  description: string;
  required?: boolean;
  variadic?: boolean;
  /**
   * What completion offers: the last list's ids for a paper ref, the reading list's for `saved`, file
   * names for a file, and for `setting` (config's) the keys, then the values of the key `set` names.
   */
  kind?: 'ref' | 'file' | 'saved' | 'setting';
  /** The words completion offers (an action). */
  words?: readonly string[];
}

/** A command's module: loaded only when that command runs. */
interface CommandModule {
  run(ctx: Context, invocation: Invocation): Promise<Result>;
}

/** One command: the single source for commander, the fast parser, help, completion and the man page. */
export interface CommandSpec {
  name: string;
  aliases?: readonly string[];
  description: string;
  args: readonly ArgSpec[];
  options: readonly OptionSpec[];
  examples: readonly string[];
  /** Runs without commander when its arguments parse cleanly (the common, fast path). */
  fast?: boolean;
  /** The command's module, imported on first use. */
  load: () => Promise<CommandModule>;
}

const REF: ArgSpec = {
  name: 'ref',
  description: 'an arXiv id (2405.13956, arXiv:2405.13956v2, hep-th/9901001), an arxiv.org or huggingface.co/papers URL, or a row number of the last list',
  required: true,
  kind: 'ref',
};
const REFS: ArgSpec = { ...REF, variadic: true };

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'today',
    load: () => import('../commands/today.js'),
    description: 'the latest Daily Papers list, ranked by upvotes (the default command)',
    args: [],
    options: LIST_OPTIONS,
    fast: true,
    examples: [
      'papers',
      'papers today -n 10',
      'papers today -i',
      'papers today --json | jq -r \'.[] | "\\(.upvotes)\\t\\(.title)"\'',
      'papers today -g diffusion --has-code',
    ],
  },
  {
    name: 'new',
    load: () => import('../commands/new.js'),
    description: 'every Daily Papers paper since the last papers new that you have not seen, then marks them seen',
    args: [],
    options: NEW_OPTIONS,
    fast: true,
    examples: ['papers new', 'papers new --since -3 --peek', 'papers new --watched --json', 'papers new --author "hinton" --org deepmind'],
  },
  {
    name: 'day',
    load: () => import('../commands/day.js'),
    description: "one day's Daily Papers list",
    args: [{ name: 'date', description: 'YYYY-MM-DD (or YYYY-M-D), today, yesterday, or -N (N days ago)', required: true }],
    options: LIST_OPTIONS,
    fast: true,
    examples: ['papers day 2026-11-20', 'papers day yesterday --format markdown', 'papers day -3 --sort comments'],
  },
  {
    name: 'week',
    load: () => import('../commands/week.js'),
    description: 'every paper of an ISO week, ranked',
    args: [{ name: 'week', description: 'YYYY-Www, a date in the week, or -N (N weeks ago); default: this week' }],
    options: LIST_OPTIONS,
    fast: true,
    examples: ['papers week', 'papers week 2026-W47 -n 20', 'papers week --min-upvotes 50 --format csv > week.csv'],
  },
  {
    name: 'month',
    load: () => import('../commands/month.js'),
    description: 'every paper of a month, ranked',
    args: [{ name: 'month', description: 'YYYY-MM, a date in the month, or -N (N months ago); default: this month' }],
    options: LIST_OPTIONS,
    fast: true,
    examples: ['papers month', 'papers month 2026-10 -g "reinforcement learning" --json'],
  },
  {
    name: 'search',
    load: () => import('../commands/search.js'),
    description: 'Hugging Face paper search, ranked',
    args: [{ name: 'query', description: 'words to search for (at most 250 characters)', required: true, variadic: true }],
    options: LIST_OPTIONS,
    fast: true,
    examples: ['papers search diffusion transformers', 'papers search "mixture of experts" --sort date'],
  },
  {
    name: 'trending',
    load: () => import('../commands/trending.js'),
    description: "Hugging Face's trending papers, in its order",
    args: [],
    options: TRENDING_OPTIONS,
    fast: true,
    examples: ['papers trending', 'papers trending -n 50 --has-code', 'papers trending --format rss > trending.xml'],
  },
  {
    name: 'read',
    load: () => import('../commands/read.js'),
    description: 'list a saved feed: HF API JSON, arXiv Atom or RSS, or a papers page copy',
    args: [{ name: 'file', description: 'a saved feed; - or nothing for stdin', kind: 'file' }],
    options: [...READ_OPTIONS, ...LOCAL_COMMAND_OPTIONS],
    fast: true,
    examples: ['papers read feed.json', 'curl -s https://rss.arxiv.org/rss/cs.LG | papers read --format table', 'papers read page.txt --from page'],
  },
  {
    name: 'show',
    load: () => import('../commands/show.js'),
    aliases: ['abstract'],
    description: 'papers in full: authors, links, models and datasets built on them, AI summary and the whole abstract',
    args: [REFS],
    options: SHOW_OPTIONS,
    fast: true,
    examples: [
      'papers show 2405.13956',
      'papers show 3',
      'papers show 1 2 5',
      'papers abstract --json https://arxiv.org/abs/2405.13956v2',
      'papers show 3 --full',
      'papers show 2405.13956 --full --raw > paper.md',
      'papers show 1 2 --format bibtex >> refs.bib',
    ],
  },
  {
    name: 'open',
    load: () => import('../commands/open.js'),
    description: 'open a paper in the browser (arXiv abstract by default)',
    args: [REF],
    options: OPEN_OPTIONS,
    examples: ['papers open 2405.13956', 'papers open 1 --pdf', 'papers open 2405.13956 --code --print'],
  },
  {
    name: 'save',
    load: () => import('../commands/save.js'),
    description: 'add papers to the reading list',
    args: [REFS],
    options: NET_OPTIONS,
    examples: ['papers save 2405.13956', 'papers save 1 2 5'],
  },
  {
    name: 'unsave',
    load: () => import('../commands/unsave.js'),
    description: 'remove papers from the reading list',
    args: [{ ...REFS, kind: 'saved' }],
    options: [],
    examples: ['papers unsave 2405.13956', 'papers unsave 1 3'],
  },
  {
    name: 'saved',
    load: () => import('../commands/saved.js'),
    description: 'the reading list, newest first, like any other list (works offline)',
    args: [],
    options: SAVED_OPTIONS,
    fast: true,
    examples: [
      'papers saved',
      'papers saved --sort upvotes',
      'papers saved --json | jq -r \'.[] | "\\(.savedAt)\\t\\(.title)"\'',
      'papers saved --format bibtex > reading.bib',
    ],
  },
  {
    name: 'mark',
    load: () => import('../commands/mark.js'),
    description: 'mark papers read (or unread again with --unread)',
    args: [{ ...REF, variadic: true }],
    options: MARK_OPTIONS,
    fast: true,
    examples: ['papers mark 1 3 4', 'papers mark 2405.13956', 'papers mark --unread 2'],
  },
  {
    name: 'watch',
    load: () => import('../commands/watch.js'),
    description: 'saved filters: papers matching one are tagged with its name (papers new --watched)',
    args: [
      { name: 'action', description: 'add <name> <rules...>, ls (default), or rm <name>', words: ['add', 'ls', 'rm'] },
      { name: 'name', description: 'the watch name: 1 to 32 of a-z, 0-9 and -' },
    ],
    options: WATCH_OPTIONS,
    fast: true,
    examples: ['papers watch add agents --grep "agent" --min-upvotes 10', 'papers watch add lab --org deepmind', 'papers watch ls', 'papers watch rm agents'],
  },
  {
    name: 'config',
    load: () => import('../commands/config.js'),
    description: 'show and change settings: defaults for the list options you repeat',
    args: [
      { name: 'action', description: 'list (default), get <key>, set <key> <value>, unset <key>, or path', words: ['list', 'get', 'set', 'unset', 'path'] },
      { name: 'args', description: 'the key, and the value for set', variadic: true, kind: 'setting' },
    ],
    options: [],
    examples: ['papers config', 'papers config set limit 50', 'papers config set columns rank,upvotes,id,day,title', 'papers config unset sort'],
  },
  {
    name: 'completion',
    load: () => import('../commands/completion.js'),
    description: 'print a completion script for bash, zsh or fish',
    args: [{ name: 'shell', description: 'bash, zsh or fish', required: true, words: SHELLS }],
    options: [],
    // Short enough for help at 40 columns; the README shows the files each shell loads them from.
    examples: [
      'source <(papers completion bash)  # in ~/.bashrc',
      'papers completion zsh > "${fpath[1]}/_papers"',
      'papers completion fish | source  # in config.fish',
    ],
  },
  {
    name: 'cache',
    load: () => import('../commands/cache.js'),
    description: 'where the cache is, what it holds, and emptying it',
    args: [{ name: 'action', description: 'ls (default), path, or clear', words: ['ls', 'path', 'clear'] }],
    options: [],
    examples: ['papers cache', 'papers cache path', 'papers cache clear'],
  },
];

export { GLOBAL_OPTIONS };

/** The command a name or alias stands for. */
export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name || c.aliases?.includes(name));
}
