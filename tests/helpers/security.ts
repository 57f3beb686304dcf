// What the security tests share: a fixed clock and day, a hostile escape sequence, what may never be
// printed raw, and one way to run the CLI and to plant a file.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runIn } from './inProcess.js';
import { hfItem } from './server.js';

export const NOW = new Date('2026-11-25T15:00:00Z');
export const DAY = '2026-11-24';
/** OSC 52: sets the clipboard of many terminals (here to `rm -rf ~`). */
export const OSC52 = '\x1b]52;c;cm0gLXJmIH4=\x07';
/** What stderr or stdout may never carry raw (a line feed ends a line; TSV's tab is checked apart). */
export const RAW = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff\u2028\u2029]/;

/** What a planted copy may try to leave on a terminal with nothing but SGR: each refused at every colour level. */
export const HOSTILE_SGR = [
  '\x1b[38;2;0;0;0;48;2;0;0;0mblack on black\x1b[0m\n',
  '\x1b[8mconcealed\x1b[0m\n',
  '\x1b[5;7mblinking, inverse\x1b[0m\n',
  '\x1b[30;40mblack on black, 16 colours\x1b[0m\n',
  '\x1b[99999999999999999999mhuge\x1b[0m\n',
  '\x1b[1;22mtwo parameters, both papers own\n',
  '\x1b[mno parameter\n',
  '\x1b[01mleading zero\x1b[22m\n',
  '\x1b[1mbold left on\n',
  '\x1b[90mgray left on\n',
  '\x1b[4munderline\x1b[1m and bold\x1b[22m, the underline left on\n',
  '\x1b[1m\x1b[22mended, \x1b[3mthen italic left on\n',
];

/** The CLI in-process at NOW, with `env()` (the harness's, read at the call) and extra variables. */
export const runAt =
  (env: () => NodeJS.ProcessEnv) =>
  (argv: string[], extra: Record<string, string> = {}) =>
    runIn(argv, { ...env(), ...extra }, NOW);

/** Writes a file in `dir()` and returns its path. */
export const planter = (dir: () => string) => (name: string, content: string) => {
  const p = path.join(dir(), name);
  writeFileSync(p, content);
  return p;
};

/** A flat /api/papers/{id} object. */
export const flat = (id: string, extra: Record<string, unknown> = {}) => ({ ...(hfItem(id, DAY, 3).paper as object), ...extra });
