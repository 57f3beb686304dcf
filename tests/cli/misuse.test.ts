import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { commandLine, inOurVoice } from '../../src/cli/misuse.js';

const thrown = (argv: string[]): UsageError => {
  try {
    commandLine(argv);
  } catch (e) {
    return e as UsageError;
  }
  throw new Error(`no error for ${argv.join(' ')}`);
};

describe('commandLine', () => {
  it('explains an unknown command, with a suggestion when one is close', () => {
    expect(thrown(['tody'])).toMatchObject({ message: "unknown command 'tody'", hint: expect.stringMatching(/did you mean 'today'\?/) });
    expect(thrown(['help', 'serch'])).toMatchObject({ message: "unknown command 'serch'", hint: expect.stringMatching(/did you mean 'search'\?/) });
    expect(thrown(['2608.09888'])).toMatchObject({ hint: 'to see that paper: papers show 2608.09888' });
    expect(thrown(['https://arxiv.org/abs/2405.13956'])).toMatchObject({ hint: 'to see that paper: papers show https://arxiv.org/abs/2405.13956' });
    expect(thrown(['-n', '3', 'frobnicate']).message).toBe("unknown command 'frobnicate'");
  });

  it('names an unknown option before the command, rather than calling its value an unknown command', () => {
    expect(thrown(['--limt', '3'])).toMatchObject({ message: "unknown option '--limt'", hint: 'did you mean --limit?' });
    expect(thrown(['-n', '2', '--sortt', 'x'])).toMatchObject({ message: "unknown option '--sortt'", hint: 'did you mean --sort?' });
    expect(thrown(['-x', '3'])).toMatchObject({ message: "unknown option '-x'", hint: 'papers --help lists the options' });
    // An option some command has is no typo: the word after it is what is unknown.
    expect(thrown(['--full', 'frobnicate']).message).toBe("unknown command 'frobnicate'");
  });

  it("moves a command's options given before it to after it, as the fast parser reads them", () => {
    expect(commandLine(['-n', '2', 'day', '2026-08-18'])).toEqual(['day', '-n', '2', '2026-08-18']);
    // Right after the command: not after a --, where they would be arguments, nor after a later value of the same option.
    expect(commandLine(['--refresh', 'week', '--'])).toEqual(['week', '--refresh', '--']);
    expect(commandLine(['-n', '2', 'day', 'x', '-n', '3'])).toEqual(['day', '-n', '2', 'x', '-n', '3']);
    expect(commandLine(['--offline', '--sort=date', 'week'])).toEqual(['week', '--offline', '--sort=date']);
    // Global options may stand anywhere; help of a known command and `--` are left alone.
    expect(commandLine(['-q', 'day', '2026-08-18'])).toEqual(['-q', 'day', '2026-08-18']);
    expect(commandLine(['help', 'day'])).toEqual(['help', 'day']);
    expect(commandLine(['read', '--', 'tody'])).toEqual(['read', '--', 'tody']);
  });
});

describe('inOurVoice', () => {
  it("rewrites commander's messages as papers: lines with hint: lines", () => {
    expect(inOurVoice("error: unknown option '--limt'\n(Did you mean --limit?)\n")).toBe("papers: unknown option '--limt'\nhint: did you mean --limit?\n");
    expect(inOurVoice("error: option '-s, --sort <key>' argument missing\n")).toBe('papers: --sort needs a value (<key>)\n');
    expect(inOurVoice("error: option '-s, --sort <key>' argument 'up' is invalid. Allowed choices are upvotes, comments.\n")).toBe(
      "papers: --sort must be one of upvotes, comments; not 'up'\n",
    );
    expect(inOurVoice("error: too many arguments for 'day'. Expected 1 argument but got 2.\n")).toBe(
      'papers: too many arguments for day: it takes 1, got 2\nhint: papers day --help shows what it takes\n',
    );
    expect(inOurVoice("error: missing required argument 'date'\n")).toBe('papers: missing the date argument\n');
    expect(inOurVoice("error: missing required argument 'ref'\n", 'show')).toBe(
      'papers: missing the ref argument\nhint: papers show --help shows what it takes\n',
    );
  });
});
