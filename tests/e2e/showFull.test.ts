import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useHarness } from '../helpers/harness.js';
import { runIn } from '../helpers/inProcess.js';
import { runInPty, visible } from '../helpers/pty.js';
import { fixture } from '../helpers/papers.js';
import { HOSTILE_SGR } from '../helpers/security.js';
import { hfItem, type FakeHf } from '../helpers/server.js';
import type { tempDirs } from '../helpers/cli.js';

let server: FakeHf;
let env: NodeJS.ProcessEnv;
let dirs: ReturnType<typeof tempDirs>;
useHarness((h) => ({ server, env, dirs } = h), { COLUMNS: '80' });

const linked = JSON.parse(fixture('hf/paper-linked.json'));
const TTY = { columns: 60, rows: 10_000 };
const CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

/** Serves `<base>/papers/<id>.md` from this map (404 for the rest). */
function serveMarkdown(texts: Record<string, string>): void {
  server.fault = (_req, res, url) => {
    const m = /^\/papers\/(.+)\.md$/.exec(url.pathname);
    if (!m) return false;
    const text = texts[m[1]!];
    if (text === undefined) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
    res.writeHead(200, { 'content-type': 'text/markdown; charset=utf-8' }).end(text);
  };
}

describe('papers show: linked models, datasets and Spaces', () => {
  it('lists them after the links: the total and the first five of each kind, with their URLs', async () => {
    server.papers.set('2611.00950', linked);
    const r = await runIn(['show', '2611.00950'], env);
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out.indexOf('PDF')).toBeLessThan(out.indexOf('Models (42, first 5)'));
    expect(out).toContain('  lattice-lab/lattice-1b  ♥ 10  ↓ 1000\n    https://huggingface.co/lattice-lab/lattice-1b');
    expect(out).not.toContain('lattice-6b');
    expect(out).toContain('Datasets (1)\n  ada/grid-set  ♥ 2  ↓ 108\n    https://huggingface.co/datasets/ada/grid-set');
    expect(out).toContain('Spaces (1)\n  demo  ♥ 0\n    https://huggingface.co/spaces/demo');
    expect(out).not.toMatch(/etc\/passwd|a\/b\/c|\x1b/);
  });

  it('--json adds the linked arrays and totals; a paper only arXiv knows has [] and null', async () => {
    server.papers.set('2611.00950', linked);
    const r = await runIn(['show', '2611.00950', '--json'], env);
    const obj = JSON.parse(r.stdout);
    expect(obj.linkedModels).toHaveLength(7);
    expect(obj.linkedModels[0]).toEqual({ id: 'lattice-lab/lattice-1b', likes: 10, downloads: 1000, url: 'https://huggingface.co/lattice-lab/lattice-1b' });
    expect(obj.linkedDatasets).toEqual([{ id: 'ada/grid-set', likes: 2, downloads: 108, url: 'https://huggingface.co/datasets/ada/grid-set' }]);
    expect([obj.numTotalModels, obj.numTotalDatasets, obj.numTotalSpaces]).toEqual([42, 1, 1]);
    const old = await runIn(['show', 'hep-th/9901001', '--json'], env);
    expect(old.code).toBe(3);
    server.arxiv.set(
      '2611.00077',
      `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/2611.00077v1</id><title>Only On arXiv</title><summary>x</summary><author><name>B</name></author><published>2026-11-01T00:00:00Z</published></entry></feed>`,
    );
    const arxiv = JSON.parse((await runIn(['show', '2611.00077', '--json'], env)).stdout);
    expect(arxiv).toMatchObject({
      source: 'arxiv',
      linkedModels: [],
      linkedDatasets: [],
      linkedSpaces: [],
      numTotalModels: null,
      numTotalDatasets: null,
      numTotalSpaces: null,
    });
  });

  it('list JSON keeps its fields', async () => {
    server.days.set('2026-11-20', [
      { ...hfItem('2611.00950', '2026-11-20', 3), paper: { ...(hfItem('2611.00950', '2026-11-20', 3).paper as object), linkedModels: linked.linkedModels } },
    ]);
    const list = JSON.parse((await runIn(['day', '2026-11-20', '--json'], env)).stdout);
    expect(Object.keys(list[0])).not.toContain('linkedModels');
  });
});

describe('papers show: several refs and formats', () => {
  it('shows several papers, one after the other, and prints JSON one object per line', async () => {
    server.papers.set('2611.00950', linked);
    server.papers.set('2611.00951', { ...linked, id: '2611.00951', title: 'The Second One' });
    const r = await runIn(['show', '2611.00950', '2611.00951'], env);
    expect(r.code).toBe(0);
    expect(r.stdout.indexOf('A Paper With Things Built On It')).toBeLessThan(r.stdout.indexOf('The Second One'));
    const lines = (await runIn(['show', '2611.00950', '2611.00951', '--json'], env)).stdout.trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l).id)).toEqual(['2611.00950', '2611.00951']);
  });

  it('checks every ref before fetching any', async () => {
    const r = await runIn(['show', '2611.00950', 'not-an-id'], env);
    expect(r.code).toBe(2);
    expect(server.requests).toEqual([]);
  });

  it('--format bibtex and markdown, --fields for the JSON', async () => {
    server.papers.set('2611.00950', linked);
    const bib = await runIn(['show', '2611.00950', '--format', 'bibtex'], env);
    expect(bib.stdout).toMatch(/^@misc\{quill2026paper,\n {2}title = \{\{A Paper With Things Built On It\}\},/);
    const md = await runIn(['show', '2611.00950', '--format', 'markdown'], env);
    expect(md.stdout.split('\n')[0]).toBe('## [A Paper With Things Built On It](https://huggingface.co/papers/2611.00950)');
    expect(md.stdout).toContain('**Datasets (1):** [ada/grid-set](<https://huggingface.co/datasets/ada/grid-set>)');
    const some = await runIn(['show', '2611.00950', '--fields', 'id,numTotalModels,title'], env);
    expect(JSON.parse(some.stdout)).toEqual({ id: '2611.00950', numTotalModels: 42, title: 'A Paper With Things Built On It' });
    const bad = await runIn(['show', '2611.00950', '--format', 'bibtex', '--fields', 'id'], env);
    expect(bad.code).toBe(2);
  });
});

describe('papers show --full', () => {
  it('piped: the markdown as served, cleaned of control characters; then from the cache, also offline', async () => {
    serveMarkdown({ '2611.00101': fixture('fulltext/hostile.md') });
    const r = await runIn(['show', '2611.00101', '--full'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(CONTROL);
    expect(r.stdout).toContain('[click me](javascript:alert(1))');
    expect(r.stdout).toContain('<script>alert("x")</script>');
    expect(server.requests).toEqual(['/papers/2611.00101.md']);
    const again = await runIn(['show', '2611.00101', '--full', '--offline'], env);
    expect(again.stdout).toBe(r.stdout);
    expect(server.requests).toHaveLength(1);
  });

  it('on a terminal: rendered (headings, lists, tables) within the width, hostile text neutralised', async () => {
    serveMarkdown({ '2611.00101': fixture('fulltext/paper.md'), '2611.00102': fixture('fulltext/hostile.md') });
    const r = await runIn(['show', '2611.00101', '--full', '--no-color'], env, { tty: TTY });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('**');
    expect(r.stdout).toMatch(/│ Lattice \(ours\) │ 78\.9 +│ low +│/);
    const evil = await runIn(['show', '2611.00102', '--full'], env, { tty: TTY });
    expect(evil.stdout).toMatch(/\x1b\[/); // colour, and nothing else
    const text = evil.stdout.replace(/\x1b\[[0-9;]*m/g, '');
    expect(text).not.toMatch(CONTROL);
    expect(evil.stdout).not.toContain('\x1b]');
    expect(text).not.toMatch(/<\/?(script|div)/);
    const raw = await runIn(['show', '2611.00101', '--full', '--raw'], env, { tty: TTY });
    expect(raw.stdout).toBe(fixture('fulltext/paper.md'));
  });

  it('taller than the terminal: paged through $PAGER', async () => {
    serveMarkdown({ '2611.00101': fixture('fulltext/paper.md') });
    const dir = mkdtempSync(join(tmpdir(), 'papers-pager-'));
    try {
      const r = await runIn(['show', '2611.00101', '--full', '--no-color'], { ...env, PAGER: `cat > '${dir}/paged'` }, { tty: { columns: 80, rows: 10 } });
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('');
      expect(readFileSync(join(dir, 'paged'), 'utf8')).toMatch(/^Sparse Lattices for Long-Context Retrieval\n/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('no text: exit 3 with a hint to open the PDF; old-style ids never ask', async () => {
    serveMarkdown({});
    const r = await runIn(['show', '2611.00109', '--full'], env);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe('papers: Hugging Face has no full text for 2611.00109\nhint: papers open 2611.00109 --pdf\n');
    const old = await runIn(['show', 'hep-th/9901001', '--full'], env);
    expect(old.code).toBe(3);
    expect(server.requests).toEqual(['/papers/2611.00109.md']);
  });

  it('an HTML page instead of markdown is a failure naming the server', async () => {
    server.fault = (_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><p>login</p>');
    const r = await runIn(['show', '2611.00101', '--full'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^papers: Hugging Face answered 200 with an HTML page, not the paper's markdown\n/);
  });

  it('--full takes one paper, and --raw only goes with it', async () => {
    expect((await runIn(['show', '1', '2', '--full'], env)).code).toBe(2);
    expect((await runIn(['show', '2611.00101', '--raw'], env)).code).toBe(2);
  });
});

describe('papers show --full, the built CLI on a terminal', () => {
  it('renders with the bundled marked and marked-terminal, colour only, hostile text neutralised', async () => {
    serveMarkdown({ '2611.00101': fixture('fulltext/paper.md'), '2611.00102': fixture('fulltext/hostile.md') });
    const r = await runInPty(['show', '2611.00101', '--full', '-q'], { ...env, PAGER: 'cat' }, 70);
    expect(r.code).toBe(0);
    const text = visible(r.stdout);
    expect(text).toMatch(/│ Lattice \(ours\) │ 78\.9 +│ low +│/);
    expect(text).toContain('  def lattice(x):');
    expect(text).not.toContain('**');
    const evil = await runInPty(['show', '2611.00102', '--full', '-q'], { ...env, PAGER: 'cat' }, 70);
    expect(evil.code).toBe(0);
    expect(evil.stdout).not.toContain('\x1b]');
    expect(evil.stdout.replace(/\x1b\[[0-9;]*m/g, '').replace(/\r\n/g, '\n')).not.toMatch(CONTROL);
    expect(visible(evil.stdout)).toContain('click me (javascript:alert(1))');
  });
});

describe('papers show --full, the built CLI on a terminal, shown again', () => {
  it('prints the rendered copy: the same bytes as the render, without marked', async () => {
    const ID = '2611.00101';
    serveMarkdown({ [ID]: fixture('fulltext/paper.md') });
    const ptyEnv = { ...env, PAGER: 'cat' };
    const first = await runInPty(['show', ID, '--full', '-q'], ptyEnv, 70);
    expect(first.code).toBe(0);
    const again = await runInPty(['show', ID, '--full', '--offline', '-q'], { ...ptyEnv, NODE_DEBUG: 'module' }, 70);
    expect(again.code).toBe(0);
    // NODE_DEBUG writes to stderr, which the pseudo-terminal mixes in: what was printed is the rest.
    const printed = again.stdout
      .split('\r\n')
      .filter((line) => !line.startsWith('MODULE '))
      .join('\r\n');
    expect(printed).toBe(first.stdout);
    expect(again.stdout).toMatch(/^MODULE .*dist[/\\]cli\.cjs/m);
    expect(again.stdout).not.toMatch(/vendor[/\\]marked/);
  });
});

describe('papers show --full: the rendered copy in the cache', () => {
  const ID = '2611.00101';
  const copyFile = () => join(dirs.cache, `render-${ID}.json`);
  const readCopy = () => JSON.parse(readFileSync(copyFile(), 'utf8')) as { v: number; key: string; fetchedAt: number; data: Record<string, unknown> };
  /** Replaces the copy's text, keeping its stamp: what a second show prints is then known to come from it. */
  const plantText = (text: string) => {
    const entry = readCopy();
    writeFileSync(copyFile(), JSON.stringify({ ...entry, data: { ...entry.data, text } }));
  };

  it('a second show prints the copy, byte for byte what the render printed; cache ls counts it, cache clear removes it', async () => {
    serveMarkdown({ [ID]: fixture('fulltext/paper.md') });
    const first = await runIn(['show', ID, '--full'], env, { tty: TTY });
    expect(first.code).toBe(0);
    const entry = readCopy();
    expect(entry.key).toBe(`render:${ID}`);
    expect(entry.data).toMatchObject({ width: 60, colorLevel: 2, text: first.stdout });
    const again = await runIn(['show', ID, '--full', '--offline', '--verbose'], env, { tty: TTY });
    expect(again.stdout).toBe(first.stdout);
    expect(again.stderr).toContain(`the full text of ${ID}: rendered copy from the cache`);
    plantText('\x1b[1mFrom the copy\x1b[22m\n');
    expect((await runIn(['show', ID, '--full', '--offline'], env, { tty: TTY })).stdout).toBe('\x1b[1mFrom the copy\x1b[22m\n');
    const ls = await runIn(['cache', 'ls'], env);
    expect(ls.stdout).toMatch(new RegExp(`^render:${ID}\t`, 'm'));
    expect(ls.stderr).toMatch(/^papers: 2 entries, /);
    await runIn(['cache', 'clear'], env);
    expect(readdirSync(dirs.cache)).toEqual([]);
  });

  it('another width, colour level or a refreshed text renders again, and replaces the copy', async () => {
    const texts = { [ID]: fixture('fulltext/paper.md') };
    serveMarkdown(texts);
    await runIn(['show', ID, '--full'], env, { tty: TTY });
    plantText('From the copy\n');
    const wider = await runIn(['show', ID, '--full', '--offline'], env, { tty: { columns: 90, rows: 10_000 } });
    expect(wider.stdout).toMatch(/^\x1b\[1m\x1b\[4mSparse Lattices/);
    expect(readCopy().data).toMatchObject({ width: 90, text: wider.stdout });
    plantText('From the copy\n');
    const plain = await runIn(['show', ID, '--full', '--offline', '--no-color'], env, { tty: { columns: 90, rows: 10_000 } });
    expect(plain.stdout).toMatch(/^Sparse Lattices/);
    expect(plain.stdout).not.toContain('\x1b');
    expect(readCopy().data).toMatchObject({ colorLevel: 0 });
    plantText('From the copy\n');
    texts[ID] = '# A revised paper\n\nNew prose.\n';
    const refreshed = await runIn(['show', ID, '--full', '--refresh', '--no-color'], env, { tty: { columns: 90, rows: 10_000 } });
    expect(refreshed.stdout).toBe('A revised paper\n\nNew prose.\n');
  });

  /** A planted copy's text: the copy is set aside with a warning, the text rendered again as `rendered`, and the copy made anew. */
  async function expectSetAside(hostile: string, rendered: string): Promise<void> {
    plantText(hostile);
    const r = await runIn(['show', ID, '--full', '--offline'], env, { tty: TTY });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(rendered);
    expect(r.stderr).toMatch(new RegExp(`the cache entry render-${ID}\\.json was not a cache entry of the right shape; set aside`));
    expect(readCopy().data.text).toBe(rendered);
  }

  it('a copy holding anything but colour and text is set aside and never printed: the text is rendered again', async () => {
    serveMarkdown({ [ID]: fixture('fulltext/paper.md') });
    const first = await runIn(['show', ID, '--full'], env, { tty: TTY });
    for (const hostile of ['\x1b]8;;https://evil.example\x07click\x1b]8;;\x07\n', 'wipe\x1b[2J\x1b[3J\n', 'title\x1b]0;owned\x07\n', 'right\u202eto left\n']) {
      await expectSetAside(hostile, first.stdout);
    }
    writeFileSync(copyFile(), '{"v":1,"key":"render:');
    const corrupt = await runIn(['show', ID, '--full', '--offline'], env, { tty: TTY });
    expect(corrupt.stdout).toBe(first.stdout);
    expect(corrupt.stderr).toMatch(/was not valid JSON; set aside/);
  });

  it("a copy whose entry's fetch time is not its own was planted: never printed, rendered over", async () => {
    serveMarkdown({ [ID]: fixture('fulltext/paper.md') });
    const first = await runIn(['show', ID, '--full'], env, { tty: TTY });
    const entry = readCopy();
    expect(entry.fetchedAt).toBe(entry.data.fetchedAt);
    for (const fetchedAt of [entry.fetchedAt + 1, entry.fetchedAt - 3_600_000, 0]) {
      writeFileSync(copyFile(), JSON.stringify({ ...entry, fetchedAt, data: { ...entry.data, text: 'From the copy\n' } }));
      const r = await runIn(['show', ID, '--full', '--offline'], env, { tty: TTY });
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(first.stdout);
      expect(readCopy()).toEqual(entry);
    }
  });

  it('a copy with colour papers never writes, or colour left on at its end, is set aside and never printed', async () => {
    serveMarkdown({ [ID]: fixture('fulltext/paper.md') });
    const first = await runIn(['show', ID, '--full'], env, { tty: TTY });
    for (const hostile of [...HOSTILE_SGR, `\x1b[${'0;'.repeat(30_000_000)}0m60 MB\x1b[0m\n`]) {
      await expectSetAside(hostile, first.stdout);
    }
  });

  it('with a small cache cap, the copy never evicts the text it was made from, and one too big for the cap is not written', async () => {
    expect((await runIn(['config', 'set', 'cache-max-mb', '1'], env)).code).toBe(0);
    // ~560 KB of markdown: its render (~1.35 times as much) would have evicted the text within a 1 MiB cap.
    const paragraph = `Prose with **strong** and *emphasis*, ${'long enough to fill a line or two of the terminal, '.repeat(10)}\n\n`;
    serveMarkdown({ [ID]: `# A long paper\n\n${paragraph.repeat(Math.ceil(560_000 / paragraph.length))}` });
    const first = await runIn(['show', ID, '--full', '--verbose'], env, { tty: TTY });
    expect(first.code).toBe(0);
    const again = await runIn(['show', ID, '--full'], env, { tty: TTY });
    expect(again.stdout).toBe(first.stdout);
    expect(server.requests).toEqual([`/papers/${ID}.md`]);
    const offline = await runIn(['show', ID, '--full', '--offline'], env, { tty: TTY });
    expect(offline.code).toBe(0);
    expect(offline.stdout).toBe(first.stdout);
    expect(readdirSync(dirs.cache)).toContain(`fulltext-${ID}.json`);
    // Said only with --verbose.
    expect(first.stderr).toMatch(
      new RegExp(
        `the cache entry render-${ID}\\.json is not written: [\\d.]+ KiB, more than a quarter of the cache's size cap \\(1\\.0 MiB\\); the text will be rendered again next time`,
      ),
    );
    expect(again.stderr).toBe('');
  });

  it('a link planted in place of the copy is not followed, and what it points to never printed', async () => {
    serveMarkdown({ [ID]: fixture('fulltext/paper.md') });
    const first = await runIn(['show', ID, '--full'], env, { tty: TTY });
    const planted = join(dirs.root, 'planted.json');
    const entry = readCopy();
    writeFileSync(planted, JSON.stringify({ ...entry, data: { ...entry.data, text: 'From the link\n' } }));
    rmSync(copyFile());
    symlinkSync(planted, copyFile());
    const r = await runIn(['show', ID, '--full', '--offline'], env, { tty: TTY });
    expect(r.stdout).toBe(first.stdout);
    expect(r.stderr).toMatch(/was a symlink; set aside/);
    expect(readFileSync(planted, 'utf8')).toContain('From the link');
    expect(readCopy().data.text).toBe(first.stdout);
  });

  it('taller than the terminal: the copy goes to the pager as the render did', async () => {
    serveMarkdown({ [ID]: fixture('fulltext/paper.md') });
    const pagerEnv = { ...env, PAGER: `cat > '${dirs.root}/paged'` };
    const small = { columns: 80, rows: 10 };
    await runIn(['show', ID, '--full'], pagerEnv, { tty: small });
    const rendered = readFileSync(join(dirs.root, 'paged'), 'utf8');
    expect(readCopy().data.text).toBe(rendered);
    plantText(`${'From the copy\n'.repeat(20)}`);
    const r = await runIn(['show', ID, '--full', '--offline'], pagerEnv, { tty: small });
    expect(r.stdout).toBe('');
    expect(readFileSync(join(dirs.root, 'paged'), 'utf8')).toBe('From the copy\n'.repeat(20));
  });
});
