import { parseArgs } from 'node:util';
import { findCommand, GLOBAL_OPTIONS, optionKey } from './commands.js';
import type { OptionSpec } from './options.js';

export interface Parsed {
  command: string;
  args: unknown[];
  options: Record<string, unknown>;
}

/**
 * The fast path: the everyday commands parsed with Node's own `util.parseArgs`, from the same option
 * table commander is built from. Commander costs about 20 ms at every start (a third of Node's own
 * start here), so it is loaded only for what this does not take: help, version, an error to explain,
 * and the rarer commands. Returns null whenever commander should decide.
 */
export function fastParse(argv: readonly string[]): Parsed | null {
  const first = argv.find((a) => !a.startsWith('-'));
  const spec = first === undefined ? findCommand('today') : findCommand(first);
  if (!spec?.fast) return null;
  const specs: readonly OptionSpec[] = [...GLOBAL_OPTIONS, ...spec.options];
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {};
  const byLong = new Map<string, { key: string; negated: boolean; choices?: readonly string[] }>();
  for (const o of specs) {
    const k = optionKey(o.flags);
    options[k.long] = { type: k.takesValue ? 'string' : 'boolean', ...(k.short ? { short: k.short } : {}), ...(o.repeatable ? { multiple: true } : {}) };
    byLong.set(k.long, { key: k.key, negated: k.negated, ...(o.choices ? { choices: o.choices } : {}) });
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch {
    return null;
  }
  const positionals = [...parsed.positionals];
  if (first !== undefined) {
    if (positionals[0] !== first) return null;
    positionals.shift();
  }
  const args: unknown[] = [];
  for (const arg of spec.args) {
    if (arg.variadic) {
      if (arg.required && positionals.length === 0) return null;
      args.push(positionals.splice(0));
    } else if (positionals.length > 0) args.push(positionals.shift());
    else if (arg.required) return null;
    else args.push(undefined);
  }
  if (positionals.length > 0) return null;
  const out: Record<string, unknown> = {};
  for (const [long, value] of Object.entries(parsed.values)) {
    const o = byLong.get(long)!;
    if (o.choices && (typeof value !== 'string' || !o.choices.includes(value))) return null;
    out[o.key] = o.negated ? !value : value;
  }
  return { command: spec.name, args, options: out };
}

