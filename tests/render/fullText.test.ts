import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRenderers } from '../helpers/renderers.js';
import { sanitizeBlock } from '../../src/core/sanitize.js';
import { cellsOf, cleanMarkdown, htmlAsText, keepColourOnly, wrapRendered } from '../../src/render/fullText.js';
import { widthOf } from '../../src/render/text.js';
import { fixture } from '../helpers/papers.js';

beforeAll(loadRenderers);

const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('cleanMarkdown', () => {
  it('removes escape sequences, controls and bidi controls, keeps the markdown and tabs', () => {
    const clean = cleanMarkdown(fixture('fulltext/hostile.md'));
    expect(clean).not.toMatch(CONTROL);
    expect(clean).toContain('# Title with red and OSC 8 links');
    expect(clean).toContain('[click me](javascript:alert(1))');
    expect(cleanMarkdown('a\r\nb\rc\td')).toBe('a\nb\nc\td\n');
    expect(cleanMarkdown('')).toBe('');
  });
});

describe('htmlAsText', () => {
  it('shows raw HTML as its text', () => {
    expect(htmlAsText('<div onclick="x()">a <b>b</b><br/>c</div><!-- hidden -->')).toBe('a b\nc');
    expect(htmlAsText('<script>alert(1)</script>')).toBe('alert(1)');
  });
});

describe('keepColourOnly', () => {
  const text = '\x1b[1mbold\x1b[22m \x1b]8;;https://evil.test\x07link\x1b]8;;\x07 \x1b[2Jcleared\x07\x9b31m';
  it('keeps colour escapes and removes every other escape and control', () => {
    expect(keepColourOnly(text, true)).toBe('\x1b[1mbold\x1b[22m link cleared');
  });
  it('removes colour too when there is none', () => {
    expect(keepColourOnly(text, false)).toBe('bold link cleared');
  });
  it('gives what cleaning it piece by piece gives, whether or not there is anything but colour to remove', () => {
    // The rule as it reads: split at colour escapes, each piece between them cleaned, tabs as spaces.
    const byPieces = (t: string, colour: boolean) =>
      t
        .split(/(\x1b\[[0-9;]*m)/)
        .map((part, i) => (i % 2 === 1 ? (colour ? part : '') : sanitizeBlock(part).replace(/\t/g, '    ')))
        .join('');
    const piece = fc.constantFrom(
      '\x1b[1m',
      '\x1b[22m',
      '\x1b[38;5;2m',
      '\x1b',
      '[',
      'm',
      '\x1b]8;;x\x07',
      '\t',
      '\n',
      '\r',
      '\u202e',
      '\x9b',
      'é',
      '表',
      ' ',
      'word',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.boolean(), (parts, colour) => {
        const t = parts.join('');
        expect(keepColourOnly(t, colour)).toBe(byPieces(t, colour));
      }),
      { numRuns: 500 },
    );
  });
});

describe('wrapRendered', () => {
  it('wraps prose to the prose width at spaces, colour escapes counting as nothing, indentation kept', () => {
    const line = `  \x1b[1m${'word '.repeat(30).trim()}\x1b[22m`;
    const lines = wrapRendered(line, 200, 40).split('\n');
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) {
      expect(widthOf(l)).toBeLessThanOrEqual(40);
      expect(l.replace(/\x1b\[[0-9;]*m/g, '')).toMatch(/^ {2}word/);
    }
  });
  it('leaves a URL longer than a line whole, and gives tables the whole width', () => {
    const url = `https://example.test/${'x'.repeat(60)}`;
    expect(wrapRendered(`see ${url}`, 40, 40).split('\n')).toEqual(['see', url]);
    const row = `│ ${'cell '.repeat(12)}│`;
    expect(wrapRendered(row, 100, 40)).toBe(row);
  });
  it('keeps every line that fits as it is, plain ASCII or not, and wraps only lines wider than their limit', () => {
    const piece = fc.constantFrom('a', 'word', ' ', '  ', '\x1b[1m', '\x1b[22m', '表', '│', '─', 'é', 'x'.repeat(30));
    fc.assert(
      fc.property(fc.array(fc.array(piece, { maxLength: 20 }), { maxLength: 6 }), fc.integer({ min: 20, max: 60 }), (lines, prose) => {
        const text = lines.map((l) => l.join('')).join('\n');
        const width = prose + 20;
        const out = wrapRendered(text, width, prose).split('\n');
        const kept = text.split('\n').filter((l) => widthOf(l) <= (/[│─]/.test(l) ? width : prose));
        for (const line of kept) expect(out).toContain(line);
        // A line wider than the width is one word too long to break (a URL is kept whole).
        for (const line of out) if (widthOf(line) > width) expect(line.replace(/\x1b\[[0-9;]*m/g, '').trim()).not.toContain(' ');
      }),
      { numRuns: 300 },
    );
  });
});

describe('cellsOf', () => {
  it('is widthOf (string-width) for any text: its shortcut is taken only where the two agree', () => {
    // chalk's escapes, escapes string-width strips otherwise or only in part, and characters that are not one cell.
    const piece = fc.constantFrom(
      'a',
      'word ',
      ' ',
      '\x1b[1m',
      '\x1b[22m',
      '\x1b[38;5;245m',
      '\x1b[m',
      '\x1b[0m',
      '\x1b[12345m',
      '\x1b[1;m',
      '\x1b[;1m',
      '\x1b[2J',
      '\x1b',
      '[1m',
      '5',
      '表',
      '│',
      '─',
      '┼',
      '╿',
      '▶',
      '◽',
      '\u2580',
      'é',
      'e\u0301',
      '😀',
      '\t',
      '\x7f',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (parts) => {
        const t = parts.join('');
        expect(cellsOf(t)).toBe(widthOf(t));
      }),
      { numRuns: 2000 },
    );
    expect(cellsOf('\x1b[1mbold\x1b[22m and plain')).toBe(14);
    expect(cellsOf('\x1b[90m│\x1b[39m 1 \x1b[90m│\x1b[39m')).toBe(5);
    expect(cellsOf('\x1b[12345mx')).toBe(widthOf('\x1b[12345mx'));
  });
});
