import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sanitizeBlock } from '../../src/core/sanitize.js';
import { cleanLatex } from '../../src/render/latex.js';

const UNSAFE = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('cleanLatex', () => {
  it('unescapes dollars and percents, and makes ties spaces', () => {
    expect(cleanLatex('costs \\$0.0007 per task, 29.5\\% pass@2')).toBe('costs $0.0007 per task, 29.5% pass@2');
    expect(cleanLatex('see Fig.~3 and Section~2, et~al.')).toBe('see Fig. 3 and Section 2, et al.');
  });

  it('keeps the argument of \\emph, \\textit and \\textbf and drops their markup', () => {
    expect(cleanLatex('we call it \\emph{sparse}, \\textit{fast} and \\textbf{small}')).toBe('we call it sparse, fast and small');
  });

  it('cleans nested commands and keeps plain groups as written', () => {
    expect(cleanLatex('\\textbf{a \\emph{b \\textit{c}} d}')).toBe('a b c d');
    expect(cleanLatex('\\emph{a {BERT} b}')).toBe('a {BERT} b');
    expect(cleanLatex('\\emph{50\\% of \\$}')).toBe('50% of $');
  });

  it('leaves math as written', () => {
    const math = 'a bound $O(n\\log n)$ with $\\tilde{x}~y$ and $$\\sum_i 10\\% x_i$$ holds';
    expect(cleanLatex(math)).toBe(math);
    expect(cleanLatex('$\\emph{x}$ but \\emph{y}')).toBe('$\\emph{x}$ but y');
    expect(cleanLatex('\\emph{with $x^{2}$ inside}')).toBe('with $x^{2}$ inside');
  });

  it('takes an unclosed $ for a dollar sign', () => {
    expect(cleanLatex('costs $5 and 10\\% more')).toBe('costs $5 and 10% more');
    expect(cleanLatex('$$ alone, then \\emph{x}')).toBe('$$ alone, then x');
  });

  it('leaves anything unbalanced as it is', () => {
    expect(cleanLatex('\\emph{never closed')).toBe('\\emph{never closed');
    expect(cleanLatex('\\emph{a} and \\textbf{b')).toBe('a and \\textbf{b');
    expect(cleanLatex('closed twice}} \\emph{x}}')).toBe('closed twice}} x}');
    expect(cleanLatex('\\emph{escaped \\} brace')).toBe('\\emph{escaped \\} brace');
    expect(cleanLatex('trailing backslash \\')).toBe('trailing backslash \\');
  });

  it('keeps other escapes, an escaped backslash, and a tilde that means "about" or sits in a URL', () => {
    expect(cleanLatex('\\cite{x} \\{set\\} \\\\$x$')).toBe('\\cite{x} \\{set\\} \\\\$x$');
    expect(cleanLatex('about ~10x faster (~2 h), \\~{n}')).toBe('about ~10x faster (~2 h), \\~{n}');
    expect(cleanLatex('code at https://example.org/a~b/\\%7E and www.example.org/x~y, then a~b')).toBe(
      'code at https://example.org/a~b/\\%7E and www.example.org/x~y, then a b',
    );
    expect(cleanLatex('\\emph{see https://example.org/x} now')).toBe('see https://example.org/x now');
  });

  it('returns text without markup as it is', () => {
    const text = 'Plain text, 50% better, $5.';
    expect(cleanLatex(text)).toBe(text);
  });

  it('never grows the text, keeps text without markup and math unchanged, and leaves hostile bytes for the sanitiser', () => {
    const piece = fc.constantFrom('\\', '$', '$$', '{', '}', '~', '%', '\\emph{', '\\textbf{', 'a', ' ', '.', '\x1b[2J', '\u202e', '\x07');
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }).map((parts) => parts.join('')),
        (text) => {
          const out = cleanLatex(text);
          expect(out.length).toBeLessThanOrEqual(text.length);
          expect(sanitizeBlock(out)).not.toMatch(UNSAFE);
        },
      ),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        const plain = s.replace(/[\\~]/g, '');
        expect(cleanLatex(plain)).toBe(plain);
        const math = s.replace(/[$\\]/g, '');
        expect(cleanLatex(`x $${math}$ y`)).toContain(`$${math}$`);
      }),
    );
  });

  it('takes deep nesting and long runs of markup without recursion', () => {
    const deep = 100_000;
    expect(cleanLatex(`${'\\emph{'.repeat(deep)}x${'}'.repeat(deep)}`)).toBe('x');
    expect(cleanLatex('\\emph{'.repeat(deep))).toBe('\\emph{'.repeat(deep));
    expect(cleanLatex('$'.repeat(deep + 1)).length).toBe(deep + 1);
  });
});
