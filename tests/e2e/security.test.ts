// Every attack of issue 13 that is about what papers prints, runs or trusts, end to end: sections 1-3
// here (stderr, every field, the shell); 6-8 (bad input, other consumers, servers) in securityInput.test.ts.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Cache } from '../../src/io/cache.js';
import { BIN, runCli, type tempDirs } from '../helpers/cli.js';
import { useHarness } from '../helpers/harness.js';
import { makePaper } from '../helpers/papers.js';
import { atomFeed, type FakeHf, hfItem, json } from '../helpers/server.js';
import { DAY, flat, NOW, OSC52, planter, RAW, runAt } from '../helpers/security.js';

let server: FakeHf;
let dirs: ReturnType<typeof tempDirs>;
let env: NodeJS.ProcessEnv;
useHarness((h) => ({ server, dirs, env } = h));

const papers = runAt(() => env);
const file = planter(() => dirs.root);

describe('1. every byte on stderr is cleaned', () => {
  it('a server error body with an OSC 52 write, status 400: quoted cleaned after "answered 400:"', async () => {
    server.fault = (_req, res) => json(res, 400, { error: `bad${OSC52}\u202e request` });
    const r = await papers(['day', DAY]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/answered 400: bad request/);
    expect(r.stderr).not.toMatch(RAW);
  });

  it('the same with status 200 ("the API said:"), a long body cut', async () => {
    server.fault = (_req, res) => json(res, 200, { error: `${OSC52}${'z'.repeat(5000)}` });
    const r = await papers(['day', DAY]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/the API said: z+…/);
    expect(r.stderr).not.toMatch(RAW);
    expect(r.stderr.length).toBeLessThan(400);
  });

  it('the stale-cache warning quotes the error body cleaned', async () => {
    server.days.set(DAY, [hfItem('2611.00001', DAY, 5)]);
    expect((await papers(['day', DAY])).code).toBe(0);
    server.fault = (_req, res) => json(res, 400, { error: `no${OSC52}pe` });
    const r = await papers(['day', DAY, '--refresh']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: showing the list of 2611|warning: showing .* answered 400: nope/);
    expect(r.stderr).not.toMatch(RAW);
  });

  it("the note of save carries the paper's title cleaned", async () => {
    server.papers.set('2611.00001', flat('2611.00001', { title: `Evil${OSC52} \x1b[2JTitle\u200b` }));
    const r = await papers(['save', '2611.00001']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('papers: saved 2611.00001: Evil Title\n');
  });

  it('read: a JSON.parse snippet, an XML root name of any length and an arXiv error summary are quoted cleaned and cut', async () => {
    const badJson = await papers(['read', file('bad.json', `{"papers": [1,]\x9b2J\u202e${'q'.repeat(300)}}`)]);
    expect(badJson.code).toBe(1);
    expect(badJson.stderr).toMatch(/JSON that does not parse/);
    expect(badJson.stderr).not.toMatch(RAW);

    const longRoot = await papers(['read', file('root.xml', `<?xml version="1.0"?><${'r'.repeat(100_000)}/>`)]);
    expect(longRoot.code).toBe(1);
    expect(longRoot.stderr).toMatch(/XML with root <r+…>/);
    expect(longRoot.stderr.length).toBeLessThan(500);

    const arxivError = atomFeed(`<entry><id>e</id><title>Error</title><summary>bad id\x9b2J\u202e ${'w'.repeat(400)}</summary></entry>`);
    const r = await papers(['read', file('err.xml', arxivError)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/arXiv said: bad id w+…/);
    expect(r.stderr).not.toMatch(RAW);
  });

  it('read: a file with ESC in it is binary data, not a feed', async () => {
    // ESC alone (a CSI sequence, no BEL, which was already caught).
    const r = await papers(['read', file('esc.json', `[{"paper": {"id": "2611.00001", "title": "x\x1b[2Jy"}}]`)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not a feed I can read \(binary data\)/);
    expect(r.stderr).not.toMatch(RAW);
  });

  it('user input echoed back (file names, refs, dates, unknown options and commands) is cleaned', async () => {
    const cases = [['read', `no${OSC52}such.json`], ['show', `x${OSC52}`], ['day', `2026${OSC52}`], ['today', `--bogus${OSC52}`], [`tody${OSC52}`]];
    for (const argv of cases) {
      const r = await papers(argv);
      expect(r.code, argv.join(' ')).not.toBe(0);
      expect(r.stderr).toMatch(/^papers: /);
      expect(r.stderr, JSON.stringify(r.stderr)).not.toMatch(RAW);
    }
  });
});

describe('2. every field, not just the main ones', () => {
  const code = 'https://github.com/evil/repo path"`\x1b]0;T\x07';
  const href = new URL(code).href;

  it('show: a hostile publishedAt is never printed; the code link is its normalised URL', async () => {
    server.papers.set('2611.00001', flat('2611.00001', { publishedAt: `2026${OSC52}|<x>`, githubRepo: code }));
    const r = await papers(['show', '2611.00001']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(RAW);
    expect(r.stdout).not.toMatch(/published/);
    expect(r.stdout.split('\n')).toContain(`Code          ${href}`);
  });

  it('show: a hostile submitter, arXiv category and comment are printed cleaned, LaTeX markup or not', async () => {
    server.papers.set('2611.00001', flat('2611.00001', { submittedOnDailyBy: { fullname: `Mal${OSC52}\u202elory`, name: 'mal' } }));
    const hf = await papers(['show', '2611.00001']);
    expect(hf.stdout).not.toMatch(RAW);
    expect(hf.stdout).toContain('Submitted by Mallory (@mal)');
    const escaped = OSC52.replace(/[\x00-\x1f]/g, (c) => `&#${c.charCodeAt(0)};`);
    server.arxiv.set(
      '2611.00077',
      atomFeed(
        `<entry><id>http://arxiv.org/abs/2611.00077v1</id><title>T</title><summary>\\emph{${escaped}x}</summary><category term="cs.${escaped}LG"/><arxiv:comment>\\emph{a${escaped}}~b</arxiv:comment></entry>`,
      ),
    );
    const arxiv = await papers(['show', '2611.00077']);
    expect(arxiv.code).toBe(0);
    expect(arxiv.stdout).not.toMatch(RAW);
    // What is left of the payload once its controls are gone is plain text; the markup around it is read.
    expect(arxiv.stdout).toMatch(/\nCategories: cs\.\S*LG\nComment: a\S* b\n/);
    expect(arxiv.stdout).not.toContain('emph');
  });

  it('open --code --print, the no-browser path and the "opened" note all use the normalised URL', async () => {
    server.papers.set('2611.00001', flat('2611.00001', { githubRepo: code }));
    const printed = await papers(['open', '2611.00001', '--code', '--print']);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toBe(`${href}\n`);
    const noBrowser = await papers(['open', '2611.00001', '--code'], { BROWSER: path.join(dirs.root, 'no-such-browser') });
    expect(noBrowser.stdout).toBe(`${href}\n`);
    expect(noBrowser.stderr).toMatch(/no browser/);
    const opened = await papers(['open', '2611.00001', '--code'], { BROWSER: 'true' });
    expect(opened.code).toBe(0);
    expect(opened.stderr).toBe(`papers: opened ${href}\n`);
  });

  it('a feed with hostile dates and links: every format prints only validated dates and clean links', async () => {
    // A planted cache entry this bad is set aside whole (see integrity.test.ts); a feed read from a file
    // goes through the normaliser and then every renderer, which must hold on their own.
    const hostile = {
      paper: {
        id: '2611.00001',
        title: 'T',
        authors: [{ name: `A${OSC52}` }],
        publishedAt: `${OSC52}2026-11-24`,
        submittedOnDailyAt: '2026-11-24|<b>',
        githubRepo: `https://x.test/${OSC52}`,
        ai_keywords: [`k${OSC52}`],
        ai_summary: `\u202eai`,
      },
      organization: { fullname: `Org${OSC52}` },
      title: 'T',
    };
    const feed = path.join(dirs.root, 'hostile.json');
    writeFileSync(feed, JSON.stringify([hostile]));
    for (const format of ['tsv', 'csv', 'markdown', 'bibtex', 'json', 'jsonl']) {
      const r = await papers([
        'read',
        feed,
        '--format',
        format,
        ...(format === 'tsv' || format === 'csv' ? ['--fields', 'publishedAt,day,githubRepo,organization,keywords,aiSummary'] : []),
      ]);
      expect(r.code, format).toBe(0);
      expect(r.stdout.replace(/[\t\r]/g, ''), format).not.toMatch(RAW);
      expect(r.stdout, format).not.toMatch(/<b>|2026-11-24\|/);
    }
    const md = await papers(['read', feed, '--format', 'markdown']);
    // Only the date a day field starts with is printed, never what follows it.
    expect(md.stdout.trimEnd().split('\n').at(-1)!.endsWith('| 2026-11-24 |')).toBe(true);
  });
});

describe('3. nothing from a feed or a planted file runs in the shell', () => {
  const plant = (ids: unknown[]) => {
    mkdirSync(dirs.cache, { recursive: true });
    writeFileSync(path.join(dirs.cache, 'last-list.ids'), JSON.stringify({ ids, at: 0 }));
  };

  /** Sources the bash script, completes `papers <words>` with COMP_WORDS set, and returns COMPREPLY. */
  function completeIn(script: string, binDir: string, words: string[]): string[] {
    const out = execFileSync(
      'bash',
      ['-c', `source "$1"; COMP_WORDS=(papers "\${@:2}"); COMP_CWORD=$(( $# - 1 )); _papers; printf '%s\\n' "\${COMPREPLY[@]}"`, 'bash', script, ...words],
      { env: { ...env, PATH: `${binDir}:${process.env.PATH}` }, encoding: 'utf8', cwd: dirs.root },
    );
    return out.split('\n').filter(Boolean);
  }

  it('bash: a planted last-list.ids with $(...) and backticks runs nothing on TAB and offers only valid ids', async () => {
    const mark = path.join(dirs.root, 'pwned');
    plant([`$(touch ${mark})`, `\`touch ${mark}\``, '2611.00001', `2611.00002 $(touch ${mark})`, null]);
    const bin = path.join(dirs.root, 'bin');
    mkdirSync(bin);
    symlinkSync(BIN, path.join(bin, 'papers'));
    const r = await runCli(['completion', 'bash'], env);
    const script = file('papers.bash', r.stdout);
    expect(r.stdout).not.toMatch(/compgen -W/);
    expect(completeIn(script, bin, ['show', ''])).toEqual(['2611.00001']);
    expect(existsSync(mark)).toBe(false);
  });

  it('bash: even words that are shell code, printed by `papers completion ids`, are never expanded', async () => {
    const mark = path.join(dirs.root, 'pwned');
    const bin = path.join(dirs.root, 'stub');
    mkdirSync(bin);
    // A stand-in for the CLI that prints hostile words, to test the script alone.
    writeFileSync(path.join(bin, 'papers'), `#!/bin/sh\nprintf '%s\\n' '$(touch ${mark})' '\`touch ${mark}\`' '2611.00001'\n`);
    chmodSync(path.join(bin, 'papers'), 0o755);
    const r = await runCli(['completion', 'bash'], env);
    const script = file('papers.bash', r.stdout);
    const offered = completeIn(script, bin, ['open', '']);
    expect(existsSync(mark)).toBe(false);
    expect(offered).toContain('2611.00001');
    expect(completeIn(script, bin, ['open', '261'])).toEqual(['2611.00001']);
    expect(existsSync(mark)).toBe(false);
  });

  it('completion ids prints only strictly valid arXiv ids of the row file', async () => {
    plant(['$(touch /tmp/x)', '2611.00001', '2611.1', 'hep-th/9901001', '../../etc', '2611.00001v2 ', null]);
    const r = await papers(['completion', 'ids']);
    expect(r.stdout).toBe('2611.00001\nhep-th/9901001\n');
  });

  it('show N of a planted row is refused as a row without an id', async () => {
    plant(['$(touch /tmp/x)']);
    const r = await papers(['show', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/row 1 of the last list has no arXiv id/);
  });

  it('an id read back from a cached list is checked like a feed id: unknown, and never remembered for rows', async () => {
    const bad = makePaper('2611.00001', { id: '$(touch /tmp/x)', url: 'https://huggingface.co/papers/$(x)' });
    await new Cache({ dir: dirs.cache, warn: () => undefined }).write(`day:${DAY}`, [bad, makePaper('2611.00002')], NOW.getTime());
    const r = await papers(['day', DAY, '--offline', '--json']);
    // The entry is not used at all: set aside like a corrupt one, so --offline has nothing.
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/set aside/);
    expect(r.stderr).not.toContain('$(');
    expect((await papers(['completion', 'ids'])).stdout).toBe('');
  });

  it('a cached paper entry holding another paper is never shown as the one asked for', async () => {
    await new Cache({ dir: dirs.cache, warn: () => undefined }).write('paper:2611.00001', makePaper('2611.00002'), NOW.getTime());
    const r = await papers(['show', '2611.00001', '--offline']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/the cache entry for 2611\.00001 holds another paper/);
    expect(r.stdout).toBe('');
  });

  it('a saved entry with a planted id is never listed: it is ignored with a warning', async () => {
    mkdirSync(dirs.config, { recursive: true });
    const saved = [{ paper: makePaper('2611.00001', { id: '`touch /tmp/x`' }), savedAt: NOW.toISOString() }];
    writeFileSync(path.join(dirs.config, 'config.json'), JSON.stringify({ settings: {}, saved }));
    const r = await papers(['saved', '--json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('[]\n');
    expect(r.stderr).toMatch(/ignored 1 broken reading-list entry/);
    expect(r.stdout + r.stderr).not.toContain('`touch');
  });
});
