import { describe, expect, it } from 'vitest';
import { renderFullText } from '../../src/ui/fullText.js';
import { widthOf } from '../../src/render/text.js';
import { fixture } from '../helpers/papers.js';

const SGR = /\x1b\[[0-9;]*m/g;
const visible = (s: string) => s.replace(SGR, '');
const CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('renderFullText', () => {
  for (const width of [40, 80, 160]) {
    it(`renders headings, emphasis, lists, tables, code and links within ${width} columns, prose within 100`, async () => {
      const out = await renderFullText(fixture('fulltext/paper.md'), width, 0);
      const lines = out.split('\n');
      for (const line of lines) {
        if (/https?:\/\/\S+$/.test(line) && !line.includes(' ')) continue; // a URL alone on its line is never cut
        const max = /[│┌└├]/.test(line) ? width : Math.min(width, 100);
        expect(widthOf(line), line).toBeLessThanOrEqual(max);
      }
      const flat = out.replace(/\s+/g, ' ');
      expect(flat.startsWith('Sparse Lattices for Long-Context Retrieval Ada Quill, Bo Lindqvist')).toBe(true);
      expect(out).not.toContain('**');
      expect(out).toContain('  * first point, with inline code');
      expect(out).toMatch(/│ Lattice \(ours\) │ 78\.9 +│ low +│/);
      expect(out).toContain('      return x * 2');
      expect(flat).toContain('project page (https://lattice.example.test)');
      expect(out).toMatch(/\[image: Figure 1: the lattice\]\s+https:\/\/cdn\.example\.test\/fig1\.png/);
    });
  }

  it('uses colour only when asked, and then only colour escapes', async () => {
    const coloured = await renderFullText(fixture('fulltext/paper.md'), 80, 1);
    expect(coloured).toMatch(SGR);
    expect(coloured.replace(SGR, '')).not.toMatch(CONTROL);
    expect(await renderFullText(fixture('fulltext/paper.md'), 80, 0)).not.toContain('\x1b');
  });

  for (const level of [0, 3] as const) {
    it(`never lets hostile markdown reach the terminal raw (colour level ${level})`, async () => {
      const out = await renderFullText(fixture('fulltext/hostile.md'), 80, level);
      expect(visible(out)).not.toMatch(CONTROL);
      expect(out).not.toContain('\x1b]');
      expect(out).not.toMatch(/<\/?(script|div|b)\b/);
      expect(visible(out)).toContain('Title with red and OSC 8 links');
      // Links are text: the target is shown, never made clickable by the renderer.
      expect(visible(out)).toMatch(/click me \(javascript:alert\(1\)\)/);
      expect(visible(out)).toContain('inline html text\nnext line');
    });
  }

  it('shows inline HTML as its text, a <br> as a line break', async () => {
    expect(await renderFullText('line <sup>1</sup> one<br>line two and <b>bold</b>\n', 80, 0)).toBe('line 1 one\nline two and bold\n');
  });
});
