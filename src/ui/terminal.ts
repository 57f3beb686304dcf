/** Facts about the terminal, read once at the edge and passed down. */
export interface Terminal {
  /** stdout is a terminal: tables and colour; otherwise TSV and no colour. */
  stdoutTTY: boolean;
  /** stderr is a terminal with a known width: the spinner may run (ora loops forever on 0 columns). */
  readonly stderrTTY: boolean;
  readonly columns: number;
  /** Terminal rows, when stdout is a terminal (for paging). */
  rows: number | null;
  /** chalk level 0..3; 0 is no colour. */
  colorLevel: 0 | 1 | 2 | 3;
  /** stderr is a terminal that takes colour (by the same rules as stdout): errors, warnings and notes are coloured. */
  readonly stderrColor: boolean;
}

/** The widest COLUMNS taken as it is; more is a mistake (or an attack on the table's memory). */
const MAX_COLUMNS = 4096;

/** What is known of stdout: a stream when it may be a terminal, nothing when it is a pipe or a file. */
export type StdoutFacts = { kind: 'stream'; stream: NodeJS.WriteStream } | { kind: 'fd' };

/**
 * Reads the streams and the environment: NO_COLOR (not empty), --no-color, TERM=dumb or a pipe turn colour off;
 * FORCE_COLOR on. stderr is looked at only when first asked (creating it costs at every start); it is
 * null when known to be a pipe or a file (no terminal, no colour).
 */
export function readTerminal(
  stdout: StdoutFacts,
  stderr: () => NodeJS.WriteStream | null,
  env: NodeJS.ProcessEnv,
  noColorFlag: boolean,
  warn: (message: string) => void = () => undefined,
): Terminal {
  const dumb = env.TERM === 'dumb';
  const stream = stdout.kind === 'stream' ? stdout.stream : null;
  const stdoutTTY = Boolean(stream?.isTTY);
  const fromEnv = Number.parseInt(env.COLUMNS ?? '', 10);
  const tooWide = !(stdoutTTY && stream?.columns) && fromEnv > MAX_COLUMNS;
  const columns = (stdoutTTY && stream?.columns) || (fromEnv > 0 && !tooWide ? fromEnv : 80);
  let said = false;
  let stderrTTY: boolean | undefined;
  let stderrColor: boolean | undefined;
  return {
    stdoutTTY,
    get stderrTTY() {
      if (stderrTTY === undefined) {
        const err = stderr();
        stderrTTY = Boolean(err?.isTTY) && !dumb && (err?.columns ?? 0) > 0;
      }
      return stderrTTY;
    },
    // Said only when a width is used, so a command that prints no table or text is not warned.
    get columns() {
      if (tooWide && !said) {
        said = true;
        warn(`ignoring COLUMNS=${env.COLUMNS}: wider than ${MAX_COLUMNS}; using 80`);
      }
      return columns;
    },
    rows: stdoutTTY && stream?.rows ? stream.rows : null,
    colorLevel: colorLevel(stdoutTTY ? stream : null, env, noColorFlag, dumb),
    get stderrColor() {
      if (stderrColor === undefined) {
        const err = stderr();
        stderrColor = err !== null && stderrColors(err, env, noColorFlag);
      }
      return stderrColor;
    },
  };
}

/** Whether messages on this stderr are coloured: a terminal, and colour not turned off (NO_COLOR, --no-color, TERM=dumb). */
export function stderrColors(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv, noColorFlag: boolean): boolean {
  return Boolean(stream.isTTY) && colorLevel(stream, env, noColorFlag, env.TERM === 'dumb') > 0;
}

function colorLevel(tty: NodeJS.WriteStream | null, env: NodeJS.ProcessEnv, noColorFlag: boolean, dumb: boolean): 0 | 1 | 2 | 3 {
  if (noColorFlag) return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') {
    if (force === '0' || force === 'false') return 0;
    const n = Number.parseInt(force, 10);
    return n >= 1 && n <= 3 ? (n as 1 | 2 | 3) : force === 'true' || Number.isNaN(n) ? 1 : 3;
  }
  if ((env.NO_COLOR ?? '') !== '' || dumb || !tty) return 0;
  // Node's reading takes NO_COLOR set at all as "no colour"; by no-color.org only a non-empty value is, as checked above.
  const { NO_COLOR: _ignored, ...rest } = env;
  const depth = typeof tty.getColorDepth === 'function' ? tty.getColorDepth(rest) : 4;
  return depth >= 24 ? 3 : depth >= 8 ? 2 : depth >= 4 ? 1 : 0;
}
