import { findCommand, GLOBAL_OPTIONS } from './table.js';
import { optionKey, type OptionSpec } from '../core/optionSpec.js';

import type { RawOptions } from '../core/listOptions.js';

/** What either parser makes of the arguments: the command, its positional words in order, its options. */
export interface Parsed {
  command: string;
  args: string[];
  options: RawOptions;
}

/** What the fast parser knows of one option. */
interface Meta {
  key: string;
  takesValue: boolean;
  negated: boolean;
  repeatable: boolean;
  choices?: readonly string[];
}

/**
 * The fast path: the everyday commands parsed without commander, from the same option table
 * commander is built from. Commander costs about 20 ms at every start (a third of Node's own start
 * here), and even util.parseArgs ~1 ms, so this reads the plain forms itself (`--long`, `--long=v`,
 * `--long v`, `-s v`, `--`) and returns null for anything else, and whenever commander should decide:
 * help, version, an unknown or misused option, a value that looks like an option, a bad choice.
 */
export function fastParse(argv: readonly string[]): Parsed | null {
  const firstAt = argv.findIndex((a) => !a.startsWith('-'));
  const first = firstAt < 0 ? undefined : argv[firstAt];
  // A -- before the command word is dropped by commander on the way to the command: leave that to it.
  const dashes = argv.indexOf('--');
  if (dashes >= 0 && (firstAt < 0 || dashes < firstAt)) return null;
  const spec = first === undefined ? findCommand('today') : findCommand(first);
  if (!spec?.fast) return null;
  const specs: readonly OptionSpec[] = [...GLOBAL_OPTIONS, ...spec.options];
  const byLong = new Map<string, Meta>();
  const byShort = new Map<string, string>();
  for (const o of specs) {
    const k = optionKey(o.flags);
    byLong.set(k.long, {
      key: k.key,
      takesValue: k.takesValue,
      negated: k.negated,
      repeatable: Boolean(o.repeatable),
      ...(o.choices ? { choices: o.choices } : {}),
    });
    if (k.short) byShort.set(k.short, k.long);
  }
  const out: Record<string, string | string[] | boolean> = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === '--') {
      // The command word was an option's value (`--fields day -- day month`): commander reads it otherwise.
      if (first !== undefined && positionals.length === 0) return null;
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (word === '-' || !word.startsWith('-')) {
      positionals.push(word);
      continue;
    }
    let long: string | undefined;
    let inline: string | undefined;
    if (word.startsWith('--')) {
      const eq = word.indexOf('=');
      long = eq < 0 ? word.slice(2) : word.slice(2, eq);
      inline = eq < 0 ? undefined : word.slice(eq + 1);
    } else if (word.length === 2) long = byShort.get(word[1]!);
    const meta = long === undefined ? undefined : byLong.get(long);
    if (!meta) return null;
    if (!meta.takesValue) {
      if (inline !== undefined) return null;
      out[meta.key] = !meta.negated;
      continue;
    }
    const value = inline ?? argv[++i];
    // A value may be `-` or a negative number (`--since -14`); anything else that starts with - is left to commander.
    if (value === undefined || (inline === undefined && value.startsWith('-') && value !== '-' && !/^-\d+$/.test(value))) return null;
    if (meta.choices && !meta.choices.includes(value)) return null;
    out[meta.key] = meta.repeatable ? [...((out[meta.key] as string[] | undefined) ?? []), value] : value;
  }
  if (first !== undefined) {
    if (positionals[0] !== first) return null;
    positionals.shift();
  }
  const required = spec.args.filter((a) => a.required).length;
  const variadic = spec.args.some((a) => a.variadic);
  if (positionals.length < required || (!variadic && positionals.length > spec.args.length)) return null;
  return { command: spec.name, args: positionals, options: out };
}
