import { beforeAll, describe, expect, it } from 'vitest';
import { loadRenderers } from '../helpers/renderers.js';
import { cleanMarkdown, htmlAsText, keepColourOnly, wrapRendered } from '../../src/render/fullText.js';
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
});
