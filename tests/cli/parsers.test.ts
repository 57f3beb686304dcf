import { Writable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastParse, type Parsed } from '../../src/cli/fastParse.js';
import { commandLine } from '../../src/cli/misuse.js';
import { buildProgram } from '../../src/cli/program.js';
import type { ProcessLike } from '../../src/cli/shell.js';
import { COMMANDS, GLOBAL_OPTIONS } from '../../src/cli/table.js';
import { optionKey, type OptionSpec } from '../../src/core/optionSpec.js';

/** What commander makes of the arguments, as run.ts asks it: an invocation, or how it refused. */
type CommanderResult = Parsed | { refused: string } | { printed: string };

const sink = () =>
  new Writable({
    write(_chunk, _enc, done) {
      done();
    },
  }) as unknown as NodeJS.WriteStream;

async function viaCommander(argv: readonly string[]): Promise<CommanderResult> {
  const out = sink();
  const proc: ProcessLike = {
    env: {},
    platform: process.platform,
    stdin: () => process.stdin,
    stdout: () => out,
    stderr: () => out,
    stdoutFd: null,
    stderrFd: null,
  };
  let invocation: Parsed | null = null;
  try {
    // As run.ts asks it: an unknown command is refused, and options before the command moved after it, first.
    const words = commandLine(argv);
    await (await buildProgram((inv) => (invocation = inv), proc)).parseAsync([...words], { from: 'user' });
  } catch (error) {
    return { refused: String((error as { code?: string }).code) };
  }
  if (invocation === null) return { printed: 'help or version' };
  const { command, args, options } = invocation as Parsed;
  // Commander gives the negatable --no-color its default, colour on; the fast parser leaves it out. Both mean the same.
  const { color, ...rest } = options as Record<string, unknown>;
  return { command, args, options: color === true ? rest : { ...rest, color } } as Parsed;
}

const PLAIN_VALUES = ['5', '0', 'x y', 'a=b', '2026-11-20', 'yesterday', 'day', 'today', 'best'];
const TRICKY_VALUES = ['-1', '-', '--json', '-q', '-n', '--', '', '='];
const POSITIONALS = ['2026-11-20', 'yesterday', '-1', '-', 'diffusion', 'x y', '2405.13956', '1', 'list', 'get', 'limit', 'bash', 'ls', 'day', 'week'];
const UNKNOWN = ['--bogus', '-z', '-qn', '-n5', '--json=yes', '--no-json', '--color', '--limit=5=6', '-', '---x'];

/** The words one option can be written as: --long, --long=v, --long v, -s v, and misuses (a missing value, a value on a flag). */
function optionForms(spec: OptionSpec): fc.Arbitrary<string[]> {
  const k = optionKey(spec.flags);
  const values = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...PLAIN_VALUES, ...(spec.choices ?? [])) },
    { weight: 2, arbitrary: fc.constantFrom(...TRICKY_VALUES) },
    { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
  );
  const forms: fc.Arbitrary<string[]>[] = [fc.constant([`--${k.long}`])];
  if (k.takesValue) {
    forms.push(
      values.map((v) => [`--${k.long}=${v}`]),
      values.map((v) => [`--${k.long}`, v]),
    );
    if (k.short) forms.push(values.map((v) => [`-${k.short}`, v]));
  } else {
    if (k.short) forms.push(fc.constant([`-${k.short}`]));
    forms.push(values.map((v) => [`--${k.long}=${v}`]));
  }
  if (k.short) forms.push(fc.constant([`-${k.short}`]));
  return fc.oneof(...forms);
}

const ALL_OPTIONS: OptionSpec[] = [...GLOBAL_OPTIONS, ...COMMANDS.flatMap((c) => c.options)];
const words = (fast: boolean) => COMMANDS.filter((c) => Boolean(c.fast) === fast).flatMap((c) => [c.name, ...(c.aliases ?? [])]);
// Mostly the commands the fast parser takes (the others it always declines), sometimes another or a word that is none.
const commandWord = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...words(true)) },
  { weight: 1, arbitrary: fc.constantFrom(...words(false), 'tody', 'help') },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

/**
 * Argument lists built from the command table: a command word (or none, for the default command)
 * put anywhere among groups of words: the command's own options in every form, other commands'
 * options, unknown options, positional words, values that look like options, and `--`.
 */
const argvs: fc.Arbitrary<string[]> = commandWord.chain((word) => {
  const spec = COMMANDS.find((c) => c.name === word || c.aliases?.includes(word ?? ''));
  const own = [...GLOBAL_OPTIONS, ...(spec?.options ?? COMMANDS[0]!.options)];
  const group = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...own).chain(optionForms) },
    { weight: 1, arbitrary: fc.constantFrom(...ALL_OPTIONS).chain(optionForms) },
    { weight: 3, arbitrary: fc.constantFrom(...POSITIONALS).map((p) => [p]) },
    { weight: 1, arbitrary: fc.constantFrom(...UNKNOWN).map((u) => [u]) },
    { weight: 1, arbitrary: fc.constant(['--']) },
  );
  return fc.tuple(fc.array(group, { maxLength: 6 }), fc.nat()).map(([groups, at]) => {
    const words = [...groups];
    if (word !== undefined) words.splice(at % (groups.length + 1), 0, [word]);
    return words.flat();
  });
});

describe('the fast parser and commander', () => {
  it('agree: the fast parser declines, or gives exactly what commander gives', async () => {
    let accepted = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(argvs, async (argv) => {
        runs++;
        const fast = fastParse(argv);
        if (fast === null) return;
        accepted++;
        expect(await viaCommander(argv), JSON.stringify(argv)).toEqual(fast);
      }),
      { numRuns: 1500 },
    );
    // Not vacuous: a good share of the generated lists take the fast path.
    expect(accepted).toBeGreaterThan(runs / 10);
  });

  it('agree when the first plain word is an option value and a -- comes before the command (found by the property, seed -843539380)', async () => {
    for (const argv of [
      ['--fields', 'day', '--', 'day', 'month'],
      ['-n', 'today', '--', 'today'],
    ]) {
      const fast = fastParse(argv);
      if (fast !== null) expect(await viaCommander(argv), argv.join(' ')).toEqual(fast);
      expect(fast, argv.join(' ')).toBeNull();
    }
  });

  it('agree on the everyday forms, which the fast parser must not decline', async () => {
    for (const argv of [
      [],
      ['today', '-n', '10'],
      ['day', '2026-11-20', '--format', 'markdown', '--fields=id,title'],
      ['week', '2026-W47', '--min-upvotes', '50', '--json'],
      ['search', 'diffusion', 'transformers', '-g', 'x', '--grep', 'y', '--has-code'],
      ['-q', 'month', '2026-10', '--no-color'],
      ['read', '--', '-odd-name.json'],
      ['abstract', '2405.13956', '--json', '--offline'],
      ['saved', '--sort', 'date', '--reverse', '--verbose'],
    ]) {
      const fast = fastParse(argv);
      expect(fast, argv.join(' ')).not.toBeNull();
      expect(await viaCommander(argv), argv.join(' ')).toEqual(fast);
    }
  });
});
