import { describe, expect, it } from 'vitest';
import { fastParse } from '../../src/cli/fastParse.js';

describe('fastParse', () => {
  it('reads the everyday forms of the list commands', () => {
    expect(fastParse([])).toEqual({ command: 'today', args: [], options: {} });
    expect(fastParse(['day', '2026-11-20', '-n', '5', '--sort=comments', '--json', '--no-color', '-q'])).toEqual({
      command: 'day',
      args: ['2026-11-20'],
      options: { limit: '5', sort: 'comments', json: true, color: false, quiet: true },
    });
    expect(fastParse(['--offline', 'week'])).toEqual({ command: 'week', args: [], options: { offline: true } });
    expect(fastParse(['search', 'diffusion', 'models', '-g', 'a', '--grep', 'b', '--min-upvotes', '3', '--has-code'])).toEqual({
      command: 'search',
      args: ['diffusion', 'models'],
      options: { grep: ['a', 'b'], minUpvotes: '3', hasCode: true },
    });
    expect(fastParse(['read', '-', '--from', 'rss'])).toEqual({ command: 'read', args: ['-'], options: { from: 'rss' } });
    expect(fastParse(['abstract', '2405.13956', '--json'])).toEqual({ command: 'show', args: ['2405.13956'], options: { json: true } });
    expect(fastParse(['read', '--', '-odd-name.json'])).toEqual({ command: 'read', args: ['-odd-name.json'], options: {} });
  });

  it('takes a negative number as an option value (papers new --since -14)', () => {
    expect(fastParse(['new', '--since', '-14', '--offline'])).toEqual({ command: 'new', args: [], options: { since: '-14', offline: true } });
    expect(fastParse(['today', '--grep', '-1x'])).toBeNull();
  });

  it('leaves to commander whatever it should explain or that is not plain', () => {
    for (const argv of [
      ['--help'],
      ['-V'],
      ['today', '--bogus'],
      ['today', '--sort', 'best'],
      ['today', '-n'],
      ['day'],
      ['day', 'a', 'b'],
      ['day', '-1'],
      ['today', '-qn', '5'],
      ['today', '--json=yes'],
      ['today', '--grep', '-x'],
      ['open', '1'],
      ['config', 'list'],
      ['tody'],
      ['today', '--limit', '--json'],
      // Commander drops a -- before the command word.
      ['--', 'read', '--json'],
      ['--json', '--', 'day', '--no-color'],
    ]) {
      expect(fastParse(argv), argv.join(' ')).toBeNull();
    }
  });
});
