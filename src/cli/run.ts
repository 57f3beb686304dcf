import { EXIT, PapersError } from '../core/errors.js';
import type { Context } from '../context.js';
import { fastParse, type Parsed } from './fastParse.js';
import { Interrupt } from './interrupt.js';
import { commandLine } from './misuse.js';
import { buildProgram } from './program.js';
import { createContext, messagesOf, type ProcessLike } from './shell.js';
import { findCommand } from './table.js';
import { writeStderr, type MessageKind } from '../ui/stderr.js';
import { stderrColors } from '../ui/terminal.js';
import { listFormat, present } from '../ui/print.js';
import { rememberRows } from '../io/lastList.js';

export type { ProcessLike } from './shell.js';

/** Commander's reading of the arguments, for everything the fast path leaves to it; null when it printed help or the version. */
async function parseWithCommander(argv: readonly string[], proc: ProcessLike): Promise<Parsed | null> {
  const words = commandLine(argv);
  let invocation: Parsed | null = null;
  await (await buildProgram((inv) => (invocation = inv), proc)).parseAsync([...words], { from: 'user' });
  return invocation;
}

/** The one place errors become a message and an exit code. */
function report(error: unknown, proc: ProcessLike, interrupted: boolean, colour: () => boolean, redact: (text: string) => string = (t) => t): number {
  // Commander has already printed its message; known by its code, so that no error path loads commander.
  const commander = error as { code?: unknown; exitCode?: unknown } | null;
  if (typeof commander?.code === 'string' && commander.code.startsWith('commander.')) {
    if (commander.code === 'commander.helpDisplayed' || commander.code === 'commander.version' || commander.exitCode === 0) return EXIT.ok;
    return EXIT.usage;
  }
  if (interrupted) return EXIT.interrupted;
  const debug = proc.env.PAPERS_DEBUG === '1';
  // Nothing printed may carry the Hugging Face token, whatever an error quotes.
  const messages = messagesOf(proc);
  const err = (text: string, kind?: MessageKind) => writeStderr(messages(), redact(text), kind && colour() ? kind : undefined);
  if (error instanceof PapersError) {
    err(`papers: ${error.message}\n`, 'error');
    if (error.hint) err(`hint: ${error.hint}\n`, 'hint');
    if (debug) err(`${error.stack}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  err(`papers: unexpected error: ${message}\n`, 'error');
  if (debug && error instanceof Error) err(`${error.stack}\n`);
  else err('hint: run again with PAPERS_DEBUG=1 for details, and report it\n', 'hint');
  return EXIT.failure;
}

/**
 * Runs papers once with these arguments against this process (real, or a test's), and resolves to
 * the exit code. Nothing here touches the real process: main.ts does that.
 */
export async function run(argv: readonly string[], proc: ProcessLike, interrupt = new Interrupt()): Promise<number> {
  let context: Context | undefined;
  let code: number = EXIT.ok;
  try {
    const parsed = fastParse(argv) ?? (await parseWithCommander(argv, proc));
    if (parsed) {
      const spec = findCommand(parsed.command)!;
      const options = parsed.options;
      const ctx = createContext(proc, { noColor: options.color === false, quiet: options.quiet === true, verbose: options.verbose === true }, interrupt);
      context = ctx;
      interrupt.onAbort(() => void ctx.spinner.stop());
      const command = await spec.load();
      const result = await command.run(ctx, { args: parsed.args, options });
      const tty = result.kind === 'list' && result.list.options.interactive !== 'no' ? ctx.tty() : null;
      // -i: the list in the reader (ink and React are loaded on this path only), else printed.
      if (result.kind === 'list' && tty) code = await (await import('../ui/reader/launch.js')).readList(ctx, result.list, tty);
      else await present(ctx, result);
      // Row numbers are those of the last list a person saw in a table on a terminal or in the reader:
      // pipes, files and empty lists leave them.
      if (result.kind === 'list' && (tty || (ctx.terminal.stdoutTTY && listFormat(ctx, result.list.options) === 'table'))) {
        rememberRows(ctx, result.list.papers);
      }
    }
  } catch (error) {
    // The run's terminal facts when it got that far; else read here (--no-color may be anywhere on the line).
    const colour = () => context?.terminal.stderrColor ?? (proc.stderrFd === null && stderrColors(proc.stderr(), proc.env, argv.includes('--no-color')));
    code = report(error, proc, interrupt.aborted, colour, context?.redact);
  } finally {
    await context?.close();
  }
  if (interrupt.aborted) {
    writeStderr(messagesOf(proc)(), 'papers: interrupted\n');
    code = EXIT.interrupted;
  }
  return code;
}
