/** Facts about the terminal, read once at the edge and passed down. */
export interface Terminal {
  /** stdout is a terminal: tables and colour; otherwise TSV and no colour. */
  stdoutTTY: boolean;
  /** stderr is a terminal with a known width: the spinner may run (ora loops forever on 0 columns). */
  stderrTTY: boolean;
  columns: number;
  /** Terminal rows, when stdout is a terminal (for paging). */
  rows: number | null;
  /** chalk level 0..3; 0 is no colour. */
  colorLevel: 0 | 1 | 2 | 3;
}

/** Reads the streams and the environment: NO_COLOR, --no-color, TERM=dumb or a pipe turn colour off; FORCE_COLOR on. */
export function readTerminal(
  stdout: NodeJS.WriteStream,
  stderr: NodeJS.WriteStream,
  env: NodeJS.ProcessEnv,
  noColorFlag: boolean,
): Terminal {
  const dumb = env.TERM === 'dumb';
  const stdoutTTY = Boolean(stdout.isTTY);
  const fromEnv = Number.parseInt(env.COLUMNS ?? '', 10);
  const columns = (stdoutTTY && stdout.columns) || (fromEnv > 0 ? fromEnv : 80);
  return {
    stdoutTTY,
    stderrTTY: Boolean(stderr.isTTY) && !dumb && (stderr.columns ?? 0) > 0,
    columns,
    rows: stdoutTTY && stdout.rows ? stdout.rows : null,
    colorLevel: colorLevel(stdout, env, noColorFlag, dumb),
  };
}

function colorLevel(stdout: NodeJS.WriteStream, env: NodeJS.ProcessEnv, noColorFlag: boolean, dumb: boolean): 0 | 1 | 2 | 3 {
  if (noColorFlag) return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') {
    if (force === '0' || force === 'false') return 0;
    const n = Number.parseInt(force, 10);
    return n >= 1 && n <= 3 ? (n as 1 | 2 | 3) : force === 'true' || Number.isNaN(n) ? 1 : 3;
  }
  if ((env.NO_COLOR ?? '') !== '' || dumb || !stdout.isTTY) return 0;
  const depth = typeof stdout.getColorDepth === 'function' ? stdout.getColorDepth(env) : 4;
  return depth >= 24 ? 3 : depth >= 8 ? 2 : depth >= 4 ? 1 : 0;
}
