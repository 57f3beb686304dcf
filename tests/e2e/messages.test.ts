// Notes, warnings and errors read apart on a terminal (issue 18): coloured by kind when stderr is a
// terminal that takes colour, the same plain text when it is a pipe or colour is turned off.
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import { TODAY, runPapers } from '../helpers/run.js';
import { type FakeHf, hfItem, json } from '../helpers/server.js';
import { useHarness } from '../helpers/harness.js';

const day = addDays(TODAY, -1);
let server: FakeHf;
let env: NodeJS.ProcessEnv;
useHarness((h) => ({ server, env } = h));

const stderrTty = { columns: 100 };
const RED = '\x1b[31m';
const YELLOW = '\x1b[33m';
const CYAN = '\x1b[36m';
const DIM = '\x1b[2m';
const END_FG = '\x1b[39m';
const END_DIM = '\x1b[22m';
/** The message lines of stderr, without the spinner's (which runs when stderr is a terminal). */
const messages = (stderr: string) =>
  stderr
    .split('\n')
    .filter((l) => /^(\x1b\[\d+m)?(papers|hint):/.test(l))
    .join('\n');

describe('messages on stderr', () => {
  it('an error is red and its hint: cyan on a terminal; plain in a pipe and with NO_COLOR or --no-color', async () => {
    server.fault = (_req, res) => json(res, 500, { error: 'boom' });
    const tty = await runPapers(['day', day], env, { stderrTty });
    expect(tty.code).toBe(1);
    expect(messages(tty.stderr).startsWith(`${RED}papers: `)).toBe(true);
    expect(tty.stderr).toMatch(/answered 500/);
    expect(messages(tty.stderr)).toContain(`${END_FG}\n${CYAN}hint:${END_FG} try again later`);
    const piped = await runPapers(['day', day], env);
    expect(piped.stderr).not.toMatch(/\x1b/);
    expect(messages(piped.stderr)).toBe(messages(tty.stderr).replace(/\x1b\[\d+m/g, ''));
    for (const off of [runPapers(['day', day], { ...env, NO_COLOR: '1' }, { stderrTty }), runPapers(['day', day, '--no-color'], env, { stderrTty })]) {
      expect(messages((await off).stderr)).toBe(messages(piped.stderr));
    }
  });

  it('a warning says warning: in yellow, a note is dim, and feed text in them stays cleaned', async () => {
    server.days.set(day, [hfItem('2611.00001', day, 3)]);
    expect((await runPapers(['day', day], env)).code).toBe(0);
    // The cached list shown when the server fails: a warning.
    server.fault = (_req, res) => json(res, 503, { error: '\x1b]52;c;cm0gLXJmIH4=\x07boom' });
    const stale = await runPapers(['day', day, '--refresh', '--timeout', '10000'], env, { stderrTty });
    expect(stale.code).toBe(0);
    expect(messages(stale.stderr).startsWith(`${YELLOW}papers: warning:${END_FG} showing `)).toBe(true);
    expect(stale.stderr).not.toMatch(/\x1b\]/);
    // A note: the day is empty.
    server.fault = undefined;
    server.days.set(addDays(day, -1), []);
    const empty = await runPapers(['day', addDays(day, -1)], env, { stderrTty });
    expect(messages(empty.stderr).startsWith(`${DIM}papers: `)).toBe(true);
    expect(messages(empty.stderr).endsWith(END_DIM)).toBe(true);
  });
});
