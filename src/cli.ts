import type { Context } from './context.js';
import { EXIT, PapersError, UsageError } from './core/errors.js';
import type { RawOptions } from './dispatch.js';
import { fastParse, type Parsed } from './fastArgs.js';
import { interrupts } from './ui/interrupts.js';

// Created when a command first needs a signal (creating one costs at every start); Ctrl-C before
// that has nothing in flight to stop, and simply exits 130.
let interrupt: AbortController | undefined;
const interruptSignal = () => (interrupt ??= new AbortController()).signal;
const interrupted = () => interrupt?.signal.aborted === true;
let context: Context | undefined;

/** Builds the context from the real process, once. */
async function contextFor(options: RawOptions): Promise<Context> {
  const { createContext, realProcess } = await import('./shell.js');
  context = createContext(realProcess(), { noColor: options.color === false, quiet: Boolean(options.quiet), verbose: Boolean(options.verbose) }, interruptSignal);
  return context;
}

/** Commander's reading of the arguments, for everything the fast path leaves to it. */
async function parseWithCommander(argv: string[]): Promise<Parsed | null> {
  const { buildProgram, unknownCommand } = await import('./program.js');
  const unknown = unknownCommand(argv);
  if (unknown) {
    throw new UsageError(`unknown command '${unknown.word}'`, `${unknown.suggestion ? `did you mean '${unknown.suggestion}'? ` : ''}papers --help lists the commands`);
  }
  let invocation: Parsed | null = null;
  await buildProgram((inv) => (invocation = inv)).parseAsync(argv, { from: 'user' });
  return invocation;
}

/** The one place errors become a message and an exit code. */
function report(error: unknown): number {
  // Commander has already printed its message; known by its code, so that no error path loads commander.
  const commander = error as { code?: unknown; exitCode?: unknown } | null;
  if (typeof commander?.code === 'string' && commander.code.startsWith('commander.')) {
    if (commander.code === 'commander.helpDisplayed' || commander.code === 'commander.version' || commander.exitCode === 0) return EXIT.ok;
    return EXIT.usage;
  }
  if (interrupted()) return EXIT.interrupted;
  const debug = process.env.PAPERS_DEBUG === '1';
  if (error instanceof PapersError) {
    process.stderr.write(`papers: ${error.message}\n`);
    if (error.hint) process.stderr.write(`hint: ${error.hint}\n`);
    if (debug) process.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`papers: unexpected error: ${message}\n`);
  if (debug && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  else process.stderr.write('hint: run again with PAPERS_DEBUG=1 for details, and report it\n');
  return EXIT.failure;
}

async function main(argv: string[]): Promise<void> {
  process.on('SIGINT', () => {
    if (interrupts.ignored > 0) return;
    if (interrupted() || interrupt === undefined) {
      process.stderr.write('papers: interrupted\n');
      process.exit(EXIT.interrupted);
    }
    interrupt.abort();
    void context?.spinner.stop();
    process.exitCode = EXIT.interrupted;
  });
  try {
    const parsed = fastParse(argv) ?? (await parseWithCommander(argv));
    if (parsed) {
      const ctx = await contextFor(parsed.options);
      const { dispatch } = await import('./dispatch.js');
      await dispatch(ctx, parsed.command, parsed.args, parsed.options);
    }
  } catch (error) {
    process.exitCode = report(error);
  } finally {
    await context?.close();
  }
  if (interrupted()) {
    process.stderr.write('papers: interrupted\n');
    process.exitCode = EXIT.interrupted;
  }
}

void main(process.argv.slice(2));
