import { addDays, nyDay } from '../core/dates.js';
import { UsageError } from '../core/errors.js';
import { flagOption, listOption, stringOption } from '../core/listOptions.js';
import { wholeNumber } from '../core/coerce.js';
import type { Paper } from '../core/paper.js';
import { NOTHING, type Invocation, type Result } from '../core/result.js';
import type { RawOptions } from '../core/listOptions.js';
import { sanitizeLine } from '../core/sanitize.js';
import { compileWatch, describeWatch, newWatch, watchesOf, type Watch } from '../core/watch.js';
import type { Context } from '../context.js';

/** How many days `watch ls` counts matches over, from the cache only. */
const LS_DAYS = 7;

/** The rules `watch add` was given, validated. */
function rulesOf(options: RawOptions): Omit<Watch, 'name'> {
  const min = stringOption(options, 'minUpvotes');
  const minUpvotes = min === undefined ? null : wholeNumber(min, 0);
  if (min !== undefined && minUpvotes === null) throw new UsageError(`--min-upvotes takes a whole number from 0 up, not '${min}'`);
  return {
    grep: listOption(options, 'grep'),
    exclude: listOption(options, 'exclude'),
    author: listOption(options, 'author'),
    org: listOption(options, 'org'),
    minUpvotes,
    hasCode: flagOption(options, 'hasCode'),
  };
}

/** The papers of the last week's cached days, without the network. */
function recentPapers(ctx: Context): Paper[] {
  const today = nyDay(ctx.now());
  const cache = ctx.cache();
  return Array.from({ length: LS_DAYS }, (_, i) => cache.read<Paper[]>(`day:${addDays(today, -i)}`)?.data ?? []).flat();
}

/** `papers watch add <name> <rules...>`, `watch ls`, `watch rm <name>`: saved filters, kept in the settings. */
export async function run(ctx: Context, { args, options }: Invocation): Promise<Result> {
  const action = args[0] ?? 'ls';
  const name = args[1];
  switch (action) {
    case 'add': {
      if (name === undefined) throw new UsageError('watch add needs a name', 'papers watch add <name> --grep <pattern> ...');
      const watch = newWatch(name, rulesOf(options));
      let replaced = false;
      await ctx.settings().update((store) => {
        replaced = store.watches.some((w) => w.name === name);
        const watches = replaced ? store.watches.map((w) => (w.name === name ? watch : w)) : [...store.watches, watch];
        return { ...store, watches };
      });
      ctx.note(`${replaced ? 'replaced' : 'added'} the watch ${name}: ${describeWatch(watch)}`);
      return NOTHING;
    }
    case 'ls': {
      const { watches } = await ctx.settings().read();
      if (watches.length === 0) {
        ctx.note('no watches yet (add one with papers watch add <name> --grep <pattern>)');
        return NOTHING;
      }
      const papers = recentPapers(ctx);
      const compiled = watches.map(compileWatch);
      const counts = new Map<string, number>();
      for (const p of papers) for (const n of watchesOf(p, compiled)) counts.set(n, (counts.get(n) ?? 0) + 1);
      return { kind: 'lines', lines: watches.map((w) => `${w.name}\t${describeWatch(w)}\t${counts.get(w.name) ?? 0} in the cached last ${LS_DAYS} days`) };
    }
    case 'rm': {
      if (name === undefined) throw new UsageError('watch rm needs a name', 'papers watch ls lists them');
      let removed = false;
      await ctx.settings().update((store) => {
        const watches = store.watches.filter((w) => w.name !== name);
        removed = watches.length < store.watches.length;
        return { ...store, watches };
      });
      if (!removed) throw new UsageError(`no watch named '${sanitizeLine(name)}'`, 'papers watch ls lists them');
      ctx.note(`removed the watch ${name}`);
      return NOTHING;
    }
    default:
      throw new UsageError(`no watch action '${sanitizeLine(action)}'`, 'use add, ls or rm');
  }
}
