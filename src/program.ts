import { Command, Option } from 'commander';
import { COMMANDS, GLOBAL_OPTIONS, type CommandSpec } from './commands.js';
import type { OptionSpec } from './options.js';
import { VERSION } from './version.js';

export interface Invocation {
  command: string;
  args: unknown[];
  options: Record<string, unknown>;
}

function toOption(spec: OptionSpec): Option {
  const option = new Option(spec.flags, spec.description);
  // Defaults are applied by the option parsers, after the settings; commander only shows them.
  if (spec.default !== undefined) option.default(undefined, spec.default);
  if (spec.choices) option.choices(spec.choices as string[]);
  if (spec.repeatable) option.argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]);
  return option;
}

function argText(spec: CommandSpec): string[] {
  return spec.args.map((a) => {
    const inner = `${a.name}${a.variadic ? '...' : ''}`;
    return a.required ? `<${inner}>` : `[${inner}]`;
  });
}

const outputError = (text: string, write: (s: string) => void) => write(`papers: ${text.replace(/^error: /, '')}`);

/**
 * The full commander program, built from the command table: help with examples, version, errors
 * with suggestions. The action only records what was asked; cli.ts runs it like the fast path.
 */
export function buildProgram(onRun: (inv: Invocation) => void): Command {
  const program = new Command('papers')
    .description('Hugging Face Daily Papers and arXiv in the terminal')
    .version(VERSION, '-V, --version')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ outputError });
  for (const spec of GLOBAL_OPTIONS) program.addOption(toOption(spec));
  for (const spec of COMMANDS) {
    const command = program.command(spec.name, spec.name === 'today' ? { isDefault: true } : {}).description(spec.description);
    for (const alias of spec.aliases ?? []) command.alias(alias);
    spec.args.forEach((a, i) => command.argument(argText(spec)[i]!, a.description));
    for (const o of spec.options) command.addOption(toOption(o));
    if (spec.examples.length > 0) command.addHelpText('after', `\nExamples:\n${spec.examples.map((e) => `  $ ${e}`).join('\n')}\n`);
    command.exitOverride().configureOutput({ outputError });
    command.action((...params: unknown[]) => {
      const self = params.at(-1) as Command;
      onRun({ command: spec.name, args: params.slice(0, spec.args.length), options: self.optsWithGlobals() });
    });
  }
  return program;
}
