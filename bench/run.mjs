// npm run bench: the performance targets of the project, measured as ratios within one run.
// Builds its own fixtures under bench/.data (nothing big is committed), starts a local server for the
// network targets, runs each pair of commands alternately, and prints median ratios with their spread.
import { spawnSync, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DATA = path.join(ROOT, 'bench', '.data');
const BIN = path.join(ROOT, 'bin', 'papers.cjs');
const NODE = process.execPath;
const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const HAS_TIME = existsSync('/usr/bin/time');
/** The reader's marks (PAPERS_DATA_DIR) of every run that names none: never the real ones in HOME. */
const MARKS = path.join(DATA, 'marks');

rmSync(DATA, { recursive: true, force: true });
mkdirSync(DATA, { recursive: true });

// ---- fixtures -----------------------------------------------------------------------------------
const pad = (n, w) => String(n).padStart(w, '0');
function item(id, day, upvotes, i, reps = 60) {
  return {
    paper: {
      id,
      authors: Array.from({ length: 6 }, (_, k) => ({ _id: `${id}-${k}`, name: `Author ${k} of ${id}`, hidden: false })),
      publishedAt: `${day}T00:00:00.000Z`,
      submittedOnDailyAt: `${day}T00:00:00.000Z`,
      title: `A synthetic paper number ${i} about lattices and attention`,
      summary: `Abstract ${i}. `.repeat(reps),
      upvotes,
      discussionId: `d${i}`,
      ai_summary: `Summary ${i}.`,
      ai_keywords: ['lattices', 'attention', `k${i % 7}`],
      githubRepo: i % 3 ? null : `https://github.com/example/r${i}`,
      githubStars: i % 3 ? null : i,
    },
    publishedAt: `${day}T00:00:00.000Z`,
    title: `A synthetic paper number ${i} about lattices and attention`,
    summary: `Abstract ${i}. `.repeat(reps),
    numComments: i % 5,
  };
}
function dayItems(day, n, seed = 0, reps = 60) {
  const yymm = day.slice(2, 4) + day.slice(5, 7);
  return Array.from({ length: n }, (_, i) => item(`${yymm}.${pad(10000 + seed * 100 + i, 5)}`, day, (i * 37 + seed) % 300, i, reps));
}
const addDays = (d, n) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
const DAY = '2026-10-14';
/** Today in New York, as the CLI (which reads the real clock) computes it. */
const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date());
/** A paper's full text: sections of prose, lists, code, a table and links, ~60 KB. */
function paperMarkdown(id) {
  const section = (n) =>
    [
      `## ${n}. Section ${n} of ${id}`,
      Array.from({ length: 6 }, (_, k) =>
        `Paragraph ${k} of section ${n}: lattices **and** attention, with \`code\` and [a link](https://example.org/${n}/${k}). `.repeat(4),
      ).join('\n\n'),
      Array.from({ length: 5 }, (_, k) => `- item ${k} with *emphasis*`).join('\n'),
      '```\nfor (let i = 0; i < n; i++) step(i);\n```',
      '| a | b |\n|---|---|\n| 1 | 2 |',
    ].join('\n\n');
  return `# A synthetic paper ${id}\n\n${Array.from({ length: 20 }, (_, n) => section(n + 1)).join('\n\n')}\n`;
}

/** A cache built by the CLI itself, from a local server answering instantly. */
async function fillCache(dir, commands) {
  const server = await serve(0);
  // Spawned without blocking: the server answers from this very process.
  for (const args of commands)
    await runAsync([BIN, ...args], { PAPERS_CACHE_DIR: dir, PAPERS_CONFIG_DIR: path.join(DATA, 'config'), PAPERS_API_URL: server.url });
  server.close();
}

// ---- a local API: daily_papers by date/week/month with paging, each answer after `delay` ms -------
function serve(delay, monthPapers = 1100) {
  const month = Array.from({ length: 22 }, (_, d) => dayItems(`2026-09-${pad(d + 1, 2)}`, Math.ceil(monthPapers / 22), d))
    .flat()
    .slice(0, monthPapers);
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    // The whole paper in markdown, as huggingface.co/papers/<id>.md serves it (~60 KB).
    if (url.pathname.startsWith('/papers/') && url.pathname.endsWith('.md')) return setTimeout(() => res.end(paperMarkdown(url.pathname.slice(8, -3))), delay);
    const limit = Number(url.searchParams.get('limit') ?? 50);
    const p = Number(url.searchParams.get('p') ?? 0);
    let items = [];
    const date = url.searchParams.get('date');
    if (url.searchParams.get('sort') === 'trending') items = Array.from({ length: 3 }, (_, d) => dayItems(addDays(DAY, -d), 100, d)).flat();
    else if (date) items = dayItems(date, 48, Number(date.slice(8)));
    else if (url.searchParams.get('week')) items = Array.from({ length: 5 }, (_, i) => dayItems(addDays('2026-09-07', i), 48, i)).flat();
    else if (url.searchParams.get('month')) items = month;
    const body = JSON.stringify(items.slice(p * limit, (p + 1) * limit));
    setTimeout(() => res.end(body), delay);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() })),
  );
}

// ---- measuring -----------------------------------------------------------------------------------
function run(args, env = {}, timed = false) {
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
async function runAsync(args, env) {
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

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const quartiles = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return [s[Math.floor(s.length / 4)], s[Math.floor((3 * s.length) / 4)]];
};

/**
 * Alternates the two commands RUNS times. The ratio is the median of the per-pair ratios: each pair
 * runs back to back, so the machine's drift (large here) cancels; the spread is their quartiles.
 */
async function ratio(a, b, runs = RUNS, exec = (x) => run(...x).ms) {
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
const push = (row) => rows.push({ ...row, load: loadavg()[0] });
function report(target, r, limit, note = '') {
  push({ target, ratio: r.ratio, spread: r.spread, limit, pass: r.ratio <= limit, note: note || `${r.a.toFixed(0)} ms vs ${r.b.toFixed(0)} ms` });
}

// ---- the targets ---------------------------------------------------------------------------------
const baseline = ['-e', ''];
const cfg = path.join(DATA, 'config');

// 1. A warm cache with one day.
const warm = path.join(DATA, 'cache-one');
await fillCache(warm, [['day', DAY, '--format', 'tsv']]);
const hit = [BIN, 'day', DAY, '--offline', '--format', 'tsv'];
report('1 warm cache: day --offline --format tsv vs node -e ""', await ratio([hit, { PAPERS_CACHE_DIR: warm, PAPERS_CONFIG_DIR: cfg }], [baseline]), 1.3);

// 2. The same with 60 days, 12 weeks and 200 papers cached.
const big = path.join(DATA, 'cache-full');
const fills = [];
for (let i = 0; i < 60; i++) fills.push(['day', addDays(DAY, -i), '--format', 'tsv']);
for (let w = 1; w <= 12; w++) fills.push(['week', `2026-W${pad(w + 20, 2)}`, '--format', 'tsv']);
await fillCache(big, fills);
const papersDir = big;
for (let i = 0; i < 200; i++) {
  const id = `2610.${pad(20000 + i, 5)}`;
  writeFileSync(path.join(papersDir, `paper-${id}.json`), JSON.stringify({ v: 1, key: `paper:${id}`, fetchedAt: Date.now(), data: null }));
}
report('2 warm cache of 60 days, 12 weeks, 200 papers', await ratio([hit, { PAPERS_CACHE_DIR: big, PAPERS_CONFIG_DIR: cfg }], [baseline]), 1.3);

// 1b. The first run of the day: a cache miss against a local server answering at once, vs a bare Node
// process fetching the same page with Node's own fetch and printing it.
{
  const fast = await serve(0);
  const page = `${fast.url}/api/daily_papers?date=${DAY}&limit=100&p=0`;
  const bareFetch = ['-e', `fetch(${JSON.stringify(page)}).then((r) => r.text()).then((t) => process.stdout.write(t))`];
  const missEnv = () => ({ PAPERS_API_URL: fast.url, PAPERS_CACHE_DIR: path.join(DATA, `miss-${Math.random()}`), PAPERS_CONFIG_DIR: cfg });
  const r = await ratio('miss', 'bare', RUNS, (which) =>
    which === 'miss' ? runAsync([BIN, 'day', DAY, '--format', 'tsv'], missEnv()) : runAsync(bareFetch, {}),
  );
  fast.close();
  report("1b cache miss: day, empty cache vs Node's own fetch of the page", r, 1.3);
}

// 3. read a 20,000-paper daily_papers JSON (40 MB) vs a bare JSON.parse of it; peak RSS vs file size.
const feed = path.join(DATA, 'feed-20000.json');
writeFileSync(feed, JSON.stringify(Array.from({ length: 20 }, (_, d) => dayItems(addDays('2026-01-05', d), 1000, d, 42)).flat()));
const feedMb = statSync(feed).size / 1048576;
const parse = ['-e', `JSON.parse(require('fs').readFileSync(${JSON.stringify(feed)}, 'utf8'))`];
const readCmd = [BIN, 'read', feed, '--limit', '20', '--format', 'tsv'];
const r3 = await ratio([readCmd, { PAPERS_CACHE_DIR: warm, PAPERS_CONFIG_DIR: cfg }], [parse], 9);
const rss3 = HAS_TIME ? run(readCmd, { PAPERS_CACHE_DIR: warm, PAPERS_CONFIG_DIR: cfg }, true).rssKb / 1024 : null;
report(`3 read ${feedMb.toFixed(0)} MB feed --limit 20 vs JSON.parse`, r3, 1.6);
if (rss3 !== null)
  push({
    target: '3b peak RSS of that read / file size',
    ratio: rss3 / feedMb,
    spread: '',
    limit: 2.5,
    pass: rss3 / feedMb <= 2.5,
    note: `${rss3.toFixed(0)} MB for ${feedMb.toFixed(0)} MB`,
  });

// 4. month against a server answering every request after 250 ms vs one day against it.
const slow = await serve(250);
const netEnv = (name) => ({ PAPERS_API_URL: slow.url, PAPERS_CACHE_DIR: path.join(DATA, `net-${name}-${Math.random()}`), PAPERS_CONFIG_DIR: cfg });
const r4 = await ratio(['month', ['2026-09']], ['day', [DAY]], 5, async ([cmd, args]) =>
  runAsync([BIN, cmd, ...args, '--format', 'tsv', '--limit', '0'], netEnv(cmd)),
);
slow.close();
report('4 month (1,100 papers, 12 pages) vs one day, 250 ms per answer', r4, 2.5);

// 5. --json of 20,000 papers streams: peak RSS of writing them all as JSON vs as TSV. Both hold every
// paper (no limit: all are sorted), so only the writer differs. (Before the read kept only its top N,
// this compared with the --limit 20 read, which then held every paper too.)
if (HAS_TIME) {
  const readEnv = { PAPERS_CACHE_DIR: warm, PAPERS_CONFIG_DIR: cfg };
  const json = run([BIN, 'read', feed, '--limit', '0', '--json'], readEnv, true).rssKb / 1024;
  const tsv = run([BIN, 'read', feed, '--limit', '0', '--format', 'tsv'], readEnv, true).rssKb / 1024;
  push({
    target: '5 --json of 20,000 papers: peak RSS vs the same as TSV',
    ratio: json / tsv,
    spread: '',
    limit: 1.5,
    pass: json / tsv <= 1.5,
    note: `${json.toFixed(0)} MB vs ${tsv.toFixed(0)} MB (one giant string would add ~${feedMb.toFixed(0)} MB)`,
  });
}

// 6. papers new --since -14 --offline with the 15 days through today cached. Each run gets its own copy
// of a marks store in which the last 8 days were already delivered (a `new --since -7` run): it reads
// those 384 marks, lists the other 336 papers and writes 720 marks, as a morning's run does.
const recent = path.join(DATA, 'cache-recent');
await fillCache(
  recent,
  Array.from({ length: 15 }, (_, i) => ['day', addDays(TODAY, -i), '--format', 'tsv']),
);
const marksTemplate = path.join(DATA, 'marks-template');
run([BIN, 'new', '--since', '-7', '--offline', '--format', 'tsv'], { PAPERS_CACHE_DIR: recent, PAPERS_CONFIG_DIR: cfg, PAPERS_DATA_DIR: marksTemplate });
let marksCopy = 0;
const newRun = () => {
  const dir = path.join(DATA, `marks-${marksCopy++}`);
  cpSync(marksTemplate, dir, { recursive: true });
  return run([BIN, 'new', '--since', '-14', '--offline', '--format', 'tsv'], { PAPERS_CACHE_DIR: recent, PAPERS_CONFIG_DIR: cfg, PAPERS_DATA_DIR: dir }).ms;
};
report(
  '6 new --since -14 --offline, 14 days cached, vs node -e ""',
  await ratio('new', 'bare', RUNS, (which) => (which === 'new' ? newRun() : run(baseline).ms)),
  1.5,
);

// 8, 8b. show --full of a paper whose text is cached (~60 KB of markdown), piped; trending from the cache.
const fullId = `${DAY.slice(2, 4)}${DAY.slice(5, 7)}.10003`;
await fillCache(warm, [
  ['show', fullId, '--full'],
  ['trending', '--format', 'tsv'],
]);
const warmEnv = { PAPERS_CACHE_DIR: warm, PAPERS_CONFIG_DIR: cfg };
report('8 show --full of a cached paper (piped) vs node -e ""', await ratio([[BIN, 'show', fullId, '--full', '--offline'], warmEnv], [baseline]), 1.5);
report('8b trending --offline from the cache vs node -e ""', await ratio([[BIN, 'trending', '--offline', '--format', 'tsv'], warmEnv], [baseline]), 1.5);

// 7. The interactive reader from the warm cache of target 1: time until its first full frame (the
// footer drawn) in a pseudo-terminal, against `node -e ""` in the same pseudo-terminal. Reported;
// the goal is 3x (ink, React and yoga's WebAssembly are loaded on this path only).
const HAS_SCRIPT = spawnSync('sh', ['-c', 'command -v script'], { encoding: 'utf8' }).stdout.trim() !== '';
function inPty(argv, untilText, rows = 30) {
  const command = [NODE, ...argv].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TERM: 'xterm-256color',
      LANG: 'C.UTF-8',
      PAPERS_CACHE_DIR: warm,
      PAPERS_CONFIG_DIR: cfg,
      PAPERS_DATA_DIR: MARKS,
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
if (HAS_SCRIPT) {
  const r6 = await ratio([[BIN, 'day', DAY, '--offline', '-i'], 'q quit'], [baseline, null], 9, ([argv, until]) => inPty(argv, until));
  push({
    target: '7 first frame of day -i (warm cache) vs node -e "", in a pty',
    ratio: r6.ratio,
    spread: r6.spread,
    limit: 3,
    pass: r6.ratio <= 3,
    note: `${r6.a.toFixed(0)} ms vs ${r6.b.toFixed(0)} ms`,
  });
  // 8c. show --full of the cached paper on a terminal: rendered by marked and marked-terminal (loaded on
  // this path only). The terminal is taller than the text, so no pager runs; the process ends when done.
  const r8c = await ratio([[BIN, 'show', fullId, '--full', '--offline'], null, 5000], [baseline, null, 5000], RUNS, (args) => inPty(...args));
  report('8c show --full of a cached paper on a terminal vs node -e "", in a pty', r8c, 1.5);
}

// Reference: what a user would reach for instead, jq over the cached JSON of target 1.
const jq = spawnSync('sh', ['-c', 'command -v jq'], { encoding: 'utf8' }).stdout.trim();
if (jq) {
  const entry = path.join(warm, `day-${DAY}.json`);
  const script = `.data | sort_by(-.upvotes) | .[:30] | to_entries[] | [.key+1, .value.upvotes, .value.comments, .value.id, .value.title] | @tsv`;
  const jqRun = () => {
    const s = process.hrtime.bigint();
    spawnSync(jq, ['-r', script, entry], { stdio: 'ignore' });
    return Number(process.hrtime.bigint() - s) / 1e6;
  };
  const nodeRun = () => run(baseline).ms;
  const tj = [],
    tn = [];
  for (let i = 0; i < RUNS; i++) {
    tj.push(jqRun());
    tn.push(nodeRun());
  }
  push({
    target: 'ref: jq rendering the same cached list vs node -e ""',
    ratio: median(tj) / median(tn),
    spread: '',
    limit: null,
    pass: null,
    note: `${median(tj).toFixed(0)} ms vs ${median(tn).toFixed(0)} ms`,
  });
}

// ---- the table ---------------------------------------------------------------------------------------
const width = Math.max(...rows.map((r) => r.target.length));
console.log(
  `papers bench: node ${process.version}, ${RUNS} alternating runs per pair (target 3: 9, target 4: 5, target 7: 9); load average ${loadavg()
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
// BENCH_KEEP=1 leaves the fixtures, to profile a target by hand (node --cpu-prof bin/papers.cjs ...).
if (!process.env.BENCH_KEEP) rmSync(DATA, { recursive: true, force: true });
