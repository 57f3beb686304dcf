/** One option as commander, help, completion and the README see it. */
export interface OptionSpec {
  flags: string;
  description: string;
  /** Shown in help; applied when the options are parsed, so that a setting can stand in between. */
  default?: string;
  choices?: readonly string[];
  /** The value is a comma-separated list of these (`--fields`): completion offers them after a comma too. */
  items?: readonly string[];
  /** May be given more than once; the values are collected in order. */
  repeatable?: boolean;
  /** Accepted but not offered (help, completion, man page): it changes nothing for this command. */
  hidden?: boolean;
}

/** What a flags string says: `--min-upvotes <N>` is key `minUpvotes` (commander's naming), long, short, value. */
export function optionKey(flags: string): { key: string; long: string; short: string | null; takesValue: boolean; negated: boolean } {
  const long = /--([a-z][a-z-]*)/.exec(flags)![1]!;
  const short = /(?:^|\s)-([a-zA-Z])\b/.exec(flags)?.[1] ?? null;
  const negated = long.startsWith('no-');
  const name = negated ? long.slice(3) : long;
  return { key: name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()), long, short, takesValue: /<[^>]+>/.test(flags), negated };
}
