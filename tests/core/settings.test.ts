import { describe, expect, it } from 'vitest';
import { parseListOptions } from '../../src/core/listOptions.js';
import { UsageError } from '../../src/core/errors.js';
import { parseSetting, recoverSaved, settingKey, storeFrom } from '../../src/core/settings.js';
import { makePaper } from '../helpers/papers.js';

describe('settings', () => {
  it('validates values and names the accepted ones', () => {
    expect(parseSetting('limit', '50')).toBe(50);
    expect(parseSetting('sort', 'comments')).toBe('comments');
    expect(parseSetting('format', 'csv')).toBe('csv');
    expect(parseSetting('columns', 'day,title,rank')).toEqual(['day', 'rank', 'title']);
    expect(parseSetting('cache-max-mb', '10')).toBe(10);
    for (const [key, bad] of [
      ['limit', '-1'],
      ['limit', 'x'],
      ['sort', 'best'],
      ['format', 'yaml'],
      ['columns', 'rank,nope'],
      ['cache-max-mb', '0'],
    ] as const) {
      expect(() => parseSetting(key, bad)).toThrow(UsageError);
    }
    try {
      parseSetting('sort', 'best');
    } catch (e) {
      expect((e as UsageError).hint).toBe('sort takes upvotes, comments, date, title, stars');
    }
    expect(() => settingKey('colour')).toThrow(/no setting 'colour'/);
  });

  it('interactive: true or false in the file and on the command line; -i asks, the setting prefers, a print option wins over the setting', () => {
    expect(parseSetting('interactive', 'true')).toBe(true);
    expect(parseSetting('interactive', 'false')).toBe(false);
    expect(() => parseSetting('interactive', 'yes')).toThrow(UsageError);
    expect(storeFrom({ settings: { interactive: true } }).store.settings).toEqual({ interactive: true });
    expect(parseListOptions({}).interactive).toBe('no');
    expect(parseListOptions({ interactive: true }).interactive).toBe('asked');
    expect(parseListOptions({}, { interactive: true }).interactive).toBe('setting');
    expect(parseListOptions({ format: 'csv' }, { interactive: true }).interactive).toBe('no');
    expect(parseListOptions({ json: true }, { interactive: true }).interactive).toBe('no');
    expect(() => parseListOptions({ interactive: true, fields: 'id' })).toThrow(/--interactive shows the list in the reader/);
  });

  it('drops bad values from a file and says which', () => {
    const { store, problems } = storeFrom({ settings: { limit: 'many', sort: 'date' }, saved: [{ nope: 1 }] });
    expect(store.settings).toEqual({ sort: 'date' });
    expect(problems).toEqual(['ignored the bad value of limit', 'ignored 1 broken reading-list entry']);
  });

  it('command-line options beat settings, which beat the defaults', () => {
    expect(parseListOptions({}, {})).toMatchObject({ limit: 30, sort: 'upvotes', format: undefined });
    expect(parseListOptions({}, { limit: 5, sort: 'date', format: 'json' })).toMatchObject({ limit: 5, sort: 'date', format: 'json' });
    expect(parseListOptions({ limit: '7', sort: 'title', format: 'tsv' }, { limit: 5, sort: 'date', format: 'json' })).toMatchObject({
      limit: 7,
      sort: 'title',
      format: 'tsv',
    });
    expect(parseListOptions({ fields: 'id' }, { format: 'markdown' }).format).toBeUndefined();
    expect(() => parseListOptions({ fields: 'id', format: 'markdown' })).toThrow(/--fields applies to table, json, jsonl, tsv, csv, not to markdown/);
  });
});

describe('recoverSaved', () => {
  const entry = (id: string) => ({ paper: makePaper(id, { title: `T {${id}} "q"` }), savedAt: '2026-11-01T00:00:00.000Z' });

  it('recovers every complete entry from a truncated file', () => {
    const full = JSON.stringify({ settings: { limit: 3 }, saved: [entry('2611.00001'), entry('2611.00002'), entry('2611.00003')] }, null, '\t');
    const cut = full.slice(0, full.lastIndexOf('2611.00003') + 5);
    expect(recoverSaved(cut).map((e) => e.paper.id)).toEqual(['2611.00001', '2611.00002']);
    expect(recoverSaved(full).map((e) => e.paper.id)).toEqual(['2611.00001', '2611.00002', '2611.00003']);
  });

  it('finds nothing in garbage', () => {
    expect(recoverSaved('{{{{ "not": json')).toEqual([]);
    expect(recoverSaved('')).toEqual([]);
  });
});
