// npm run bench: the performance targets of the project, measured as ratios within one run.
// Builds its own fixtures under bench/.data (nothing big is committed), starts a local server for the
// network targets, runs each pair of commands alternately, and prints median ratios with their spread.
import { spawnSync, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, rmSync, writeFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DATA = path.join(ROOT, 'bench', '.data');
const BIN = path.join(ROOT, 'bin', 'papers.cjs');
const NODE = process.execPath;
const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const HAS_TIME = existsSync('/usr/bin/time');
// BENCH_ONLY=1,6: only those targets (a shared machine need not run the 40 MB feed to check one figure).
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : null;
const want = (n) => !ONLY || ONLY.has(String(n));

if (!process.env.BENCH_KEEP) rmSync(DATA, { recursive: true, force: true });
mkdirSync(DATA, { recursive: true });

// ---- fixtures -----------------------------------------------------------------------------------
const pad = (n, w) => String(n).padStart(w, '0');
function item(id, day, upvotes, i) {
  return {
    paper: {
      id,
      authors: Array.from({ length: 6 }, (_, k) => ({ _id: `${id}-${k}`, name: `Author ${k} of ${id}`, hidden: false })),
      publishedAt: `${day}T00:00:00.000Z`,
      submittedOnDailyAt: `${day}T00:00:00.000Z`,
      title: `A synthetic paper number ${i} about lattices and attention`,
      summary: `Abstract ${i}. `.repeat(60),
      upvotes,
      discussionId: `d${i}`,
      ai_summary: `Summary ${i}.`,
      ai_keywords: ['lattices', 'attention', `k${i % 7}`],
      githubRepo: i % 3 ? null : `https://github.com/example/r${i}`,
      githubStars: i % 3 ? null : i,
    },
    publishedAt: `${day}T00:00:00.000Z`,
    title: `A synthetic paper number ${i} about lattices and attention`,
    summary: `Abstract ${i}. `.repeat(60),
    numComments: i % 5,
  };
}
function dayItems(day, n, seed = 0) {
  const yymm = day.slice(2, 4) + day.slice(5, 7);
  return Array.from({ length: n }, (_, i) => item(`${yymm}.${pad(10000 + seed * 100 + i, 5)}`, day, (i * 37 + seed) % 300, i));
}
const addDays = (d, n) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
const DAY = '2026-10-14';

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
    const limit = Number(url.searchParams.get('limit') ?? 50);
    const p = Number(url.searchParams.get('p') ?? 0);
    let items = [];
    const date = url.searchParams.get('date');
    if (date) items = dayItems(date, 48, Number(date.slice(8)));
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
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const rssKb = timed && HAS_TIME ? Number(r.stderr.trim().split('\n').at(-1)) : null;
  return { ms, rssKb };
}

async function runAsync(args, env) {
  const started = process.hrtime.bigint();
  await new Promise((resolve, reject) => {
    const child = spawn(NODE, args, { env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, stdio: 'ignore' });
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited ${code}`))));
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
function report(target, r, limit, note = '') {
  rows.push({ target, ratio: r.ratio, spread: r.spread, limit, pass: r.ratio <= limit, note: note || `${r.a.toFixed(0)} ms vs ${r.b.toFixed(0)} ms` });
}

// ---- the targets ---------------------------------------------------------------------------------
const baseline = ['-e', ''];
const cfg = path.join(DATA, 'config');

// 1. A warm cache with one day.
const warm = path.join(DATA, 'cache-one');
await fillCache(warm, [['day', DAY, '--format', 'tsv']]);
const hit = [BIN, 'day', DAY, '--offline', '--format', 'tsv'];
if (want(1))
  report('1 warm cache: day --offline --format tsv vs node -e ""', await ratio([hit, { PAPERS_CACHE_DIR: warm, PAPERS_CONFIG_DIR: cfg }], [baseline]), 1.3);

// 2. The same with 60 days, 12 weeks and 200 papers cached.
if (want(2)) {
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
}

// 6. papers new over 14 cached days (720 papers): the morning run, offline. Steady state: a marks file
// that has seen them all (nothing new; the marks read, no write); and --peek on no marks (all 720 out).
if (want(6)) {
  const nyToday = new Date().toLocaleDateString('en-CA', { timeZone: 'America/New_York' });
  const fortnight = path.join(DATA, 'cache-fortnight');
  await fillCache(
    fortnight,
    Array.from({ length: 15 }, (_, i) => ['day', addDays(nyToday, -i), '--format', 'tsv']),
  );
  const seenDir = path.join(DATA, 'data-seen');
  const fortEnv = (data) => ({ PAPERS_CACHE_DIR: fortnight, PAPERS_CONFIG_DIR: cfg, PAPERS_DATA_DIR: data });
  run([BIN, 'new', '--since', '-14', '--offline', '--format', 'tsv'], fortEnv(seenDir));
  const newCmd = [BIN, 'new', '--since', '-14', '--offline', '--format', 'tsv'];
  report('6 new --since -14 --offline, 14 days cached, all seen', await ratio([newCmd, fortEnv(seenDir)], [baseline]), 1.5);
  const peekCmd = [BIN, 'new', '--since', '-14', '--offline', '--peek', '--format', 'tsv'];
  report('6b the same --peek with no marks: 720 papers out', await ratio([peekCmd, fortEnv(path.join(DATA, 'data-none'))], [baseline]), 1.5);
}

let feed, feedMb, rss3;
if (want(3)) {
  // 3. read a 20,000-paper daily_papers JSON (about 40 MB) vs a bare JSON.parse of it; peak RSS vs file size.
  feed = path.join(DATA, 'feed-20000.json');
  writeFileSync(feed, JSON.stringify(Array.from({ length: 20 }, (_, d) => dayItems(addDays('2026-01-05', d), 1000, d)).flat()));
  feedMb = statSync(feed).size / 1048576;
  const parse = ['-e', `JSON.parse(require('fs').readFileSync(${JSON.stringify(feed)}, 'utf8'))`];
  const readCmd = [BIN, 'read', feed, '--limit', '20', '--format', 'tsv'];
  const r3 = await ratio([readCmd, { PAPERS_CACHE_DIR: warm, PAPERS_CONFIG_DIR: cfg }], [parse], 9);
  rss3 = HAS_TIME ? run(readCmd, { PAPERS_CACHE_DIR: warm, PAPERS_CONFIG_DIR: cfg }, true).rssKb / 1024 : null;
  report(`3 read ${feedMb.toFixed(0)} MB feed --limit 20 vs JSON.parse`, r3, 2.0);
  if (rss3 !== null)
    rows.push({
      target: '3b peak RSS of that read / file size',
      ratio: rss3 / feedMb,
      spread: '',
      limit: 4,
      pass: rss3 / feedMb <= 4,
      note: `${rss3.toFixed(0)} MB for ${feedMb.toFixed(0)} MB`,
    });
}

// 4. month against a server answering every request after 250 ms vs one day against it.
if (want(4)) {
  const slow = await serve(250);
  const netEnv = (name) => ({ PAPERS_API_URL: slow.url, PAPERS_CACHE_DIR: path.join(DATA, `net-${name}-${Math.random()}`), PAPERS_CONFIG_DIR: cfg });
  const r4 = await ratio(['month', ['2026-09']], ['day', [DAY]], 5, async ([cmd, args]) =>
    runAsync([BIN, cmd, ...args, '--format', 'tsv', '--limit', '0'], netEnv(cmd)),
  );
  slow.close();
  report('4 month (1,100 papers, 12 pages) vs one day, 250 ms per answer', r4, 2.5);
}

// 5. --json of 20,000 papers streams: peak RSS of writing it all out vs reading the same feed to 20 rows.
if (HAS_TIME && want(5) && want(3)) {
  const all = run([BIN, 'read', feed, '--limit', '0', '--json'], { PAPERS_CACHE_DIR: warm, PAPERS_CONFIG_DIR: cfg }, true).rssKb / 1024;
  rows.push({
    target: '5 --json of 20,000 papers: peak RSS vs --limit 20',
    ratio: all / rss3,
    spread: '',
    limit: 1.5,
    pass: all / rss3 <= 1.5,
    note: `${all.toFixed(0)} MB vs ${rss3.toFixed(0)} MB (one giant string would add ~${feedMb.toFixed(0)} MB)`,
  });
}

// Reference: what a user would reach for instead, jq over the cached JSON of target 1.
const jq = spawnSync('sh', ['-c', 'command -v jq'], { encoding: 'utf8' }).stdout.trim();
if (jq && want('jq')) {
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
  rows.push({
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
console.log(`papers bench: node ${process.version}, ${RUNS} alternating runs per pair (target 3: 9, target 4: 5)\n`);
console.log(`${'target'.padEnd(width)}  ratio  spread     limit  result  detail`);
for (const r of rows) {
  const result = r.pass === null ? '—' : r.pass ? 'pass' : 'FAIL';
  console.log(
    `${r.target.padEnd(width)}  ${r.ratio.toFixed(2).padStart(5)}  ${(r.spread || '').padEnd(9)}  ${(r.limit === null ? '' : `≤ ${r.limit}`).padEnd(5)}  ${result.padEnd(6)}  ${r.note}`,
  );
}
if (!process.env.BENCH_KEEP) rmSync(DATA, { recursive: true, force: true });
