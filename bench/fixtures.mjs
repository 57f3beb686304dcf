// The fixtures of npm run bench: synthetic Daily Papers days, a whole paper in markdown, a local API
// answering after a set delay, and caches filled by the CLI itself.
import { createServer } from 'node:http';
import path from 'node:path';
import { BIN, DATA, runAsync } from './measure.mjs';

// ---- fixtures -----------------------------------------------------------------------------------
export const pad = (n, w) => String(n).padStart(w, '0');
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
export function dayItems(day, n, seed = 0, reps = 60) {
  const yymm = day.slice(2, 4) + day.slice(5, 7);
  return Array.from({ length: n }, (_, i) => item(`${yymm}.${pad(10000 + seed * 100 + i, 5)}`, day, (i * 37 + seed) % 300, i, reps));
}
export const addDays = (d, n) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
export const DAY = '2026-10-14';
/** Today in New York, as the CLI (which reads the real clock) computes it. */
export const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date());
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
export async function fillCache(dir, commands) {
  const server = await serve(0);
  // Spawned without blocking: the server answers from this very process.
  for (const args of commands)
    await runAsync([BIN, ...args], { PAPERS_CACHE_DIR: dir, PAPERS_CONFIG_DIR: path.join(DATA, 'config'), PAPERS_API_URL: server.url });
  server.close();
}

// ---- a local API: daily_papers by date/week/month with paging, each answer after `delay` ms -------
export function serve(delay, monthPapers = 1100) {
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
