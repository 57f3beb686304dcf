import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { formatExamples } from '../../src/cli/helpLayout.js';
import { COMMANDS } from '../../src/cli/table.js';

const examples = COMMANDS.flatMap((c) => c.examples);
/** The shell words of a command, as bash reads them (NUL-separated). */
const shellWords = (script: string) => execFileSync('bash', ['-c', `set -f; args() { printf '%s\\0' "$@"; }; args ${script}`], { encoding: 'utf8' });

describe('formatExamples', () => {
  it('puts a note beside its command where both fit, on the line above where they do not', () => {
    const wide = formatExamples(['papers  # today', 'papers show 3  # row 3, in full'], 80).split('\n');
    expect(wide).toEqual(['', 'Examples:', '  $ papers         # today', '  $ papers show 3  # row 3, in full', '']);
    const narrow = formatExamples(['papers show 3  # row 3 of the last list, in full'], 40).split('\n');
    expect(narrow.slice(2, -1)).toEqual(['  # row 3 of the last list, in full', '  $ papers show 3']);
  });

  it('wraps a long command at spaces outside quotes, so that bash reads the same words when it is pasted', () => {
    const long = examples.filter((e) => e.length > 40 && !e.includes('#') && !/[|<>]/.test(e));
    expect(long.length).toBeGreaterThan(3);
    for (const width of [40, 48, 60]) {
      for (const example of long) {
        const lines = formatExamples([example], width).split('\n').slice(2, -1);
        for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(width);
        const pasted = lines.map((l) => l.replace(/^ {2}\$ /, '')).join('\n');
        expect(shellWords(pasted), `${example} at ${width}`).toBe(shellWords(example));
      }
    }
  });
});
