import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { storeFrom } from '../../src/core/settings.js';
import { compileWatch, describeWatch, newWatch, watchesOf, watchFrom } from '../../src/core/watch.js';
import { makePaper } from '../helpers/papers.js';

const rules = { grep: [], exclude: [], author: [], org: [], minUpvotes: null, hasCode: false };

describe('watches', () => {
  it('validates the name, asks for a rule and checks every pattern', () => {
    expect(newWatch('agents-2', { ...rules, grep: ['agent'] }).name).toBe('agents-2');
    for (const name of ['', 'Agents', 'a b', 'a_b', 'x'.repeat(33), '../x']) expect(() => newWatch(name, { ...rules, grep: ['x'] })).toThrow(UsageError);
    expect(() => newWatch('none', rules)).toThrow(/no rule/);
    expect(() => newWatch('bad', { ...rules, org: ['['] })).toThrow(/--org '\[' is not a valid pattern/);
    expect(newWatch('code', { ...rules, hasCode: true }).hasCode).toBe(true);
    expect(newWatch('min', { ...rules, minUpvotes: 0 }).minUpvotes).toBe(0);
  });

  it('names the watches a paper matches, in order', () => {
    const ws = [
      newWatch('agents', { ...rules, grep: ['agent'] }),
      newWatch('lab', { ...rules, org: ['^lattice-lab$'] }),
      newWatch('ada', { ...rules, author: ['ada'], minUpvotes: 10 }),
    ].map(compileWatch);
    const p = makePaper('2611.00001', { title: 'Agents at scale', organization: 'Lattice Lab', orgName: 'lattice-lab', authors: ['Ada Quill'], upvotes: 5 });
    expect(watchesOf(p, ws)).toEqual(['agents', 'lab']);
    expect(watchesOf({ ...p, upvotes: 10 }, ws)).toEqual(['agents', 'lab', 'ada']);
    expect(watchesOf(makePaper('2611.00002'), ws)).toEqual([]);
  });

  it('reads watches back from the settings file, dropping broken and repeated ones', () => {
    const good = newWatch('agents', { ...rules, grep: ['agent'], minUpvotes: 3 });
    const { store, problems } = storeFrom({
      watches: [
        good,
        { ...good },
        { name: 'Bad', grep: ['x'] },
        { name: 'pat', grep: ['('] },
        { name: 'empty' },
        { name: 'n', minUpvotes: -1, grep: ['x'] },
        'x',
      ],
    });
    expect(store.watches).toEqual([good]);
    expect(problems).toHaveLength(6);
    expect(watchFrom({ name: 'ok', author: ['x'] })).toEqual({ ...rules, name: 'ok', author: ['x'] });
  });

  it('describes its rules as the options that make them', () => {
    expect(describeWatch(newWatch('w', { ...rules, grep: ['a b'], exclude: ['c'], minUpvotes: 5, hasCode: true }))).toBe(
      '--grep "a b" --exclude "c" --min-upvotes 5 --has-code',
    );
  });
});
