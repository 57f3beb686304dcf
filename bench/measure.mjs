// The measuring side of npm run bench: running commands (piped, timed, or in a pseudo-terminal),
// alternating pairs into median ratios, and the table of results.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DATA = path.join(ROOT, 'bench', '.data');
export const BIN = path.join(ROOT, 'bin', 'papers.cjs');
const NODE = process.execPath;
export const RUNS = Number(process.env.BENCH_RUNS ?? 21);
export const HAS_TIME = existsSync('/usr/bin/time');
/** The reader's marks (PAPERS_DATA_DIR) of every run that names none: never the real ones in HOME. */
const MARKS = path.join(DATA, 'marks');

// ---- measuring -----------------------------------------------------------------------------------
export function run(args, env = {}, timed = false) {
  const cmd = timed && HAS_TIME ? '/usr/bin/time' : NODE;
  const argv = timed && HAS_TIME ? ['-f', '%M', NODE, ...args] : args;
  const started = process.hrtime.bigint();
  // stdout is a pipe, as in `papers ... | cut -f4`: the case the targets are about.
  const r = spawnSync(cmd, argv, {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PAPERS_DATA_DIR: MARKS, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const rssKb = timed && HAS_TIME ? Number(r.stderr.trim().split('\n').at(-1)) : null;
  return { ms, rssKb };
}

/** run() without blocking: for commands that talk to the server in this process. stdout is a pipe, read and dropped. */
export async function runAsync(args, env) {
  const started = process.hrtime.bigint();
  await new Promise((resolve, reject) => {
    const child = spawn(NODE, args, {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, PAPERS_DATA_DIR: MARKS, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stdout.resume();
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited ${code}: ${stderr}`))));
  });
  return Number(process.hrtime.bigint() - started) / 1e6;
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const quartiles = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return [s[Math.floor(s.length / 4)], s[Math.floor((3 * s.length) / 4)]];
};

/**
 * Alternates the two commands RUNS times. The ratio is the median of the per-pair ratios: each pair
 * runs back to back, so the machine's drift (large here) cancels; the spread is their quartiles.
 */
export async function ratio(a, b, runs = RUNS, exec = (x) => run(...x).ms) {
  const ta = [],
    tb = [],
    pairs = [];
  for (let i = 0; i < runs; i++) {
    const x = await exec(a),
      y = await exec(b);
    ta.push(x);
    tb.push(y);
    pairs.push(x / y);
  }
  const [q1, q3] = quartiles(pairs);
  return { ratio: median(pairs), a: median(ta), b: median(tb), spread: `${q1.toFixed(2)}–${q3.toFixed(2)}` };
}

const rows = [];
/** Each figure with the 1-minute load average when it was taken: the machine is shared. */
export const push = (row) => rows.push({ ...row, load: loadavg()[0] });
export function report(target, r, limit, note = '') {
  push({ target, ratio: r.ratio, spread: r.spread, limit, pass: r.ratio <= limit, note: note || `${r.a.toFixed(0)} ms vs ${r.b.toFixed(0)} ms` });
}

export const HAS_SCRIPT = spawnSync('sh', ['-c', 'command -v script'], { encoding: 'utf8' }).stdout.trim() !== '';
/** Runs `node argv` in a pseudo-terminal (script), until `untilText` is on the screen (then q) or it exits. */
export function inPty(argv, untilText, rows = 30, extraEnv = {}) {
  const command = [NODE, ...argv].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TERM: 'xterm-256color',
      LANG: 'C.UTF-8',
      PAPERS_DATA_DIR: MARKS,
      ...extraEnv,
    };
    const child = spawn('script', ['-qfec', `stty cols 100 rows ${rows}; exec ${command}`, '/dev/null'], { env, stdio: ['pipe', 'pipe', 'ignore'] });
    let out = '';
    let ms = null;
    child.stdout.setEncoding('utf8').on('data', (d) => {
      out += d;
      if (ms === null && untilText && out.includes(untilText)) {
        ms = Number(process.hrtime.bigint() - started) / 1e6;
        child.stdin.write('q');
      }
    });
    child.on('close', () => {
      if (!untilText) return resolve(Number(process.hrtime.bigint() - started) / 1e6);
      if (ms === null) return reject(new Error(`no frame: ${out.slice(-300)}`));
      resolve(ms);
    });
  });
}

/** Prints every figure with its limit and pass/fail. */
export function printTable() {
  const width = Math.max(...rows.map((r) => r.target.length));
  console.log(
    `papers bench: node ${process.version}, ${RUNS} alternating runs per pair (target 3: 9, target 4: 5, targets 7, 7b: 9); load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')} at the end\n`,
  );
  console.log(`${'target'.padEnd(width)}  ratio  spread     limit  result  load  detail`);
  for (const r of rows) {
    const result = r.pass === null ? '—' : r.pass ? 'pass' : 'FAIL';
    console.log(
      `${r.target.padEnd(width)}  ${(r.ratio === null ? '—' : r.ratio.toFixed(2)).padStart(5)}  ${(r.spread || '').padEnd(9)}  ${(r.limit === null ? '' : `≤ ${r.limit}`).padEnd(5)}  ${result.padEnd(6)}  ${r.load.toFixed(1).padStart(4)}  ${r.note}`,
    );
  }
}
