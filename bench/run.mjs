// npm run bench: the performance targets of the project, measured as ratios within one run.
// Builds its own fixtures under bench/.data (nothing big is committed; bench/fixtures.mjs), starts a local
// server for the network targets, runs each pair of commands alternately, and prints median ratios with
// their spread (bench/measure.mjs).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { addDays, DAY, dayItems, fillCache, pad, serve, TODAY } from './fixtures.mjs';
import { BIN, DATA, HAS_SCRIPT, HAS_TIME, inPty, median, printTable, push, ratio, report, run, runAsync, RUNS } from './measure.mjs';

rmSync(DATA, { recursive: true, force: true });
mkdirSync(DATA, { recursive: true });

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
// footer drawn) in a pseudo-terminal, against `node -e ""` in the same pseudo-terminal; the goal is
// 3x. The reader paints that frame before it loads ink, React and yoga's WebAssembly (src/ui/reader/screen.ts).
const ptyEnv = { PAPERS_CACHE_DIR: warm, PAPERS_CONFIG_DIR: cfg };
if (HAS_SCRIPT) {
  const r6 = await ratio([[BIN, 'day', DAY, '--offline', '-i'], 'q quit'], [baseline, null], 9, ([argv, until]) => inPty(argv, until, 30, ptyEnv));
  push({
    target: '7 first frame of day -i (warm cache) vs node -e "", in a pty',
    ratio: r6.ratio,
    spread: r6.spread,
    limit: 3,
    pass: r6.ratio <= 3,
    note: `${r6.a.toFixed(0)} ms vs ${r6.b.toFixed(0)} ms`,
  });
  // 7b. The same, until ink's own first frame (drawn over the painted one in a synchronised update,
  // ended by ESC [?2026l): from then on the reader takes the keys typed since its first frame. Reported.
  const r7b = await ratio([[BIN, 'day', DAY, '--offline', '-i'], '\x1b[?2026l'], [baseline, null], 9, ([argv, until]) => inPty(argv, until, 30, ptyEnv));
  push({
    target: '7b reader taking keys (ink drawn) vs node -e "", in a pty',
    ratio: r7b.ratio,
    spread: r7b.spread,
    limit: null,
    pass: null,
    note: `${r7b.a.toFixed(0)} ms vs ${r7b.b.toFixed(0)} ms`,
  });
  // 8c. show --full of the cached paper on a terminal, shown again: the first run renders it with marked
  // and marked-terminal (loaded on this path only) and keeps the render in the cache (render-<id>.json);
  // the runs measured print that copy. The terminal is taller than the text, so no pager runs.
  const r8c = await ratio([[BIN, 'show', fullId, '--full', '--offline'], null, 5000], [baseline, null, 5000], RUNS, ([argv, until, rows]) =>
    inPty(argv, until, rows, ptyEnv),
  );
  report('8c show --full of a cached paper on a terminal vs node -e "", in a pty', r8c, 1.5);
  // 8d. The same, rendered every time: the copy is removed before each run (reported, no limit).
  const copy = path.join(warm, `render-${fullId}.json`);
  const r8d = await ratio([[BIN, 'show', fullId, '--full', '--offline'], null, 5000], [baseline, null, 5000], RUNS, ([argv, until, rows]) => {
    if (argv[0] === BIN) rmSync(copy, { force: true });
    return inPty(argv, until, rows, ptyEnv);
  });
  push({
    target: '8d the same, first render (no rendered copy) vs node -e "", in a pty',
    ratio: r8d.ratio,
    spread: r8d.spread,
    limit: null,
    pass: null,
    note: `${r8d.a.toFixed(0)} ms vs ${r8d.b.toFixed(0)} ms`,
  });
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

printTable();
// BENCH_KEEP=1 leaves the fixtures, to profile a target by hand (node --cpu-prof bin/papers.cjs ...).
if (!process.env.BENCH_KEEP) rmSync(DATA, { recursive: true, force: true });
