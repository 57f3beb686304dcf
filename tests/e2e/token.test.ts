import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useHarness } from '../helpers/harness.js';
import { runIn } from '../helpers/inProcess.js';
import { atomEntry, atomFeed, FakeHf, hfItem, json } from '../helpers/server.js';

let server: FakeHf;
let env: NodeJS.ProcessEnv;
useHarness((h) => ({ server, env } = h));

// arXiv on its own origin, as in life; both servers record the Authorization header of every request.
const arxiv = new FakeHf();
let seen: { where: string; path: string; auth: string | undefined }[];
let home: string;
const TOKEN = 'hf_SeCrEt0123456789';
const day = '2026-11-20';

beforeAll(() => arxiv.start().then(() => undefined));
afterAll(() => arxiv.stop());
beforeEach(() => {
  seen = [];
  arxiv.reset();
  home = mkdtempSync(join(tmpdir(), 'papers-home-'));
  // A home of our own: the developer's real token file must never be read by the tests.
  env = { ...env, HOME: home, PAPERS_ARXIV_URL: arxiv.url };
  for (const [name, s] of [
    ['hf', server],
    ['arxiv', arxiv],
  ] as const) {
    s.fault = (req, _res, url) => {
      seen.push({ where: name, path: url.pathname, auth: req.headers.authorization });
      return false;
    };
  }
  server.days.set(day, [hfItem('2611.00001', day, 3)]);
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('the Hugging Face token', () => {
  it('HF_TOKEN goes to the Hugging Face base as a Bearer header, never to arXiv', async () => {
    arxiv.arxiv.set('2611.00077', atomFeed(atomEntry('2611.00077', 'Only On arXiv', 'Abstract.', ['B. Author'])));
    expect((await runIn(['day', day], { ...env, HF_TOKEN: TOKEN })).code).toBe(0);
    const r = await runIn(['show', '2611.00077'], { ...env, HF_TOKEN: TOKEN });
    expect(r.code).toBe(0);
    expect(seen).toEqual([
      { where: 'hf', path: '/api/daily_papers', auth: `Bearer ${TOKEN}` },
      { where: 'hf', path: '/api/papers/2611.00077', auth: `Bearer ${TOKEN}` },
      { where: 'arxiv', path: '/api/query', auth: undefined },
    ]);
  });

  it('else the token file ($HF_HOME/token, default ~/.cache/huggingface/token); HF_HUB_DISABLE_IMPLICIT_TOKEN=1 turns it off', async () => {
    mkdirSync(join(home, '.cache/huggingface'), { recursive: true });
    writeFileSync(join(home, '.cache/huggingface/token'), `${TOKEN}\n`);
    await runIn(['day', day, '--refresh'], env);
    await runIn(['day', day, '--refresh'], { ...env, HF_HUB_DISABLE_IMPLICIT_TOKEN: '1' });
    expect(seen.map((s) => s.auth)).toEqual([`Bearer ${TOKEN}`, undefined]);
    expect((await runIn(['day', day, '--refresh'], { ...env, HF_HOME: join(home, 'nowhere') })).code).toBe(0);
    expect(seen[2]!.auth).toBeUndefined();
  });

  it('is dropped across a redirect to another origin', async () => {
    server.fault = (req, res, url) => {
      seen.push({ where: 'hf', path: url.pathname, auth: req.headers.authorization });
      if (url.pathname === '/api/daily_papers') return void res.writeHead(302, { location: `${arxiv.url}/api/daily_papers${url.search}` }).end();
      return false;
    };
    arxiv.days.set(day, [hfItem('2611.00002', day, 1)]);
    const r = await runIn(['day', day], { ...env, HF_TOKEN: TOKEN });
    expect(r.code).toBe(0);
    expect(seen).toEqual([
      { where: 'hf', path: '/api/daily_papers', auth: `Bearer ${TOKEN}` },
      { where: 'arxiv', path: '/api/daily_papers', auth: undefined },
    ]);
  });

  it('refused (401): exit 1 saying so and how to go without it, never printing it, not even in debug output', async () => {
    server.fault = (_req, res) => json(res, 401, { error: `Invalid credentials: ${TOKEN}` });
    const r = await runIn(['day', day, '--verbose'], { ...env, HF_TOKEN: TOKEN, PAPERS_DEBUG: '1' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^papers: Hugging Face refused the token from HF_TOKEN \(401\)\nhint: check the token, or unset HF_TOKEN to go without one\n/m);
    expect(r.stderr).not.toContain(TOKEN);
    const show = await runIn(['show', '2611.00001'], { ...env, HF_TOKEN: TOKEN });
    expect(show.code).toBe(1);
    expect(show.stderr).toMatch(/refused the token/);
  });

  it('an error that quotes the token prints it redacted', async () => {
    server.fault = (_req, res) => json(res, 400, { error: `bad request with ${TOKEN}` });
    const r = await runIn(['day', day], { ...env, HF_TOKEN: TOKEN });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad request with hf_***');
    expect(r.stderr).not.toContain(TOKEN);
  });
});
