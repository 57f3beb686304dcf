import { spawn } from 'node:child_process';
import { PapersError } from '../core/errors.js';

/** Only web links are opened, and never one that an opener could take for an option. */
export function assertOpenable(url: string): void {
  let ok: boolean;
  try {
    const u = new URL(url);
    ok = (u.protocol === 'http:' || u.protocol === 'https:') && !url.startsWith('-');
  } catch {
    ok = false;
  }
  if (!ok) throw new PapersError(`refusing to open ${url}`, 1, 'only http and https links are opened');
}

/** The opener for this platform: `$BROWSER` (first of a colon-separated list), else the system's. */
export function opener(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): { command: string; args: string[] } {
  const browser = env.BROWSER?.split(':').find((b) => b.trim() !== '');
  if (browser) {
    const [command, ...args] = browser.trim().split(/\s+/);
    return { command: command!, args };
  }
  if (platform === 'darwin') return { command: 'open', args: [] };
  if (platform === 'win32') return { command: 'rundll32', args: ['url.dll,FileProtocolHandler'] };
  return { command: 'xdg-open', args: [] };
}

/**
 * Starts the opener without a shell, the URL as one argument, and does not wait for the browser.
 * Resolves false when the opener does not exist.
 */
export async function openUrl(url: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): Promise<boolean> {
  assertOpenable(url);
  const { command, args } = opener(env, platform);
  return new Promise((resolve) => {
    const child = spawn(command, [...args, url], { stdio: 'ignore', detached: true, shell: false });
    child.once('error', () => resolve(false));
    child.once('spawn', () => {
      child.unref();
      resolve(true);
    });
  });
}
