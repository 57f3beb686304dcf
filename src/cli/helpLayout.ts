import type { Help } from 'commander';

// How help is laid out at any width: descriptions wrap at spaces beside their option while there is
// room for them, under it when there is not; usage and examples wrap too, so no line of help is ever
// wider than the width it is printed at.

/** The fewest cells a description gets beside its term; below that it goes on the lines under it. */
const MIN_BESIDE = 30;
/** Where a description under its term starts. */
const UNDER = 6;

type HelpClass = typeof Help;

/**
 * commander's configureHelp settings for papers: its own layout where it fits, the term on a line
 * of its own and its description under it where it does not, and nothing past the width.
 */
export function helpLayout(HelpOf: HelpClass): Partial<Help> {
  const base = HelpOf.prototype;
  return {
    showGlobalOptions: true,
    minWidthToWrap: 12,
    formatItem(term, termWidth, description, helper) {
      const width = helper.helpWidth ?? 80;
      if (!description || width - termWidth - 4 >= MIN_BESIDE) return base.formatItem.call(helper, term, termWidth, description, helper);
      const under = helper.boxWrap(description, width - UNDER).replace(/^/gm, ' '.repeat(UNDER));
      return `${cut(`  ${term}`, width).join('\n')}\n${under}`;
    },
    boxWrap(text, width) {
      return base.boxWrap
        .call(this, text, width)
        .split('\n')
        .flatMap((line) => cut(line, width))
        .join('\n');
    },
    formatHelp(cmd, helper) {
      const width = helper.helpWidth ?? 80;
      const [usage = '', ...rest] = base.formatHelp.call(helper, cmd, helper).split('\n');
      return [...wrapAt(usage, width, 'Usage: '.length), ...rest].join('\n');
    },
  };
}

/** Wraps one line at spaces to `width`, later lines indented by `indent`; a word wider than a line is cut. */
export function wrapAt(line: string, width: number, indent: number): string[] {
  if (line.length <= width) return [line];
  const lines: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    const next = current === '' ? word : `${current} ${word}`;
    if (next.length <= width || current.trim() === '') current = next;
    else {
      lines.push(current);
      current = `${' '.repeat(indent)}${word}`;
    }
  }
  lines.push(current);
  return lines.flatMap((l) => cut(l, width));
}

/** The last resort for a word wider than the whole line: pieces of `width` cells. */
function cut(line: string, width: number): string[] {
  const pieces: string[] = [];
  let rest = line;
  while (rest.length > width) {
    pieces.push(rest.slice(0, width));
    rest = rest.slice(width);
  }
  return [...pieces, rest];
}

/**
 * The Examples section at a width. An example is a shell line, with what it does after `  # ` when
 * that needs saying: the notes are aligned after the commands where they fit, else on a line of their
 * own above. A command too long for a line goes on at spaces outside quotes, with ` \`, as a shell
 * reads it when pasted; a shell word is never cut (the examples are chosen to fit in 40 columns).
 */
export function formatExamples(examples: readonly string[], width: number): string {
  const items = examples.map((e) => {
    const m = /^(.*?)\s+# (.*)$/.exec(e);
    return m ? { command: m[1]!, note: m[2] } : { command: e, note: undefined };
  });
  const column = Math.max(0, ...items.filter((e) => e.note !== undefined).map((e) => e.command.length)) + 2;
  const lines = items.flatMap(({ command, note }) => {
    const shell = commandLines(command, width);
    if (note === undefined) return shell;
    const beside = `${`  $ ${command}`.padEnd(4 + column)}# ${note}`;
    if (shell.length === 1 && beside.length <= width) return [beside];
    return [...wrapAt(`  # ${note}`, width, 4), ...shell];
  });
  return `\nExamples:\n${lines.join('\n')}\n`;
}

/** One shell command as lines of at most `width` cells. */
function commandLines(command: string, width: number): string[] {
  const first = '  $ ';
  const next = '      ';
  if (first.length + command.length <= width) return [first + command];
  const words = command.match(/(?:'[^']*'|"[^"]*"|[^\s'"]+)+/g) ?? [command];
  const lines: string[] = [];
  let line = first + words[0]!;
  for (const word of words.slice(1)) {
    // Room for the word and, after it, the ` \` that goes on to the next line.
    if (line.length + 1 + word.length + 2 <= width) line += ` ${word}`;
    else {
      lines.push(`${line} \\`);
      line = next + word;
    }
  }
  lines.push(line);
  return lines;
}
