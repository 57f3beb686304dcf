import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NetworkError, TokenRefusedError } from '../../src/core/errors.js';
import { HttpClient } from '../../src/io/http.js';

// Two servers, two origins: "hf" plays the Hugging Face base, "other" anything else (arXiv, a CDN).
type Seen = { server: string; path: string; authorization: string | undefined };
let seen: Seen[];
let hfBase: string;
let otherBase: string;
let hfRoute: (req: IncomingMessage, res: ServerResponse) => void;

function start(name: string, route: (req: IncomingMessage, res: ServerResponse) => void): Server {
  return createServer((req, res) => {
    seen.push({ server: name, path: req.url ?? '', authorization: req.headers.authorization });
    route(req, res);
  });
}
const ok = (res: ServerResponse) => res.writeHead(200, { 'content-type': 'application/json' }).end('[]');
const hf = start('hf', (req, res) => hfRoute(req, res));
const other = start('other', (_req, res) => ok(res));
const origin = (s: Server) => `http://127.0.0.1:${(s.address() as AddressInfo).port}`;

beforeAll(async () => {
  await Promise.all([hf, other].map((s) => new Promise<void>((r) => s.listen(0, '127.0.0.1', r))));
  hfBase = `${origin(hf)}/prefix`;
  otherBase = origin(other);
});
afterAll(() => {
  for (const s of [hf, other]) {
    s.closeAllConnections();
    s.close();
  }
});
beforeEach(() => {
  seen = [];
  hfRoute = (_req, res) => ok(res);
});

const TOKEN = { value: 'hf_TESTtoken123', source: 'HF_TOKEN' };
function client(withToken = true): HttpClient {
  return new HttpClient({
    userAgent: 'papers/test',
    deadline: Date.now() + 10_000,
    signal: new AbortController().signal,
    env: {},
    retries: 0,
    ...(withToken ? { auth: { origin: new URL(hfBase).origin, token: TOKEN } } : {}),
  });
}

describe('the Hugging Face token', () => {
  it('goes to the Hugging Face origin as a Bearer header, and to no other origin', async () => {
    const http = client();
    await http.get(`${hfBase}/api/daily_papers`);
    await http.get(`${otherBase}/api/query?id_list=2611.00001`);
    expect(seen).toEqual([
      { server: 'hf', path: '/prefix/api/daily_papers', authorization: 'Bearer hf_TESTtoken123' },
      { server: 'other', path: '/api/query?id_list=2611.00001', authorization: undefined },
    ]);
  });

  it('is not sent when there is none', async () => {
    await client(false).get(`${hfBase}/api/daily_papers`);
    expect(seen[0]!.authorization).toBeUndefined();
  });

  it('follows a redirect within the origin, and is dropped across a redirect to another origin', async () => {
    hfRoute = (req, res) => {
      if (req.url === '/prefix/api/moved') return void res.writeHead(302, { location: '/prefix/api/here' }).end();
      if (req.url === '/prefix/api/away') return void res.writeHead(307, { location: `${otherBase}/api/there` }).end();
      ok(res);
    };
    const http = client();
    await http.get(`${hfBase}/api/moved`);
    await http.get(`${hfBase}/api/away`);
    expect(seen.map((s) => [s.server, s.path, s.authorization])).toEqual([
      ['hf', '/prefix/api/moved', 'Bearer hf_TESTtoken123'],
      ['hf', '/prefix/api/here', 'Bearer hf_TESTtoken123'],
      ['hf', '/prefix/api/away', 'Bearer hf_TESTtoken123'],
      ['other', '/api/there', undefined],
    ]);
  });

  it('refused (401): says so, names where the token came from and how to go without it, never the token', async () => {
    hfRoute = (_req, res) => void res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"Invalid credentials in Authorization header"}');
    const error = await client()
      .get(`${hfBase}/api/daily_papers`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenRefusedError);
    const e = error as NetworkError;
    expect(e.message).toMatch(/^Hugging Face refused the token from HF_TOKEN \(401\)$/);
    expect(e.hint).toMatch(/unset HF_TOKEN/);
    expect(`${e.message} ${e.hint} ${e.stack}`).not.toContain(TOKEN.value);
    // Without a token a 401 is an ordinary answer for the caller to judge.
    const plain = await client(false).get(`${hfBase}/api/daily_papers`);
    expect(plain.status).toBe(401);
  });
});
