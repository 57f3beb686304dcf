import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRenderers } from '../helpers/renderers.js';
import { addDays } from '../../src/core/dates.js';
import { runShell, type tempDirs } from '../helpers/cli.js';
import { widthOf } from '../../src/render/text.js';
import { runIn } from '../helpers/inProcess.js';
import { runInPty } from '../helpers/pty.js';
import { atomEntry, atomFeed, type FakeHf, hfItem, json } from '../helpers/server.js';
import { TODAY } from '../helpers/clock.js';
import { useHarness } from '../helpers/harness.js';

// The test measures what it sees with the renderers' widthOf.
beforeAll(loadRenderers);

// Issue 12: what a new user hit in the first release, each against the local server, in-process.
const yesterday = addDays(TODAY, -1);
let server: FakeHf;
let env: NodeJS.ProcessEnv;
let dirs: ReturnType<typeof tempDirs>;
useHarness((h) => ({ server, env, dirs } = h), { COLUMNS: '80' });

const hfPaper = (id: string, title: string) => ({
  id,
  title,
  summary: `Abstract of ${id}.`,
  authors: [{ name: 'Ada Quill' }],
  publishedAt: '2026-11-20T00:00:00.000Z',
  submittedOnDailyAt: '2026-11-23T00:00:00.000Z',
  upvotes: 17,
});

describe('a saved paper opens offline, always', () => {
  it('show, open --code and save find it in the reading list once its cache entry is gone', async () => {
    server.papers.set('2608.09888', { ...hfPaper('2608.09888', 'Saved And Kept'), githubRepo: 'https://github.com/example/kept' });
    expect((await runIn(['save', '2608.09888'], env)).code).toBe(0);
    expect((await runIn(['cache', 'clear'], env)).code).toBe(0);
    server.requests = [];
    const offline = await runIn(['show', '2608.09888', '--offline'], env);
    expect(offline.stderr).toBe('');
    expect(offline.code).toBe(0);
    expect(offline.stdout).toContain('Saved And Kept');
    // With the network down (every request fails) it is found before the network is asked.
    server.fault = (_req, res) => json(res, 503, {});
    const down = await runIn(['show', '2608.09888', '--timeout', '2000'], env);
    expect(down.code).toBe(0);
    expect(down.stdout).toContain('Saved And Kept');
    const open = await runIn(['open', '2608.09888', '--code', '--print', '--offline'], env);
    expect(open.stdout).toBe('https://github.com/example/kept\n');
    expect((await runIn(['save', '2608.09888', '--offline'], env)).code).toBe(0);
    expect(server.requests).toEqual([]);
  });
});

describe('Hugging Face failing, arXiv answering', () => {
  it("warns that arXiv's record is shown, and asks Hugging Face again next time", async () => {
    server.arxiv.set('2611.00077', atomFeed(atomEntry('2611.00077', 'From arXiv', 'An arXiv abstract.', ['B. Author'])));
    // A 503 that asks to wait past --timeout fails at once, without retries.
    server.fault = (_req, res, url) => {
      if (!url.pathname.startsWith('/api/papers/')) return false;
      res.writeHead(503, { 'retry-after': '120' }).end();
      return true;
    };
    const degraded = await runIn(['show', '2611.00077'], env);
    expect(degraded.code).toBe(0);
    expect(degraded.stdout).toContain('From arXiv');
    expect(degraded.stderr).toMatch(
      /^papers: warning: Hugging Face answered 503: try again in 60 s; showing arXiv's record \(no upvotes, day or organization\)\n$/m,
    );
    server.fault = undefined;
    server.papers.set('2611.00077', hfPaper('2611.00077', 'From Hugging Face'));
    server.requests = [];
    const back = await runIn(['show', '2611.00077'], env);
    expect(back.stdout).toContain('From Hugging Face');
    expect(back.stdout).toContain('▲ 17');
    expect(server.requests).toEqual(['/api/papers/2611.00077']);
  });
});

describe('Hugging Face failing, an earlier record cached', () => {
  it("shows the cached record with a warning rather than arXiv's poorer one", async () => {
    server.papers.set('2611.00077', hfPaper('2611.00077', 'From Hugging Face'));
    expect((await runIn(['show', '2611.00077'], env)).code).toBe(0);
    server.arxiv.set('2611.00077', atomFeed(atomEntry('2611.00077', 'From arXiv', 'An arXiv abstract.', ['B. Author'])));
    server.fault = (_req, res, url) => {
      if (!url.pathname.startsWith('/api/papers/')) return false;
      res.writeHead(503, { 'retry-after': '120' }).end();
      return true;
    };
    const r = await runIn(['show', '2611.00077', '--refresh'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('From Hugging Face');
    expect(r.stderr).toMatch(/^papers: warning: showing paper 2611\.00077 cached just now: .*answered 503/m);
  });
});

describe('--verbose says where the data came from', () => {
  it('the URL and time of a fetch, then the cache entry and its age', async () => {
    server.days.set(yesterday, [hfItem('2611.00001', yesterday, 1)]);
    const fetched = await runIn(['day', yesterday, '--verbose'], env);
    expect(fetched.code).toBe(0);
    expect(fetched.stderr).toMatch(
      new RegExp(`^papers: debug: GET ${server.url}/api/daily_papers\\?date=${yesterday}&limit=100&p=0: 200, \\d+ bytes in \\d+ ms$`, 'm'),
    );
    const hit = await runIn(['day', yesterday, '--verbose'], env);
    expect(hit.stderr).toBe(`papers: debug: the list of ${yesterday}: cache entry day:${yesterday}, fetched just now\n`);
    const quiet = await runIn(['day', yesterday], env);
    expect(quiet.stderr).toBe('');
  });

  it('the file read, and the reading list', async () => {
    const file = fileURLToPath(new URL('../../fixtures/hf/daily-quirks.json', import.meta.url));
    const read = await runIn(['read', file, '--verbose'], env);
    expect(read.stderr).toMatch(new RegExp(`^papers: debug: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: read, \\d+ papers$`, 'm'));
    const saved = await runIn(['saved', '--verbose'], env);
    expect(saved.stderr).toMatch(/^papers: debug: the reading list: .*config\.json, 0 papers$/m);
  });
});

describe('row numbers are those of the last table a person saw', () => {
  it('an empty result, a pipe, --json and a table written to a pipe leave them alone', async () => {
    const older = addDays(yesterday, -1);
    server.days.set(yesterday, [hfItem('2611.00001', yesterday, 9), hfItem('2611.00002', yesterday, 5), hfItem('2611.00003', yesterday, 1)]);
    server.days.set(older, [hfItem('2611.00009', older, 4)]);
    expect((await runIn(['day', yesterday], env, { columns: 80 })).code).toBe(0);
    const empty = await runIn(['day', yesterday, '-g', 'zzzz'], env, { columns: 80 });
    expect(empty.stdout).toBe('');
    for (const args of [[], ['--json'], ['--format', 'table'], ['--format', 'csv']]) expect((await runIn(['day', older, ...args], env)).code).toBe(0);
    const third = await runIn(['show', '3', '--json'], env);
    expect(third.code).toBe(0);
    expect((JSON.parse(third.stdout) as { id: string }).id).toBe('2611.00003');
    // A table on a terminal does replace them.
    await runIn(['day', older], env, { columns: 80 });
    expect((await runIn(['show', '3'], env)).stderr).toMatch(/row 3 is out of range: the last list had 1 paper/);
  });
});

describe('--fields on a terminal', () => {
  it("picks the table's columns, any field among them, and --format table takes it too", async () => {
    const item = hfItem('2611.00001', yesterday, 9);
    (item.paper as Record<string, unknown>).organization = { name: 'acme', fullname: 'Acme Research Laboratories' };
    server.days.set(yesterday, [item]);
    // Seen once already, so no column of new-paper marks stands before the chosen ones.
    await runIn(['day', yesterday, '--no-color'], env, { columns: 80 });
    const shown = await runIn(['day', yesterday, '--fields', 'id,organization', '--no-color'], env, { columns: 80 });
    expect(shown.code).toBe(0);
    // Under the line that names the list: the chosen columns.
    expect(shown.stdout.split('\n')[1]).toMatch(/^id\s+organization$/);
    expect(shown.stdout.split('\n')[2]).toMatch(/^2611\.00001\s+Acme Research Laboratories$/);
    const piped = await runIn(['day', yesterday, '--format', 'table', '--fields', 'title,id'], env);
    expect(piped.code).toBe(0);
    expect(piped.stdout.split('\n')[0]).toMatch(/^title\s+id$/);
    const refused = await runIn(['day', yesterday, '--format', 'markdown', '--fields', 'id'], env);
    expect(refused.code).toBe(2);
  });
});

describe('papers open', () => {
  it("exits 1 with the opener's failure and the link when the opener fails", async () => {
    const r = await runIn(['open', '2608.09888'], { ...env, BROWSER: 'false' });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('papers: false could not open the link: exit code 1\nhint: open it yourself: https://arxiv.org/abs/2608.09888\n');
  });

  it('gives a terminal browser the terminal (stdin and stdout) and waits for it', async () => {
    const bin = path.join(dirs.root, 'bin');
    mkdirSync(bin, { recursive: true });
    const seen = path.join(dirs.root, 'seen');
    writeFileSync(
      path.join(bin, 'lynx'),
      `#!/bin/sh\nsleep 0.2\nif [ -t 0 ] && [ -t 1 ]; then echo "terminal $1" > '${seen}'; else echo "no terminal" > '${seen}'; fi\n`,
    );
    chmodSync(path.join(bin, 'lynx'), 0o755);
    const r = await runInPty(['open', '2608.09888'], { ...env, PATH: `${bin}:${env.PATH}`, BROWSER: '/nonexistent/browser:lynx' }, 80);
    expect(r.code).toBe(0);
    // Waited for: the file is there once papers has exited.
    expect(readFileSync(seen, 'utf8')).toBe('terminal https://arxiv.org/abs/2608.09888\n');
  });
});

describe('NO_COLOR', () => {
  it('turns colour off only when set and not empty', async () => {
    server.days.set(yesterday, [hfItem('2611.00001', yesterday, 120)]);
    const empty = await runIn(['day', yesterday], { ...env, NO_COLOR: '' }, { columns: 80 });
    expect(empty.stdout).toContain('\x1b[');
    const set = await runIn(['day', yesterday], { ...env, NO_COLOR: '1' }, { columns: 80 });
    expect(set.stdout).not.toContain('\x1b[');
    expect(set.stdout).toContain('2611.00001');
  });
});

describe('BibTeX keys', () => {
  it('use the family name, not a suffix or a particle', async () => {
    const item = hfItem('2611.00001', yesterday, 9, 0, 'Games of Strategy');
    (item.paper as { authors: unknown[] }).authors = [{ name: 'Jean-Luc von Neumann Jr.' }];
    server.days.set(yesterday, [item]);
    const r = await runIn(['day', yesterday, '--format', 'bibtex'], env);
    expect(r.stdout).toMatch(new RegExp(`^@misc\\{neumann${yesterday.slice(0, 4)}games,`));
  });
});

describe('help and version into a pipe that closes early', () => {
  it('exit 0 quietly: --help | head -1, day --help | true, --version | true, help search | true', async () => {
    const script = [
      ['--help', 'head -1 >/dev/null'],
      ['day --help', 'true'],
      ['--version', 'true'],
      ['help search', 'true'],
    ]
      .map(([args, reader]) => `eval "$PAPERS ${args}" 2>err.txt | ${reader}; echo "${args}: exit=\${PIPESTATUS[0]} stderr=$(cat err.txt)"`)
      .join('\n');
    const r = await runShell(`cd '${dirs.root}' && ${script}`, env);
    expect(r.stdout.trimEnd().split('\n')).toEqual([
      '--help: exit=0 stderr=',
      'day --help: exit=0 stderr=',
      '--version: exit=0 stderr=',
      'help search: exit=0 stderr=',
    ]);
  });
});

describe('sort ties and narrow terminals', () => {
  it('--sort comments, stars and date break ties by upvotes, then comments, then id', async () => {
    server.days.set(yesterday, [
      hfItem('2611.00004', yesterday, 5, 1),
      hfItem('2611.00003', yesterday, 5, 9),
      hfItem('2611.00002', yesterday, 8, 1),
      hfItem('2611.00001', yesterday, 5, 1),
    ]);
    const ids = async (key: string) =>
      (await runIn(['day', yesterday, '--sort', key], env)).stdout
        .trimEnd()
        .split('\n')
        .map((l) => l.split('\t')[3]);
    expect(await ids('comments')).toEqual(['2611.00003', '2611.00002', '2611.00001', '2611.00004']);
    for (const key of ['stars', 'date']) expect(await ids(key)).toEqual(['2611.00002', '2611.00003', '2611.00001', '2611.00004']);
  });

  it('a table on a 20-column terminal drops columns, then cuts, and never wraps', async () => {
    server.days.set(yesterday, [hfItem('2611.00001', yesterday, 120, 45, '大规模语言模型 with a long English title')]);
    // Seen once already, so no column of new-paper marks takes its two cells.
    await runIn(['day', yesterday, '--no-color'], env, { columns: 20 });
    const r = await runIn(['day', yesterday, '--no-color'], env, { columns: 20 });
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.slice(1)).toEqual(['id         title', '2611.00001 大规模语…']);
    for (const line of lines) expect(widthOf(line)).toBeLessThanOrEqual(20);
  });
});
