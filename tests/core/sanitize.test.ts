import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeJsonText, quote, sanitizeBlock, sanitizeLine, sanitizeMessage } from '../../src/core/sanitize.js';

// Every character a terminal may act on: C0 (but tab/newline in blocks), DEL, C1, bidi controls.
// Invisible characters (zero-width space, word joiner, BOM, ...) and U+2028/9 are dropped too.
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u200b\u2060-\u2064\u206a-\u206f\ufeff\u2028\u2029]/;

describe('sanitizeLine', () => {
  it('removes CSI sequences whole', () => {
    expect(sanitizeLine('a \x1b[31mred\x1b[0m b')).toBe('a red b');
    expect(sanitizeLine('clear\x1b[2J\x1b[H')).toBe('clear');
  });

  it('removes OSC 52 (clipboard) and OSC 8 (links) with their payloads', () => {
    expect(sanitizeLine('x\x1b]52;c;cm0gLXJmIH4=\x07y')).toBe('xy');
    expect(sanitizeLine('\x1b]8;;https://evil.test\x1b\\click\x1b]8;;\x1b\\')).toBe('click');
    expect(sanitizeLine('unterminated \x1b]0;title')).toBe('unterminated ');
  });

  it('removes the 8-bit CSI \\x9b, BEL, CR and other controls', () => {
    expect(sanitizeLine('a\x9b2Jb')).toBe('ab');
    expect(sanitizeLine('ding\x07!')).toBe('ding!');
    expect(sanitizeLine('over\rwrite')).toBe('over write');
    expect(sanitizeLine('nul\x00del\x7f c1\x85')).toBe('nuldel c1');
  });

  it('removes bidi overrides and marks', () => {
    expect(sanitizeLine('a\u202eevil\u202c b\u2066c\u2069\u200e\u200f\u061c')).toBe('aevil bc');
  });

  it('removes invisible characters (zero-width space, word joiner, BOM) and keeps the zero-width joiner', () => {
    expect(sanitizeLine('a\u200bb\ufeffc\u2060d\u2062e')).toBe('abcde');
    expect(sanitizeLine('👩\u200d🔬')).toBe('👩\u200d🔬');
  });

  it('turns U+2028/9 into line breaks in a block and spaces on one line', () => {
    expect(sanitizeBlock('a\u2028b\u2029c')).toBe('a\nb\nc');
    expect(sanitizeLine('a\u2028b')).toBe('a b');
  });

  it('turns tabs and line breaks into spaces for one line', () => {
    expect(sanitizeLine('a\tb\nc\r\nd')).toBe('a b c d');
  });

  it('leaves printable text untouched: CJK, accents, emoji with ZWJ and skin tones', () => {
    for (const s of ['大规模语言模型', 'Émile Zola', '👩‍🔬 science 👍🏽', 'plain ASCII & <tags>', '']) {
      expect(sanitizeLine(s)).toBe(s);
    }
  });

  it('leaves nothing unsafe and is idempotent on nasty mixes', () => {
    const nasty = ['\x1b\x1b[31m', '\x1b[', '\x9b', '\x1b]52;\x1b\x1b\\x', '\x1b\x9b\x07\x1b]', 'a\x1bPdcs\x1b\\b', '\x1b[?25l\x1b(B'];
    for (const s of nasty) {
      const once = sanitizeLine(s);
      expect(once).not.toMatch(UNSAFE);
      expect(once).not.toMatch(/[\t\n]/);
      expect(sanitizeLine(once)).toBe(once);
    }
  });
});

describe('sanitizeBlock', () => {
  it('keeps paragraphs and tabs, normalises CRLF', () => {
    expect(sanitizeBlock('one\r\ntwo\n\nthree\tx\x1b[1m')).toBe('one\ntwo\n\nthree\tx');
  });
});

describe('escapeJsonText', () => {
  it('escapes DEL, C1, bidi and line separators that JSON.stringify leaves raw, losslessly', () => {
    const value = { t: 'a\x7f\x9b\u202e\u2028z\x1b' };
    const json = escapeJsonText(JSON.stringify(value));
    expect(json).toBe('{"t":"a\\u007f\\u009b\\u202e\\u2028z\\u001b"}');
    expect(JSON.parse(json)).toEqual(value);
    expect(json).not.toMatch(/[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2028]/);
  });
});

describe('property: the sanitiser over arbitrary strings', () => {
  // Strings heavy in what terminals act on, mixed with ordinary and wide text.
  const dangerous = fc.constantFrom(
    '\x1b',
    '\x9b',
    '\x07',
    '\r',
    '\n',
    '\t',
    '[',
    ']',
    ';',
    '\\',
    '\x9c',
    '\x90',
    '\u202e',
    '\u2066',
    '\u200f',
    '\x00',
    '\x7f',
    '2J',
    '52;c;',
    '\u200b',
    '\ufeff',
    '\u2060',
    '\u2028',
    '\u2029',
  );
  const ordinary = fc.constantFrom('a', 'Z', ' ', '1', 'é', '大', '🚀', '👩‍🔬', '👍🏽', 'ß', '—');
  const text = fc.array(fc.oneof(dangerous, ordinary, fc.string({ unit: 'binary' })), { maxLength: 40 }).map((parts) => parts.join(''));
  const BLOCK_UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u200b\u2060-\u2064\u206a-\u206f\ufeff\u2028\u2029]/;

  it('leaves no control or bidi character and is idempotent', () => {
    fc.assert(
      fc.property(text, (s) => {
        const line = sanitizeLine(s);
        expect(line).not.toMatch(UNSAFE);
        expect(line).not.toMatch(/[\t\n]/);
        expect(sanitizeLine(line)).toBe(line);
        const block = sanitizeBlock(s);
        expect(block).not.toMatch(BLOCK_UNSAFE);
        expect(sanitizeBlock(block)).toBe(block);
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves printable text unchanged', () => {
    const printable = fc.array(ordinary, { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(
        fc.oneof(
          printable,
          fc.string({ unit: 'grapheme' }).filter((s) => !UNSAFE.test(s)),
        ),
        (s) => {
          expect(sanitizeLine(s)).toBe(s);
          expect(sanitizeBlock(s)).toBe(s);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('JSON escaping is lossless and leaves no raw control or bidi character', () => {
    fc.assert(
      fc.property(text, (s) => {
        const json = escapeJsonText(JSON.stringify({ s }));
        expect(json).not.toMatch(/[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/);
        expect(JSON.parse(json)).toEqual({ s });
      }),
      { numRuns: 2000 },
    );
  });
});

describe('quote and sanitizeMessage (stderr)', () => {
  it('quote cleans a value and cuts it with …', () => {
    expect(quote('a\x1b]52;c;eA==\x07b')).toBe('ab');
    expect(quote('x'.repeat(500), 80)).toBe(`${'x'.repeat(79)}…`);
  });

  it('sanitizeMessage cleans every line, keeps the line breaks, cuts a huge line and redacts URL credentials', () => {
    expect(sanitizeMessage('papers: \x1b[2Jbad\nhint: \u202eok\n')).toBe('papers: bad\nhint: ok\n');
    expect(sanitizeMessage(`papers: ${'y'.repeat(5000)}\n`).length).toBeLessThan(1100);
    expect(sanitizeMessage('cannot reach http://user:s3cret@host.test/api and https://tok@h.test')).toBe(
      'cannot reach http://***@host.test/api and https://***@h.test',
    );
  });

  it('property: no control, bidi or invisible character survives, whatever the message', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        for (const line of sanitizeMessage(s).split('\n')) expect(line).not.toMatch(UNSAFE);
      }),
      { numRuns: 1000 },
    );
  });
});
