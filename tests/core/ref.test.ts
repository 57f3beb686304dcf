import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { isArxivId, parseArxivId, parseRef } from '../../src/core/ref.js';

describe('parseRef', () => {
  it.each([
    ['2405.13956', '2405.13956', null],
    ['2405.13956v2', '2405.13956', 'v2'],
    ['arXiv:2405.13956', '2405.13956', null],
    ['ARXIV:2405.13956v12', '2405.13956', 'v12'],
    ['1412.6980', '1412.6980', null],
    ['hep-th/9901001', 'hep-th/9901001', null],
    ['hep-th/9901001v3', 'hep-th/9901001', 'v3'],
    ['math.GT/0309136', 'math.GT/0309136', null],
    ['https://arxiv.org/abs/2405.13956', '2405.13956', null],
    ['http://arxiv.org/abs/2405.13956v2', '2405.13956', 'v2'],
    ['https://arxiv.org/pdf/2405.13956v3', '2405.13956', 'v3'],
    ['https://arxiv.org/pdf/2405.13956v3.pdf', '2405.13956', 'v3'],
    ['https://www.arxiv.org/abs/hep-th/9901001', 'hep-th/9901001', null],
    ['https://huggingface.co/papers/2405.13956', '2405.13956', null],
    ['https://huggingface.co/papers/2405.13956#community', '2405.13956', null],
    ['  2405.13956  ', '2405.13956', null],
  ])('reads %s', (text, id, version) => {
    expect(parseRef(text)).toEqual({ kind: 'id', id, version });
  });

  it('reads a row number', () => {
    expect(parseRef('3')).toEqual({ kind: 'row', row: 3 });
    expect(() => parseRef('0')).toThrow(/start at 1/);
  });

  it.each([
    'not-an-id',
    '2405.1395',
    '2405.139567',
    '1412.69801',
    '1501.0001',
    '2413.13956',
    '2400.13956',
    '0612.1234',
    'hep-th/990100',
    'hep-th/9913001',
    'https://example.com/abs/2405.13956',
    'ftp://arxiv.org/abs/2405.13956',
    'https://arxiv.org/list/cs.LG',
    'file:///etc/passwd',
    '../../etc',
    '',
    '-1',
    '2405.13956v',
  ])('rejects %j with exit 2 and the accepted forms', (text) => {
    expect(() => parseRef(text)).toThrow(UsageError);
    try {
      parseRef(text);
    } catch (e) {
      if (text !== '-1') expect((e as UsageError).hint ?? '').toMatch(/arXiv id/);
    }
  });

  it('parseArxivId checks the digit count against the month of the scheme change', () => {
    expect(parseArxivId('0704.0001')).toEqual({ id: '0704.0001', version: null });
    expect(parseArxivId('1501.00001')).toEqual({ id: '1501.00001', version: null });
    expect(parseArxivId('1501.0001')).toBeNull();
  });
});

describe('isArxivId', () => {
  const same = (text: string): void => {
    expect(isArxivId(text)).toBe(parseArxivId(text)?.id === text);
  };

  it('says what parseArxivId says of an id it returns unchanged', () => {
    for (const text of ['2405.13956', '1412.6980', '1412.69801', '1501.0001', '1501.00001', '0704.0001', '0703.0001', '2413.00001', '2400.00001']) same(text);
    for (const text of ['2405.13956v2', ' 2405.13956', 'arXiv:2405.13956', 'hep-th/9901001', 'hep-th/9901001v1', '２４０５.13956', '2405.139561', ''])
      same(text);
    expect(isArxivId('2405.13956')).toBe(true);
    expect(isArxivId('1412.69801')).toBe(false);
    expect(isArxivId('hep-th/9901001')).toBe(true);
  });

  it('agrees with parseArxivId on any string of digits, dots and id letters', () => {
    fc.assert(fc.property(fc.stringMatching(/^[0-9.v a-z/-]{0,14}$/), same), { numRuns: 5000 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99999 }), fc.boolean(), (yymm, seq, five) =>
        same(
          `${String(yymm).padStart(4, '0')}.${String(seq)
            .padStart(five ? 5 : 4, '0')
            .slice(0, five ? 5 : 4)}`,
        ),
      ),
      { numRuns: 5000 },
    );
  });
});
