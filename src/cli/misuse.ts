import { UsageError } from '../core/errors.js';
import { optionKey } from '../core/optionSpec.js';
import { parseRef } from '../core/ref.js';
import { COMMANDS, findCommand, GLOBAL_OPTIONS } from './table.js';

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

/** The name closest to a word, when it is close enough to be what was meant. */
function closest(word: string, names: readonly string[] = COMMANDS.flatMap((c) => [c.name, ...(c.aliases ?? [])])): string | null {
  const best = names.map((n) => ({ n, d: distance(word, n) })).sort((a, b) => a.d - b.d)[0]!;
  return best.d <= Math.max(2, Math.floor(word.length / 3)) ? best.n : null;
}

function unknown(word: string): UsageError {
  let hint = 'papers --help lists the commands';
  const suggestion = closest(word);
  if (suggestion) hint = `did you mean '${suggestion}'? ${hint}`;
  else if (isRef(word)) hint = `to see that paper: papers show ${word}`;
  return new UsageError(`unknown command '${word}'`, hint);
}

function isRef(word: string): boolean {
  try {
    return parseRef(word).kind === 'id';
  } catch {
    return false;
  }
}

/** An option no command has, before any command word: said as commander says it after one. */
function unknownOption(flag: string, known: readonly string[]): UsageError {
  const suggestion = closest(
    flag,
    known.filter((w) => w.startsWith('--')),
  );
  return new UsageError(`unknown option '${flag}'`, suggestion ? `did you mean ${suggestion}?` : 'papers --help lists the options');
}

const flagsOf = (options: typeof GLOBAL_OPTIONS) =>
  options
    .map((o) => optionKey(o.flags))
    .flatMap((k) => [{ word: `--${k.long}`, valued: k.takesValue }, ...(k.short ? [{ word: `-${k.short}`, valued: k.takesValue }] : [])]);

/**
 * The command line as commander should read it. An unknown command is explained before commander can
 * misread it (with `today` the default command, it would call it an extra argument of today), as is
 * `help` of an unknown command and a paper id given without `show`; a command's options given before
 * the command are moved after it, as the fast parser reads them (`papers -n 2 day 2026-08-18`).
 */
export function commandLine(argv: readonly string[]): readonly string[] {
  const global = flagsOf(GLOBAL_OPTIONS);
  const listFlags = flagsOf(COMMANDS.find((c) => c.name === 'today')!.options);
  const valued = new Set([...global, ...listFlags].filter((f) => f.valued).map((f) => f.word));
  const globalWords = new Set(global.map((f) => f.word));
  const everyFlag = [...new Set([...global, ...COMMANDS.flatMap((c) => flagsOf(c.options))].map((f) => f.word)), '--help', '-h', '--version', '-V'];
  const before: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === '--') return argv;
    if (word.startsWith('-')) {
      before.push(word);
      if (valued.has(word) && i + 1 < argv.length) before.push(argv[++i]!);
      continue;
    }
    if (word === 'help') {
      const topic = argv[i + 1];
      if (topic !== undefined && !topic.startsWith('-') && !findCommand(topic)) throw unknown(topic);
      return argv;
    }
    if (!findCommand(word)) {
      // `papers --limt 3`: the typo, not its value read as a command.
      const stray = before.find((w) => w.startsWith('-') && !everyFlag.includes(w.split('=')[0]!));
      throw stray ? unknownOption(stray.split('=')[0]!, everyFlag) : unknown(word);
    }
    const misplaced = before.some((w) => w.startsWith('-') && !globalWords.has(w.split('=')[0]!));
    // Right after the command word: after a later --, they would be arguments; and a repeated option's last value must stay last.
    return misplaced ? [word, ...before, ...argv.slice(i + 1)] : argv;
  }
  return argv;
}

/**
 * Commander's own error lines in papers' voice: `papers: <what>` and `hint:` lines, as every other
 * message: "(Did you mean --limit?)" becomes a hint; a bad choice says what the choices are.
 */
export function inOurVoice(text: string, command?: string): string {
  let out = text.replace(/^error: /, '');
  out = out.replace(/\n?\(Did you mean ([^)]+)\?\)/, '\nhint: did you mean $1?');
  out = out.replace(
    /^option '(?:-\w, )?(--[\w-]+)(?: <[^>]+>)?' argument '([^']*)' is invalid\. Allowed choices are ([^.]+)\./,
    (_, flag: string, value: string, choices: string) => `${flag} must be one of ${choices}; not '${value}'`,
  );
  out = out.replace(/^too many arguments for '([\w-]+)'\. Expected (\d+) arguments? but got (\d+)\./, (_, name: string, want: string, got: string) => {
    return `too many arguments for ${name}: it takes ${want}, got ${got}\nhint: papers ${name} --help shows what it takes`;
  });
  out = out.replace(/^missing required argument '([\w-]+)'/, (_, name: string) => {
    return `missing the ${name} argument${command ? `\nhint: papers ${command} --help shows what it takes` : ''}`;
  });
  out = out.replace(/^option '(?:-\w, )?(--[\w-]+) <([^>]+)>' argument missing/, (_, flag: string, what: string) => `${flag} needs a value (<${what}>)`);
  return `papers: ${out.trimEnd()}\n`;
}
