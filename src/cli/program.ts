import { Command, Option } from 'commander';
import { COMMANDS, GLOBAL_OPTIONS, type CommandSpec } from './table.js';
import type { Parsed } from './fastParse.js';
import { optionKey, type OptionSpec } from '../core/optionSpec.js';
import { VERSION } from '../version.js';
import { fdOutput, streamOutput } from '../io/output.js';
import type { ProcessLike } from './shell.js';
import { writeStderr } from '../ui/stderr.js';

function toOption(spec: OptionSpec): Option {
  // Defaults are applied by the option parsers, after the settings; commander only shows them.
  const option = new Option(spec.flags, spec.default === undefined ? spec.description : `${spec.description} (default: ${spec.default})`);
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

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/**
 * The first word that is neither an option, an option's value nor a command: with `today` as the
 * default command, commander would call it an extra argument of today; a user meant a command.
 */
export function unknownCommand(argv: readonly string[]): { word: string; suggestion: string | null } | null {
  const valued = new Set(
    [...GLOBAL_OPTIONS, ...COMMANDS.find((c) => c.name === 'today')!.options]
      .map((o) => optionKey(o.flags))
      .filter((k) => k.takesValue)
      .flatMap((k) => [`--${k.long}`, ...(k.short ? [`-${k.short}`] : [])]),
  );
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === '--') return null;
    if (word.startsWith('-')) {
      if (valued.has(word)) i++;
      continue;
    }
    if (COMMANDS.some((c) => c.name === word || c.aliases?.includes(word)) || word === 'help') return null;
    const names = COMMANDS.flatMap((c) => [c.name, ...(c.aliases ?? [])]);
    const best = names.map((n) => ({ n, d: distance(word, n) })).sort((a, b) => a.d - b.d)[0]!;
    return { word, suggestion: best.d <= Math.max(2, Math.floor(word.length / 3)) ? best.n : null };
  }
  return null;
}

const ROOT_EXAMPLES = [
  "papers                                   # today's papers, ranked",
  'papers show 3                            # row 3 of the last list, in full',
  "papers today --json | jq -r '.[] | .title'",
  'papers week --min-upvotes 50 -n 10',
  'papers search diffusion transformers --has-code',
  'papers read feed.xml --format markdown',
];

const outputError = (text: string, write: (s: string) => void) => write(`papers: ${text.replace(/^error: /, '')}`);

/** Commander's output goes through papers' own streams: a closed pipe ends help quietly, as it ends a list. */
function outputOf(proc: ProcessLike) {
  const out = proc.stdoutFd === null ? streamOutput(proc.stdout()) : fdOutput(proc.stdoutFd);
  return {
    writeOut: (s: string) => void out.write(s),
    writeErr: (s: string) => writeStderr(proc.stderr(), s),
    outputError,
  };
}

/**
 * The full commander program, built from the command table: help with examples, version, errors
 * with suggestions. The action only records what was asked; cli.ts runs it like the fast path.
 */
export function buildProgram(onRun: (inv: Parsed) => void, proc: ProcessLike): Command {
  const output = outputOf(proc);
  const program = new Command('papers')
    .description('Hugging Face Daily Papers and arXiv in the terminal')
    .version(VERSION, '-V, --version')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput(output);
  for (const spec of GLOBAL_OPTIONS) program.addOption(toOption(spec));
  program.addHelpText(
    'after',
    `\nExamples:\n${ROOT_EXAMPLES.map((e) => `  $ ${e}`).join('\n')}\n\nRun papers <command> --help for a command's options; man papers for everything.\n`,
  );
  for (const spec of COMMANDS) {
    const command = program.command(spec.name, spec.name === 'today' ? { isDefault: true } : {}).description(spec.description);
    for (const alias of spec.aliases ?? []) command.alias(alias);
    spec.args.forEach((a, i) => command.argument(argText(spec)[i]!, a.description));
    for (const o of spec.options) command.addOption(toOption(o));
    if (spec.examples.length > 0) command.addHelpText('after', `\nExamples:\n${spec.examples.map((e) => `  $ ${e}`).join('\n')}\n`);
    command.exitOverride().configureOutput(output);
    command.action((...params: unknown[]) => {
      const self = params.at(-1) as Command;
      const args = params.slice(0, spec.args.length).flatMap((a) => (Array.isArray(a) ? (a as string[]) : typeof a === 'string' ? [a] : []));
      onRun({ command: spec.name, args, options: self.optsWithGlobals() });
    });
  }
  return program;
}
