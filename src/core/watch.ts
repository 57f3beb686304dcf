import { isObject, wholeNumber } from './coerce.js';
import { UsageError } from './errors.js';
import { accepts, pattern, type Filters } from './filter.js';
import type { Paper } from './paper.js';
import { sanitizeLine } from './sanitize.js';

/** A saved filter, as the settings file keeps it: patterns as text, compiled when used. */
export interface Watch {
  name: string;
  grep: string[];
  exclude: string[];
  author: string[];
  org: string[];
  minUpvotes: number | null;
  hasCode: boolean;
}

/** A watch ready to match papers. */
export interface CompiledWatch {
  name: string;
  filters: Filters;
}

const NAME = /^[a-z0-9-]{1,32}$/;
const PATTERN_RULES = ['grep', 'exclude', 'author', 'org'] as const;

/** A watch's rules as filters; throws a usage error naming the bad pattern. */
export function compileWatch(w: Watch): CompiledWatch {
  const compile = (list: string[], option: string) => list.map((p) => pattern(p, option));
  return {
    name: w.name,
    filters: {
      grep: compile(w.grep, '--grep'),
      exclude: compile(w.exclude, '--exclude'),
      author: compile(w.author, '--author'),
      org: compile(w.org, '--org'),
      minUpvotes: w.minUpvotes,
      hasCode: w.hasCode,
    },
  };
}

/** A new watch from `papers watch add`, validated: a name of [a-z0-9-]{1,32}, at least one rule, valid patterns. */
export function newWatch(name: string, rules: Omit<Watch, 'name'>): Watch {
  if (!NAME.test(name)) throw new UsageError(`'${sanitizeLine(name)}' is not a watch name`, 'a name is 1 to 32 of a-z, 0-9 and -');
  const watch: Watch = { name, ...rules };
  if (PATTERN_RULES.every((k) => watch[k].length === 0) && watch.minUpvotes === null && !watch.hasCode) {
    throw new UsageError(`the watch '${name}' has no rule`, 'give at least one of --grep, --exclude, --author, --org, --min-upvotes, --has-code');
  }
  compileWatch(watch);
  return watch;
}

/** A watch read back from the settings file; null when it does not validate (the file may be edited by hand). */
export function watchFrom(raw: unknown): Watch | null {
  if (!isObject(raw) || typeof raw.name !== 'string') return null;
  const texts = (v: unknown) => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : null);
  const lists = PATTERN_RULES.map((k) => texts(raw[k] ?? []));
  if (lists.some((l) => l === null)) return null;
  const min = raw.minUpvotes === null || raw.minUpvotes === undefined ? null : wholeNumber(String(raw.minUpvotes), 0);
  if (min === null && raw.minUpvotes !== null && raw.minUpvotes !== undefined) return null;
  try {
    const [grep, exclude, author, org] = lists as string[][];
    return newWatch(raw.name, { grep: grep!, exclude: exclude!, author: author!, org: org!, minUpvotes: min, hasCode: raw.hasCode === true });
  } catch {
    return null;
  }
}

/** The rules as the options that would make them, for `watch ls`. */
export function describeWatch(w: Watch): string {
  const parts = PATTERN_RULES.flatMap((k) => w[k].map((p) => `--${k} ${JSON.stringify(p)}`));
  if (w.minUpvotes !== null) parts.push(`--min-upvotes ${w.minUpvotes}`);
  if (w.hasCode) parts.push('--has-code');
  return parts.join(' ');
}

/** The names of the watches a paper matches, in the order they were added. */
export function watchesOf(p: Paper, watches: readonly CompiledWatch[]): string[] {
  const names: string[] = [];
  for (const w of watches) if (accepts(p, w.filters)) names.push(w.name);
  return names;
}
