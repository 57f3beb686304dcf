import { describe, expect, it } from 'vitest';
import { PapersError } from '../../src/core/errors.js';
import { assertOpenable, opener, openUrl } from '../../src/io/browser.js';

describe('assertOpenable', () => {
  it('allows http and https links only', () => {
    expect(() => assertOpenable('https://arxiv.org/abs/2405.13956')).not.toThrow();
    expect(() => assertOpenable('http://example.test/')).not.toThrow();
    for (const bad of ['file:///etc/passwd', 'javascript:alert(1)', '--help', '-https://x', 'ftp://x/y', 'not a url', '']) {
      expect(() => assertOpenable(bad)).toThrow(PapersError);
    }
    expect(() => assertOpenable('file:///etc/passwd')).toThrow('refusing to open file:///etc/passwd');
  });

  it('openUrl refuses before starting anything', async () => {
    await expect(openUrl('file:///etc/passwd', { BROWSER: '/bin/false' }, 'linux')).rejects.toThrow(/refusing to open/);
  });
});

describe('opener', () => {
  it('prefers $BROWSER (first of a colon-separated list, with its own arguments), else the platform opener', () => {
    expect(opener({ BROWSER: 'firefox --new-tab:chromium' }, 'linux')).toEqual({ command: 'firefox', args: ['--new-tab'] });
    expect(opener({}, 'linux')).toEqual({ command: 'xdg-open', args: [] });
    expect(opener({}, 'darwin')).toEqual({ command: 'open', args: [] });
    expect(opener({}, 'win32').command).toBe('rundll32');
  });
});
