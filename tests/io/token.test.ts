import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findToken, redact, tokenPath } from '../../src/io/token.js';

let home: string;
let warnings: string[];
const warn = (m: string) => warnings.push(m);
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'papers-token-'));
  warnings = [];
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

function tokenFile(path: string, text: string): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
}

describe('tokenPath', () => {
  it('is HF_TOKEN_PATH, else $HF_HOME/token, else under XDG_CACHE_HOME or ~/.cache', () => {
    expect(tokenPath({ HF_TOKEN_PATH: '/t/tok', HF_HOME: '/h' }, '/home/u')).toBe('/t/tok');
    expect(tokenPath({ HF_HOME: '/h' }, '/home/u')).toBe('/h/token');
    expect(tokenPath({ XDG_CACHE_HOME: '/x' }, '/home/u')).toBe('/x/huggingface/token');
    expect(tokenPath({}, '/home/u')).toBe('/home/u/.cache/huggingface/token');
  });
});

describe('findToken', () => {
  it('takes HF_TOKEN first, trimmed', () => {
    tokenFile(join(home, '.cache/huggingface/token'), 'hf_file');
    expect(findToken({ HF_TOKEN: ' hf_env\n' }, home, warn)).toEqual({ value: 'hf_env', source: 'HF_TOKEN' });
  });

  it('else reads the token file: HF_TOKEN_PATH, $HF_HOME/token, ~/.cache/huggingface/token', () => {
    tokenFile(join(home, '.cache/huggingface/token'), 'hf_default\n');
    expect(findToken({}, home, warn)).toEqual({ value: 'hf_default', source: join(home, '.cache/huggingface/token') });
    tokenFile(join(home, 'hfhome/token'), 'hf_home');
    expect(findToken({ HF_HOME: join(home, 'hfhome') }, home, warn)?.value).toBe('hf_home');
    tokenFile(join(home, 'elsewhere'), 'hf_path');
    expect(findToken({ HF_TOKEN_PATH: join(home, 'elsewhere'), HF_HOME: join(home, 'hfhome') }, home, warn)?.value).toBe('hf_path');
  });

  it('leaves the file alone with HF_HUB_DISABLE_IMPLICIT_TOKEN, but still takes HF_TOKEN', () => {
    tokenFile(join(home, '.cache/huggingface/token'), 'hf_default');
    for (const v of ['1', 'true', 'YES', 'on']) expect(findToken({ HF_HUB_DISABLE_IMPLICIT_TOKEN: v }, home, warn)).toBeNull();
    expect(findToken({ HF_HUB_DISABLE_IMPLICIT_TOKEN: '0' }, home, warn)?.value).toBe('hf_default');
    expect(findToken({ HF_HUB_DISABLE_IMPLICIT_TOKEN: '1', HF_TOKEN: 'hf_env' }, home, warn)?.value).toBe('hf_env');
  });

  it('has none when there is no token, and ignores an empty one', () => {
    expect(findToken({}, home, warn)).toBeNull();
    expect(findToken({ HF_TOKEN: '  ' }, home, warn)).toBeNull();
    tokenFile(join(home, '.cache/huggingface/token'), '\n');
    expect(findToken({}, home, warn)).toBeNull();
    expect(warnings).toEqual([]);
  });

  it('refuses a value that could bend the request header, saying so without printing it', () => {
    expect(findToken({ HF_TOKEN: 'hf_a\r\nX-Evil: 1' }, home, warn)).toBeNull();
    tokenFile(join(home, 'bad'), 'hf_b c');
    expect(findToken({ HF_TOKEN_PATH: join(home, 'bad') }, home, warn)).toBeNull();
    expect(warnings).toHaveLength(2);
    expect(warnings.join('\n')).not.toMatch(/hf_a|hf_b/);
  });

  it('never reads a FIFO, a directory or a huge file planted as the token file', () => {
    const fifo = join(home, 'fifo');
    execFileSync('mkfifo', [fifo]);
    expect(findToken({ HF_TOKEN_PATH: fifo }, home, warn)).toBeNull();
    expect(findToken({ HF_TOKEN_PATH: home }, home, warn)).toBeNull();
    tokenFile(join(home, 'big'), 'x'.repeat(10_000));
    expect(findToken({ HF_TOKEN_PATH: join(home, 'big') }, home, warn)).toBeNull();
  });
});

describe('redact', () => {
  it('replaces the token wherever it appears', () => {
    expect(redact('Bearer hf_secret and hf_secret', { value: 'hf_secret', source: 'HF_TOKEN' })).toBe('Bearer hf_*** and hf_***');
    expect(redact('nothing', null)).toBe('nothing');
  });
});
