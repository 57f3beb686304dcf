import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, afterEach, describe, expect, it } from 'vitest';
import { loadRenderers } from '../helpers/renderers.js';
import { run } from '../../src/cli/run.js';
import { widthOf } from '../../src/render/text.js';
import { Capture } from '../helpers/context.js';
import { BIN, runShell } from '../helpers/cli.js';
import { useHarness } from '../helpers/harness.js';
import { hfItem } from '../helpers/server.js';
import { Tmux } from '../helpers/tmux.js';

// The test measures what it sees with the renderers' widthOf.
beforeAll(loadRenderers);

let h!: Parameters<Parameters<typeof useHarness>[0]>[0];
useHarness((x) => (h = x));

const DAY = '2026-01-05';
const EVIL = '\x1b]52;c;cGF5bG9hZA==\x07\x1b[2J\u009b31m\u202eevil\u202c';
const TITLES = ['Alpha lattices', 'Beta attention', 'Gamma diffusion', 'Delta lattices again', `Epsilon ${EVIL}`];
const serveDay = () =>
  h.server.days.set(
    DAY,
    TITLES.map((title, i) => {
      const item = hfItem(`2601.0000${i + 1}`, DAY, 50 - i * 10, i, title) as { paper: { summary: string } };
      item.paper.summary = `Abstract of ${title.split(' ')[0]}. ${i === 4 ? EVIL : ''}`;
      return item;
    }),
  );

const readIfThere = (file: string): string => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};

/** In-process run with a process whose streams are not terminals. */
async function runPiped(argv: string[]) {
  const stdout = new Capture();
  const stderr = new Capture();
  const proc = {
    env: h.env,
    platform: process.platform,
    stdin: () => process.stdin,
    stdout: () => stdout as never,
    stderr: () => stderr as never,
    stdoutFd: null,
    stderrFd: null,
    now: () => new Date(`${DAY}T15:00:00Z`),
  };
  const code = await run(argv, proc);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

describe('the reader costs only where it is used', () => {
  it('a printed list loads neither ink nor React', async () => {
    serveDay();
    const hook = path.join(h.dirs.root, 'loaded.cjs');
    writeFileSync(
      hook,
      "process.on('exit', () => process.stderr.write('LOADED ' + Object.keys(require.cache).filter((f) => f.includes('vendor')).map((f) => f.split(/[\\\\/]/).pop()).join(',') + '\\n'));",
    );
    const r = await runShell(`NODE_OPTIONS="--require ${hook}" "${process.execPath}" "${BIN}" day ${DAY} --format tsv`, h.env);
    expect(r.code).toBe(0);
    const loaded = /LOADED (.*)/.exec(r.stderr)![1]!.split(',');
    expect(loaded).toContain('undici.cjs');
    expect(loaded.filter((f) => /ink|react/.test(f))).toEqual([]);
  });
});

describe('papers -i without a terminal', () => {
  it('exits 2 with "interactive mode needs a terminal", before fetching anything', async () => {
    serveDay();
    const r = await runPiped(['day', DAY, '-i']);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toContain('papers: interactive mode needs a terminal');
    expect(h.server.requests).toEqual([]);
  });

  it('refuses -i with a print format; the interactive setting yields to a pipe and prints', async () => {
    expect((await runPiped(['day', DAY, '-i', '--json'])).code).toBe(2);
    serveDay();
    expect((await runPiped(['config', 'set', 'interactive', 'true'])).code).toBe(0);
    const r = await runPiped(['day', DAY]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^1\t50\t0\t2601\.00001\tAlpha lattices$/);
  });
});

describe('papers day -i in a real terminal (tmux)', () => {
  let tmux: Tmux | undefined;
  afterEach(async () => tmux?.stop());

  it('read -i: opening a paper the feed knows little of looks it up; o opens through $BROWSER; Ctrl-C exits 130', async () => {
    const feed = path.join(h.dirs.root, 'feed.json');
    writeFileSync(feed, JSON.stringify([{ id: '2601.00042', title: 'A paper with no authors in the feed' }]));
    h.server.papers.set('2601.00042', {
      id: '2601.00042',
      title: 'A paper with no authors in the feed',
      summary: 'The whole abstract.',
      authors: [{ name: 'Ada Lovelace' }],
    });
    const opened = path.join(h.dirs.root, 'opened');
    const browser = path.join(h.dirs.root, 'browser.sh');
    writeFileSync(browser, `#!/bin/sh\necho "$1" >> ${opened}\n`, { mode: 0o755 });
    tmux = new Tmux();
    await tmux.start(['read', feed, '-i'], { ...h.env, BROWSER: browser }, 80, 20);
    await tmux.waitFor((s) => s.includes('1 paper') && s.includes('q quit'), 'the list');
    await tmux.keys('Enter');
    const screen = await tmux.waitFor((s) => s.includes('Ada Lovelace'), 'the looked-up authors');
    expect(screen).toContain('The whole abstract.');
    expect(h.server.requests).toContain('/api/papers/2601.00042');
    await tmux.keys('p');
    await tmux.waitFor((s) => s.includes('opened the PDF'), 'the note');
    for (let i = 0; i < 100 && !readIfThere(opened); i++) await new Promise((r) => setTimeout(r, 20));
    expect(readIfThere(opened)).toBe('https://arxiv.org/pdf/2601.00042\n');
    await tmux.keys('C-c');
    for (let i = 0; i < 200 && tmux.exitCode() === null; i++) await new Promise((r) => setTimeout(r, 20));
    expect(tmux.exitCode()).toBe(130);
    expect(tmux.bytes().slice(tmux.bytes().lastIndexOf('\x1b[?1049h'))).toContain('\x1b[?1049l');
  });

  it("shows each paper's watches in its row, and after Enter the models the paper API links, cached for an offline run; s saves the paper without them", async () => {
    serveDay();
    expect((await runPiped(['watch', 'add', 'lattices', '--grep', 'lattices'])).code).toBe(0);
    const beta = hfItem('2601.00002', DAY, 40, 1, 'Beta attention').paper as object;
    h.server.papers.set('2601.00002', {
      ...beta,
      linkedModels: [{ id: 'beta-lab/beta-7b', likes: 3, downloads: 120 }],
      numTotalModels: 1,
      numTotalDatasets: 0,
      numTotalSpaces: 0,
    });
    tmux = new Tmux();
    await tmux.start(['day', DAY, '-i'], h.env, 80, 20);
    let lines = (await tmux.waitFor((s) => s.includes('q quit'), 'the list')).split('\n');
    expect(lines[1]).toMatch(/^›• +1 ▲50 2601\.00001 lattices Alpha lattices$/);
    expect(lines[2]).toMatch(/^ • +2 ▲40 2601\.00002 {10}Beta attention$/);
    expect(lines[4]).toMatch(/^ • +4 ▲20 2601\.00004 lattices Delta lattices again$/);

    await tmux.keys('j', 'Enter');
    let screen = await tmux.waitFor((s) => s.includes('beta-lab/beta-7b'), "row 2's linked model");
    expect(screen.split('\n')[0]).toBe('Beta attention');
    expect(screen).toContain('Models (1)');
    expect(screen).toContain('https://huggingface.co/beta-lab/beta-7b');
    expect(h.server.requests).toContain('/api/papers/2601.00002');
    await tmux.keys('s');
    await tmux.waitFor((s) => s.includes('saved to the reading list'), 'the save');
    const config = readFileSync(path.join(h.dirs.config, 'config.json'), 'utf8');
    expect(config).toContain('2601.00002');
    expect(config).not.toContain('beta-lab');
    // q in the detail view is back to the list; q there quits.
    await tmux.keys('q');
    await tmux.waitFor((s) => s.includes('5 papers'), 'the list again');
    await tmux.keys('q');
    for (let i = 0; i < 200 && tmux.exitCode() === null; i++) await new Promise((r) => setTimeout(r, 20));
    expect(tmux.exitCode()).toBe(0);
    await tmux.stop();

    // Offline, the same paper's detail comes from what the first run cached.
    const asked = h.server.requests.length;
    tmux = new Tmux();
    await tmux.start(['day', DAY, '-i', '--offline'], h.env, 80, 20);
    await tmux.waitFor((s) => s.includes('q quit'), 'the list offline');
    await tmux.keys('j', 'Enter');
    screen = await tmux.waitFor((s) => s.includes('beta-lab/beta-7b'), 'the cached linked model');
    lines = screen.split('\n');
    expect(lines[0]).toBe('Beta attention');
    await tmux.keys('Escape');
    await tmux.waitFor((s) => s.includes('5 papers'), 'the list offline again');
    await tmux.keys('j', 'Enter');
    // A paper with nothing cached of its own: the list's copy, no error.
    screen = await tmux.waitFor((s) => s.startsWith('Gamma diffusion') && s.includes('Abstract of Gamma.'), 'row 3 offline');
    expect(screen).not.toContain('✗');
    expect(h.server.requests.length).toBe(asked);
  });

  it('shows the list, reads row 3, comes back, filters, saves, reflows, quits with 0 and gives the screen back; feed text never reaches the terminal raw', async () => {
    serveDay();
    tmux = new Tmux();
    await tmux.start(['day', DAY, '-i'], h.env, 80, 20);
    let screen = await tmux.waitFor((s) => s.includes('q quit'), 'the list');
    const lines = screen.split('\n');
    // A fresh marks store: every paper is new, and keeps its mark while the reader runs.
    expect(lines[0]).toBe(`Daily Papers of Mon ${DAY} · 5 papers · 5 new`);
    expect(lines[1]).toMatch(/^›• +1 ▲50 2601\.00001 Alpha lattices$/);
    expect(lines[5]).toMatch(/^ • +5 ▲10 2601\.00005 Epsilon evil$/);

    await tmux.keys('j', 'j', 'Enter');
    screen = await tmux.waitFor((s) => s.startsWith('Gamma diffusion'), "row 3's paper");
    expect(screen).toContain('Abstract of Gamma.');

    expect(screen).toContain('Author of 2601.00003');
    // f: the whole paper, from Hugging Face's markdown of it.
    h.server.fault = (_req, res, url) => {
      if (url.pathname !== '/papers/2601.00003.md') return false;
      res.writeHead(200, { 'content-type': 'text/markdown; charset=utf-8' }).end('# Gamma in full\n\nThe whole paper, \x1b]52;c;aGk=\x07paragraph one.');
    };
    await tmux.keys('f');
    expect(await tmux.waitFor((s) => s.includes('paragraph one.'), 'the whole paper')).toContain('# Gamma in full');
    expect(h.server.requests).toContain('/papers/2601.00003.md');
    h.server.fault = undefined;

    await tmux.keys('Escape');
    screen = await tmux.waitFor((s) => s.includes('5 papers'), 'the list again');
    expect(screen.split('\n')[3]).toMatch(/^›• +3 ▲30 2601\.00003 Gamma diffusion/);

    await tmux.text('/lattices');
    screen = await tmux.waitFor((s) => s.includes('filter “lattices”: 2 shown'), 'the filter');
    expect(screen).not.toContain('Gamma');
    await tmux.keys('Enter', 's');
    await tmux.waitFor((s) => s.includes('saved to the reading list'), 'the save');
    expect(readFileSync(path.join(h.dirs.config, 'config.json'), 'utf8')).toContain('2601.00001');

    await tmux.keys('Escape');
    await tmux.resize(64, 16);
    screen = await tmux.waitFor((s) => s.split('\n').length >= 16 && s.includes('Epsilon') && s.includes('…'), 'the list at 64x16');
    for (const line of screen.split('\n')) expect(widthOf(line)).toBeLessThanOrEqual(64);
    await tmux.resize(50, 16);
    await tmux.waitFor((s) => s.startsWith('terminal too small'), 'the too-small note');
    await tmux.resize(80, 20);
    await tmux.waitFor((s) => s.includes('q quit'), 'the list back');

    await tmux.keys('q');
    for (let i = 0; i < 200 && tmux.exitCode() === null; i++) await new Promise((r) => setTimeout(r, 20));
    expect(tmux.exitCode()).toBe(0);
    expect(await tmux.screen()).not.toContain('Daily Papers');
    // The marks outlive the reader: row 3 was opened (read); the rows the cursor reached were seen.
    const unread = await runPiped(['day', DAY, '--unread', '--offline', '--fields', 'id']);
    expect(unread.stdout.split('\n').filter(Boolean).sort()).toEqual(['2601.00001', '2601.00002', '2601.00004', '2601.00005']);
    const unseen = await runPiped(['day', DAY, '--unseen', '--offline', '--fields', 'id']);
    expect(unseen.stdout).not.toContain('2601.00003');
    expect(unseen.stdout).toContain('2601.00005');
    const bytes = tmux.bytes();
    expect(bytes).toContain('Epsilon');
    expect(bytes).toContain('\x1b[?1049h');
    expect(bytes.slice(bytes.lastIndexOf('\x1b[?1049h'))).toContain('\x1b[?1049l');
    expect(bytes.slice(bytes.lastIndexOf('\x1b[?1049l') - 10)).toContain('\x1b[?25h');
    // The feed's OSC 52, CSI, C1 and bidi never reach the terminal: bytes are UTF-8 read as latin1.
    expect(bytes).not.toContain('\x1b]52');
    expect(bytes).not.toContain('\x1b[2J\xc2\x9b');
    expect(bytes).not.toContain('\xc2\x9b');
    expect(bytes).not.toContain('\xe2\x80\xae');
  });
});
