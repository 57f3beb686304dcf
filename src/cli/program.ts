import type { Command, Option } from 'commander';
import { COMMANDS, GLOBAL_OPTIONS, type CommandSpec } from './table.js';
import type { Parsed } from './fastParse.js';
import type { OptionSpec } from '../core/optionSpec.js';
import { VERSION } from '../version.js';
import { fdOutput, streamOutput } from '../io/output.js';
import { inOurVoice } from './misuse.js';
import type { ProcessLike } from './shell.js';
import { writeStderr } from '../ui/stderr.js';
import { formatExamples, helpLayout, wrapAt } from './helpLayout.js';

type Commander = typeof import('commander');

function toOption({ Option }: Commander, spec: OptionSpec): Option {
  // Defaults are applied by the option parsers, after the settings; commander only shows them.
  const option = new Option(spec.flags, spec.default === undefined ? spec.description : `${spec.description} (default: ${spec.default})`);
  if (spec.choices) option.choices(spec.choices as string[]);
  if (spec.repeatable) option.argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]);
  if (spec.hidden) option.hideHelp();
  return option;
}

function argText(spec: CommandSpec): string[] {
  return spec.args.map((a) => {
    const inner = `${a.name}${a.variadic ? '...' : ''}`;
    return a.required ? `<${inner}>` : `[${inner}]`;
  });
}

const ROOT_EXAMPLES = [
  "papers  # today's papers, ranked",
  'papers show 3  # row 3 of the last list, in full',
  "papers today --json | jq -r '.[] | .title'",
  'papers week --min-upvotes 50 -n 10',
  'papers search diffusion transformers --has-code',
  'papers read feed.xml --format markdown',
];

const outputError = (text: string, write: (s: string) => void) => write(inOurVoice(text));

/** Colour in help as commander decides it, from the run's environment and stream rather than the global process's. */
function helpColors(env: NodeJS.ProcessEnv, stream: NodeJS.WriteStream | null): boolean {
  if (env.NO_COLOR || env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false') return false;
  if (env.FORCE_COLOR || env.CLICOLOR_FORCE !== undefined) return true;
  return Boolean(stream?.isTTY && stream.hasColors?.(env));
}

/**
 * Commander's output goes through papers' own streams (a closed pipe ends help quietly, as it ends a
 * list), wrapped at the terminal's width, else $COLUMNS, else 80, at word boundaries. Nothing of it
 * reads the global process.
 */
function outputOf(proc: ProcessLike) {
  const stream = proc.stdoutFd === null ? proc.stdout() : null;
  const out = stream ? streamOutput(stream) : fdOutput(proc.stdoutFd!);
  const fromEnv = Number.parseInt(proc.env.COLUMNS ?? '', 10);
  const width = () => Math.max(40, Math.min(200, (stream?.isTTY && stream.columns) || (fromEnv > 0 ? fromEnv : 80)));
  return {
    writeOut: (s: string) => void out.write(s),
    writeErr: (s: string) => writeStderr(proc.stderr(), s),
    getOutHelpWidth: width,
    getErrHelpWidth: width,
    getOutHasColors: () => helpColors(proc.env, stream),
    getErrHasColors: () => helpColors(proc.env, proc.stderr()),
    outputError,
  };
}

/**
 * The full commander program, built from the command table: help with examples, version, errors
 * with suggestions. The action only records what was asked; cli.ts runs it like the fast path.
 */
export async function buildProgram(onRun: (inv: Parsed) => void, proc: ProcessLike): Promise<Command> {
  // commander (~20 ms): loaded only for help, errors and what the fast parser leaves to it.
  const commander = await import('commander');
  const output = outputOf(proc);
  // Every command's help lists the options papers takes everywhere (--no-color, -q, --verbose).
  const help = helpLayout(commander.Help);
  const widthFor = (context: { error: boolean }) => (context.error ? output.getErrHelpWidth() : output.getOutHelpWidth());
  const program = new commander.Command('papers')
    .description('Hugging Face Daily Papers and arXiv in the terminal')
    .version(VERSION, '-V, --version')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput(output)
    .configureHelp(help);
  for (const spec of GLOBAL_OPTIONS) program.addOption(toOption(commander, spec));
  program.addHelpText('after', (context) => {
    const width = widthFor(context);
    return `${formatExamples(ROOT_EXAMPLES, width)}\n${wrapAt("Run papers <command> --help for a command's options; man papers for everything.", width, 0).join('\n')}\n`;
  });
  for (const spec of COMMANDS) {
    const command = program.command(spec.name, spec.name === 'today' ? { isDefault: true } : {}).description(spec.description);
    for (const alias of spec.aliases ?? []) command.alias(alias);
    spec.args.forEach((a, i) => command.argument(argText(spec)[i]!, a.description));
    for (const o of spec.options) command.addOption(toOption(commander, o));
    if (spec.examples.length > 0) command.addHelpText('after', (context) => formatExamples(spec.examples, widthFor(context)));
    command
      .exitOverride()
      .configureOutput({ ...output, outputError: (text, write) => write(inOurVoice(text, spec.name)) })
      .configureHelp(help);
    command.action((...params: unknown[]) => {
      const self = params.at(-1) as Command;
      const args = params.slice(0, spec.args.length).flatMap((a) => (Array.isArray(a) ? (a as string[]) : typeof a === 'string' ? [a] : []));
      onRun({ command: spec.name, args, options: self.optsWithGlobals() });
    });
  }
  return program;
}
