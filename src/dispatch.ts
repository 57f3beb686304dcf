import type { Context } from './context.js';
import type { FeedFormat } from './core/feedFormats.js';

/** Option values as either parser hands them over: camelCase keys, strings, booleans, lists. */
export type RawOptions = Record<string, unknown>;

/** Runs a command by name with its positional arguments and options; the one place commands are wired. */
export async function dispatch(ctx: Context, name: string, args: unknown[], raw: RawOptions): Promise<void> {
  switch (name) {
    case 'today':
    case 'day':
    case 'week':
    case 'month':
    case 'search':
    case 'read':
    case 'saved':
      return list(ctx, name, args, raw);
    case 'show': {
      const [{ parseNet }, { show }, { printPaper }] = await Promise.all([import('./commands/listOptions.js'), import('./commands/show.js'), import('./ui/present.js')]);
      const net = parseNet(raw);
      return printPaper(ctx, await show(ctx, args[0] as string, net), Boolean(raw.json));
    }
    case 'open': {
      const [{ parseNet }, { open }, { UsageError }] = await Promise.all([import('./commands/listOptions.js'), import('./commands/open.js'), import('./core/errors.js')]);
      const targets = (['pdf', 'code', 'hf'] as const).filter((t) => raw[t]);
      if (targets.length > 1) throw new UsageError(`--${targets.join(' and --')} contradict each other; give one`);
      return open(ctx, args[0] as string, targets[0] ?? 'abs', Boolean(raw.print), parseNet(raw));
    }
    case 'save': {
      const [{ parseNet }, { save }] = await Promise.all([import('./commands/listOptions.js'), import('./commands/saved.js')]);
      return save(ctx, args[0] as string, parseNet(raw));
    }
    case 'unsave':
      return (await import('./commands/saved.js')).unsave(ctx, args[0] as string);
    case 'config':
      return printLines(ctx, await (await import('./commands/config.js')).config(ctx, args[0] as string | undefined, (args[1] as string[] | undefined) ?? []));
    case 'completion':
      return completion(ctx, args[0] as string);
    case 'cache':
      return printLines(ctx, await (await import('./commands/cache.js')).cache(ctx, args[0] as string | undefined));
    default:
      throw new Error(`no command ${name}`);
  }
}

/** A list command: validate options (settings as defaults), run it, print the list. */
async function list(ctx: Context, name: string, args: unknown[], raw: RawOptions): Promise<void> {
  const [{ parseListOptions }, { printList }] = await Promise.all([import('./commands/listOptions.js'), import('./ui/present.js')]);
  const opts = parseListOptions(raw, (await ctx.settings().read()).settings);
  let result;
  switch (name) {
    case 'today':
      result = await (await import('./commands/today.js')).today(ctx, opts);
      break;
    case 'day':
      result = await (await import('./commands/today.js')).day(ctx, args[0] as string, opts);
      break;
    case 'week':
      result = await (await import('./commands/period.js')).week(ctx, args[0] as string | undefined, opts);
      break;
    case 'month':
      result = await (await import('./commands/period.js')).month(ctx, args[0] as string | undefined, opts);
      break;
    case 'search':
      result = await (await import('./commands/search.js')).search(ctx, args[0] as string[], opts);
      break;
    case 'read':
      result = await (await import('./commands/read.js')).read(ctx, args[0] as string | undefined, raw.from as FeedFormat | undefined, opts);
      break;
    default:
      result = await (await import('./commands/saved.js')).saved(ctx, opts);
  }
  await printList(ctx, result, opts);
}

/** `papers completion <shell>`; `ids` (used by the scripts) prints the last list's ids. */
async function completion(ctx: Context, shell: string): Promise<void> {
  const [{ completionScript, SHELLS }, { COMMANDS, GLOBAL_OPTIONS }, { UsageError }] = await Promise.all([
    import('./render/completion.js'),
    import('./commands.js'),
    import('./core/errors.js'),
  ]);
  if (shell === 'ids') {
    const { recallList } = await import('./io/lastList.js');
    return printLines(ctx, (recallList(ctx.cache().dir)?.ids ?? []).filter((id): id is string => id !== null));
  }
  if (!(SHELLS as readonly string[]).includes(shell)) throw new UsageError(`no completion for '${shell}'`, `use ${SHELLS.join(', ')}`);
  const { writeChunks } = await import('./io/output.js');
  await writeChunks(ctx.stdout, [completionScript(shell as (typeof SHELLS)[number], COMMANDS, GLOBAL_OPTIONS)]);
}

/** Prints a command's plain lines (config, cache), tab-separated fields sanitised one by one. */
async function printLines(ctx: Context, lines: string[]): Promise<void> {
  const [{ writeChunks }, { sanitizeLine }] = await Promise.all([import('./io/output.js'), import('./core/sanitize.js')]);
  await writeChunks(ctx.stdout, lines.map((l) => `${l.split('\t').map(sanitizeLine).join('\t')}\n`));
}
