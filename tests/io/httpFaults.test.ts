import { describe, expect, it } from 'vitest';
import { transportError } from '../../src/io/httpFaults.js';
import { serviceNamer } from '../../src/io/url.js';

const url = 'https://huggingface.co/api/daily_papers?date=2026-11-24&limit=100&p=0';
/** An error as undici raises it: its own message and a code. */
const undici = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('transportError', () => {
  // The faults the e2e tests cannot provoke in reasonable time (timeouts of 10-15 s) or at all (DNS).
  it.each([
    [undici('getaddrinfo EAI_AGAIN huggingface.co', 'EAI_AGAIN'), 'cannot resolve huggingface.co'],
    [
      undici('Connect Timeout Error (attempted address: huggingface.co:443, timeout: 10000ms)', 'UND_ERR_CONNECT_TIMEOUT'),
      'cannot connect to huggingface.co: no answer',
    ],
    [undici('Headers Timeout Error', 'UND_ERR_HEADERS_TIMEOUT'), 'huggingface.co did not answer in time'],
    [undici('Body Timeout Error', 'UND_ERR_BODY_TIMEOUT'), 'huggingface.co stopped sending its answer'],
    [undici('read ECONNRESET', 'ECONNRESET'), 'huggingface.co closed the connection'],
    [undici('connect EHOSTUNREACH 10.0.0.1:443', 'EHOSTUNREACH'), 'cannot reach huggingface.co: no route to it'],
    [undici('certificate has expired', 'CERT_HAS_EXPIRED'), 'cannot connect safely to huggingface.co: its certificate has expired'],
    [
      undici("Hostname/IP does not match certificate's altnames", 'ERR_TLS_CERT_ALTNAME_INVALID'),
      'cannot connect safely to huggingface.co: its certificate is for another name',
    ],
    [undici('something new in undici', 'UND_ERR_SOMETHING_NEW'), 'the request to huggingface.co failed'],
    [new Error('no code at all'), 'the request to huggingface.co failed'],
  ])('%s: in our words, without the client wording or code', (error, words) => {
    const said = transportError(url, error);
    expect(said.message).toBe(words);
    expect(said.hint).toBeTruthy();
    expect(`${said.message} ${said.hint}`).not.toContain((error as { code?: string }).code ?? 'no code at all');
  });

  it("a proxy's refusal of the tunnel carries no status: it is not the server's answer", () => {
    const said = transportError(url, undici('Proxy response (404) !== 200 when HTTP Tunneling', 'UND_ERR_ABORTED'), 'http://proxy.example:3128');
    expect(said.message).toBe('the proxy proxy.example:3128 would not connect to huggingface.co (it answered 404)');
    expect(said.status).toBeUndefined();
  });
});

describe('serviceNamer', () => {
  it('names arXiv by its API even on the same server as Hugging Face, Hugging Face under its base, anything else by host', () => {
    const name = serviceNamer('http://127.0.0.1:8080/mirror/', 'http://127.0.0.1:8080');
    expect(name('http://127.0.0.1:8080/api/query?id_list=1')).toBe('arXiv');
    expect(name('http://127.0.0.1:8080/mirror/api/daily_papers?p=0')).toBe('Hugging Face');
    expect(name('http://127.0.0.1:8080/elsewhere')).toBe('127.0.0.1:8080');
    expect(serviceNamer('https://huggingface.co', 'https://export.arxiv.org')('https://huggingface.co/papers/2611.00001.md')).toBe('Hugging Face');
  });
});
