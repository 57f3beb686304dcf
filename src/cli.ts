import { Command, CommanderError, Option } from 'commander';
import type { Context } from './context.js';
import { EXIT, PapersError } from './core/errors.js';
import { GLOBAL_OPTIONS, LIST_OPTIONS, NET_OPTIONS, OPEN_OPTIONS, READ_OPTIONS, SHOW_OPTIONS, type OptionSpec } from './options.js';
import { VERSION } from './version.js';

interface GlobalFlags {
  color?: boolean;
  quiet?: boolean;
  verbose?: boolean;
}

const interrupt = new AbortController();
let context: Context | undefined;

function toOption(spec: OptionSpec): Option {
  const option = new Option(spec.flags, spec.description);
  // Defaults are applied by the option parsers, after the settings; commander only shows them.
  if (spec.default !== undefined) option.default(undefined, spec.default);
  if (spec.choices) option.choices(spec.choices as string[]);
  if (spec.repeatable) option.argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]);
  return option;
}

function addOptions(command: Command, specs: readonly OptionSpec[]): Command {
  for (const spec of specs) command.addOption(toOption(spec));
  return command;
}

/** Builds the context from the real process, once, when a command first needs it. */
async function contextFor(command: Command): Promise<Context> {
  if (context) return context;
  const { createContext } = await import('./shell.js');
  const flags = command.optsWithGlobals<GlobalFlags>();
  context = createContext(process, { noColor: flags.color === false, quiet: Boolean(flags.quiet), verbose: Boolean(flags.verbose) }, interrupt.signal);
  return context;
}

type ListRun<A extends unknown[]> = (
  ctx: Context,
  opts: import('./commands/listOptions.js').ListOptions,
  raw: Record<string, unknown>,
  ...args: A
) => Promise<import('./ui/present.js').ListResult>;

/** A list command's action: validate options, run the command module, print its list. */
function listAction<A extends unknown[]>(run: ListRun<A>) {
  return async (...args: unknown[]) => {
    const command = args.at(-1) as Command;
    const positional = args.slice(0, -2) as A;
    const [{ parseListOptions }, { printList }] = await Promise.all([import('./commands/listOptions.js'), import('./ui/present.js')]);
    const raw = command.opts();
    const ctx = await contextFor(command);
    const opts = parseListOptions(raw, (await ctx.settings().read()).settings);
    const result = await run(ctx, opts, raw, ...positional);
    await printList(ctx, result, opts);
  };
}

/** Prints a command's plain lines (config, cache). */
async function printLines(ctx: Context, lines: string[]): Promise<void> {
  const { writeChunks } = await import('./io/output.js');
  const { sanitizeLine } = await import('./core/sanitize.js');
  await writeChunks(ctx.stdout, lines.map((l) => `${l.split('\t').map(sanitizeLine).join('\t')}\n`));
}

function buildProgram(): Command {
  const program = new Command('papers')
    .description('Hugging Face Daily Papers and arXiv in the terminal')
    .version(VERSION, '-V, --version')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(`papers: ${text.replace(/^error: /, '')}`) });
  addOptions(program, GLOBAL_OPTIONS);

  addOptions(
    program.command('today', { isDefault: true }).description('the latest Daily Papers list, ranked by upvotes'),
    LIST_OPTIONS,
  ).action(listAction(async (ctx, opts, _raw) => (await import('./commands/today.js')).today(ctx, opts)));

  addOptions(
    program.command('day').argument('<date>', 'YYYY-MM-DD, yesterday, or -N (N days ago)').description("one day's Daily Papers list"),
    LIST_OPTIONS,
  ).action(listAction(async (ctx, opts, _raw, date: string) => (await import('./commands/today.js')).day(ctx, date, opts)));

  addOptions(
    program.command('week').argument('[week]', 'YYYY-Www or a date in the week (default: this week)').description('the papers of a week, ranked'),
    LIST_OPTIONS,
  ).action(listAction(async (ctx, opts, _raw, arg?: string) => (await import('./commands/period.js')).week(ctx, arg, opts)));

  addOptions(
    program.command('month').argument('[month]', 'YYYY-MM (default: this month)').description('the papers of a month, ranked'),
    LIST_OPTIONS,
  ).action(listAction(async (ctx, opts, _raw, arg?: string) => (await import('./commands/period.js')).month(ctx, arg, opts)));

  addOptions(
    program.command('search').argument('<query...>', 'words to search for (at most 250 characters)').description('Hugging Face paper search, ranked'),
    LIST_OPTIONS,
  ).action(listAction(async (ctx, opts, _raw, words: string[]) => (await import('./commands/search.js')).search(ctx, words, opts)));

  addOptions(
    program.command('read').argument('[file]', 'a saved feed; - or nothing for stdin').description('list a saved feed: HF API JSON, arXiv Atom or RSS, or a papers page copy'),
    [...READ_OPTIONS, ...LIST_OPTIONS],
  ).action(
    listAction(async (ctx, opts, raw, file: string | undefined) =>
      (await import('./commands/read.js')).read(ctx, file, raw.from as import('./core/feedFormats.js').FeedFormat | undefined, opts),
    ),
  );

  addOptions(
    program.command('show').alias('abstract').argument('<ref>', 'arXiv id or URL, or a row number of the last list').description('one paper in full: authors, links, AI summary and the whole abstract'),
    SHOW_OPTIONS,
  ).action(async (ref: string, raw: { json?: boolean }, command: Command) => {
    const [{ parseNet }, { show }, { printPaper }] = await Promise.all([import('./commands/listOptions.js'), import('./commands/show.js'), import('./ui/present.js')]);
    const net = parseNet(command.opts());
    const ctx = await contextFor(command);
    await printPaper(ctx, await show(ctx, ref, net), Boolean(raw.json));
  });

  addOptions(
    program.command('open').argument('<ref>', 'arXiv id or URL, or a row number of the last list').description('open a paper in the browser (arXiv abstract by default)'),
    OPEN_OPTIONS,
  ).action(async (ref: string, raw: { pdf?: boolean; code?: boolean; hf?: boolean; print?: boolean }, command: Command) => {
    const [{ parseNet }, { open }, { UsageError }] = await Promise.all([import('./commands/listOptions.js'), import('./commands/open.js'), import('./core/errors.js')]);
    const targets = (['pdf', 'code', 'hf'] as const).filter((t) => raw[t]);
    if (targets.length > 1) throw new UsageError(`--${targets.join(' and --')} contradict each other; give one`);
    const net = parseNet(command.opts());
    await open(await contextFor(command), ref, targets[0] ?? 'abs', Boolean(raw.print), net);
  });

  addOptions(
    program.command('save').argument('<ref>', 'arXiv id or URL, or a row number of the last list').description('add a paper to the reading list'),
    NET_OPTIONS,
  ).action(async (ref: string, _raw: unknown, command: Command) => {
    const [{ parseNet }, { save }] = await Promise.all([import('./commands/listOptions.js'), import('./commands/saved.js')]);
    const net = parseNet(command.opts());
    await save(await contextFor(command), ref, net);
  });

  program
    .command('unsave')
    .argument('<ref>', 'arXiv id or URL, or a row number of the last list')
    .description('remove a paper from the reading list')
    .action(async (ref: string, _raw: unknown, command: Command) => {
      const { unsave } = await import('./commands/saved.js');
      await unsave(await contextFor(command), ref);
    });

  addOptions(program.command('saved').description('the reading list, like any other list (works offline)'), LIST_OPTIONS).action(
    listAction(async (ctx, opts, _raw) => (await import('./commands/saved.js')).saved(ctx, opts)),
  );

  program
    .command('config')
    .argument('[action]', 'list (default), get <key>, set <key> <value>, unset <key>, or path')
    .argument('[args...]')
    .description('show and change settings: defaults for the list options you repeat')
    .action(async (action: string | undefined, args: string[], _raw: unknown, command: Command) => {
      const { config } = await import('./commands/config.js');
      const ctx = await contextFor(command);
      await printLines(ctx, await config(ctx, action, args));
    });

  program
    .command('cache')
    .argument('[action]', 'ls (default), path, or clear')
    .description('where the cache is, what it holds, and emptying it')
    .action(async (action: string | undefined, _raw: unknown, command: Command) => {
      const { cache } = await import('./commands/cache.js');
      const ctx = await contextFor(command);
      await printLines(ctx, await cache(ctx, action));
    });

  for (const command of program.commands) command.exitOverride().configureOutput({ outputError: (text, write) => write(`papers: ${text.replace(/^error: /, '')}`) });
  return program;
}

/** The one place errors become a message and an exit code. */
function report(error: unknown): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0) return EXIT.ok;
    return EXIT.usage;
  }
  if (interrupt.signal.aborted) return EXIT.interrupted;
  if (error instanceof PapersError) {
    process.stderr.write(`papers: ${error.message}\n`);
    if (error.hint) process.stderr.write(`hint: ${error.hint}\n`);
    if (process.env.PAPERS_DEBUG === '1') process.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`papers: unexpected error: ${message}\n`);
  if (process.env.PAPERS_DEBUG === '1' && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  else process.stderr.write('hint: run again with PAPERS_DEBUG=1 for details, and report it\n');
  return EXIT.failure;
}

async function main(argv: string[]): Promise<void> {
  process.stdout.on('error', () => undefined);
  process.on('SIGINT', () => {
    if (interrupt.signal.aborted) process.exit(EXIT.interrupted);
    interrupt.abort();
    void context?.spinner.stop();
    process.exitCode = EXIT.interrupted;
  });
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    process.exitCode = report(error);
  } finally {
    await context?.close();
  }
  if (interrupt.signal.aborted) {
    process.stderr.write('papers: interrupted\n');
    process.exitCode = EXIT.interrupted;
  }
}

await main(process.argv);
