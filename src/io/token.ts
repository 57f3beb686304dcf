import { closeSync, fstatSync, openSync, readSync, constants } from 'node:fs';
import { join } from 'node:path';

/** A Hugging Face token and where it came from (named in messages; the token itself never is). */
export interface HfToken {
  value: string;
  source: string;
}

const TRUE = new Set(['1', 'ON', 'YES', 'TRUE']);
/** A token is one header value: visible ASCII only, so nothing in it can split or bend the request. */
const TOKEN = /^[\x21-\x7e]{1,1024}$/;
const MAX_FILE = 4096;

/** Where the token file is: `HF_TOKEN_PATH`, else `$HF_HOME/token` (HF_HOME: `$XDG_CACHE_HOME/huggingface`, else `~/.cache/huggingface`). */
export function tokenPath(env: NodeJS.ProcessEnv, home: string): string {
  if (env.HF_TOKEN_PATH) return env.HF_TOKEN_PATH;
  const hfHome = env.HF_HOME || join(env.XDG_CACHE_HOME || join(home, '.cache'), 'huggingface');
  return join(hfHome, 'token');
}

/**
 * The token as huggingface_hub finds it: `HF_TOKEN`, else the token file, unless
 * `HF_HUB_DISABLE_IMPLICIT_TOKEN` is set true. A value that is not a token is ignored with a warning.
 */
export function findToken(env: NodeJS.ProcessEnv, home: string, warn: (message: string) => void): HfToken | null {
  const fromEnv = env.HF_TOKEN?.trim();
  if (fromEnv) {
    if (TOKEN.test(fromEnv)) return { value: fromEnv, source: 'HF_TOKEN' };
    warn('ignoring HF_TOKEN: it is not a token (only visible ASCII characters)');
    return null;
  }
  if (TRUE.has((env.HF_HUB_DISABLE_IMPLICIT_TOKEN ?? '').trim().toUpperCase())) return null;
  const path = tokenPath(env, home);
  const text = readSmallFile(path);
  if (text === null) return null;
  const value = text.trim();
  if (value === '') return null;
  if (TOKEN.test(value)) return { value, source: path };
  warn(`ignoring the token file ${path}: it does not hold a token`);
  return null;
}

/** A small regular file's text; null when it is absent, not a regular file (a FIFO is never waited on) or too big. */
function readSmallFile(path: string): string | null {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return null;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > MAX_FILE) return null;
    const buffer = Buffer.alloc(MAX_FILE);
    const n = readSync(fd, buffer, 0, MAX_FILE, 0);
    return buffer.subarray(0, n).toString('utf8');
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/** Text with the token replaced, for anything that might echo a request (debug output, errors). */
export function redact(text: string, token: HfToken | null): string {
  return token ? text.split(token.value).join('hf_***') : text;
}
