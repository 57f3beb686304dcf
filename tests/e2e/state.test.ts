import { chmodSync, readFileSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import { runCli, type tempDirs } from '../helpers/cli.js';
import { TODAY, runPapers } from '../helpers/run.js';
import { type FakeHf, hfItem } from '../helpers/server.js';
import { useHarness } from '../helpers/harness.js';
import { runIn } from '../helpers/inProcess.js';

const day = addDays(TODAY, -1);
let server: FakeHf;
let dirs: ReturnType<typeof tempDirs>;
let env: NodeJS.ProcessEnv;
useHarness((h) => ({ server, dirs, env } = h));
beforeEach(() => {
  server.days.set(day, [hfItem('2611.00001', day, 3, 1, 'First, with "quotes" | pipes'), hfItem('2611.00002', day, 9, 0, 'Second {braces} & 50%')]);
});

describe('every format for a day', () => {
  it('csv, markdown and bibtex', async () => {
    const csv = await runPapers(['day', day, '--format', 'csv', '--fields', 'rank,id,title'], env);
    expect(parse(csv.stdout)).toEqual([
      ['rank', 'id', 'title'],
      ['1', '2611.00002', 'Second {braces} & 50%'],
      ['2', '2611.00001', 'First, with "quotes" | pipes'],
    ]);
    const md = await runPapers(['day', day, '--format', 'markdown'], env);
    expect(md.stdout).toContain('| 2 | [First, with "quotes" \\| pipes](https://huggingface.co/papers/2611.00001) | 3 |');
    const bib = await runPapers(['day', day, '--format', 'bibtex'], env);
    expect(bib.stdout).toContain('title = {{Second \\textbraceleft{}braces\\textbraceright{} \\& 50\\%}}');
    expect(bib.stdout.match(/@misc\{/g)).toHaveLength(2);
  });

  it('--fields with a format that has no fields is a usage error', async () => {
    const r = await runPapers(['day', day, '--format', 'bibtex', '--fields', 'id'], env);
    expect(r.code).toBe(2);
  });
});

describe('the reading list', () => {
  it('save, saved and unsave across processes, and saved works offline', async () => {
    // Row numbers are those of a table shown on a terminal.
    await runIn(['day', day], env, { columns: 80 });
    const s1 = await runCli(['save', '1'], env);
    expect(s1.code).toBe(0);
    expect(s1.stderr).toMatch(/saved 2611\.00002/);
    expect((await runPapers(['save', '2611.00001'], env)).code).toBe(0);
    const twice = await runPapers(['save', '2611.00001'], env);
    expect(twice.code).toBe(0);
    expect(twice.stderr).toMatch(/already in the reading list/);
    server.requests = [];
    // saved never touches the network (it takes no network options).
    const saved = await runPapers(['saved', '--json'], env);
    expect((JSON.parse(saved.stdout) as { id: string }[]).map((p) => p.id)).toEqual(['2611.00002', '2611.00001']);
    expect(server.requests).toEqual([]);
    const un = await runPapers(['unsave', '2611.00002'], env);
    expect(un.stderr).toMatch(/removed 2611\.00002/);
    const again = await runPapers(['unsave', '2611.00002'], env);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/is not in the reading list/);
    expect((await runPapers(['saved', '--fields', 'id'], env)).stdout).toBe('2611.00001\n');
  });

  it('saves a paper with its data, so it survives the cache being cleared', async () => {
    server.papers.set('2611.00042', { id: '2611.00042', title: 'Looked Up', upvotes: 4, authors: [{ name: 'Z' }] });
    await runPapers(['save', '2611.00042'], env);
    await runPapers(['cache', 'clear'], env);
    server.requests = [];
    expect((await runPapers(['saved'], env)).stdout).toBe('1\t4\t\t2611.00042\tLooked Up\n');
    expect(server.requests).toEqual([]);
  });

  it('a corrupt settings file is set aside with a warning and its reading list recovered', async () => {
    await runPapers(['day', day], env);
    await runPapers(['save', '2611.00001'], env);
    await runPapers(['save', '2611.00002'], env);
    await runPapers(['config', 'set', 'limit', '1'], env);
    const file = path.join(dirs.config, 'config.json');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.slice(0, text.length - 5));
    const r = await runPapers(['saved', '--limit', '0'], env);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/settings file was not valid JSON; set aside as config\.json\.corrupt-1, 2 saved papers recovered/);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(2);
    expect(readFileSync(`${file}.corrupt-1`, 'utf8')).toBe(text.slice(0, text.length - 5));
    expect(JSON.parse(readFileSync(file, 'utf8')).saved).toHaveLength(2);
  });

  it('an unreadable or empty settings file is set aside too, never a crash', async () => {
    mkdirSync(dirs.config, { recursive: true });
    const file = path.join(dirs.config, 'config.json');
    writeFileSync(file, '');
    const empty = await runPapers(['saved'], env);
    expect(empty.code).toBe(0);
    expect(empty.stderr).toMatch(/was empty; set aside/);
    writeFileSync(file, '[1,2]');
    const wrong = await runPapers(['config', 'list'], env);
    expect(wrong.code).toBe(0);
    expect(wrong.stderr).toMatch(/not a settings object/);
    if (process.getuid?.() !== 0) {
      chmodSync(file, 0o000);
      const locked = await runPapers(['saved'], env);
      expect(locked.code).toBe(0);
      expect(locked.stderr).toMatch(/unreadable/);
    }
  });
});

describe('papers config', () => {
  it('list, get, set, unset and path; settings are defaults the command line overrides', async () => {
    expect((await runPapers(['config', 'get', 'limit'], env)).stdout).toBe('30\n');
    expect((await runPapers(['config', 'set', 'limit', '1'], env)).code).toBe(0);
    expect((await runPapers(['config', 'set', 'sort', 'comments'], env)).code).toBe(0);
    expect((await runPapers(['config', 'list'], env)).stdout).toContain('limit=1\nsort=comments\nformat=(auto)\t(default)');
    const byConfig = await runPapers(['day', day], env);
    expect(byConfig.stdout).toBe('1\t3\t1\t2611.00001\tFirst, with "quotes" | pipes\n');
    const byFlag = await runPapers(['day', day, '-n', '0', '--sort', 'upvotes'], env);
    expect(
      byFlag.stdout
        .trimEnd()
        .split('\n')
        .map((l) => l.split('\t')[3]),
    ).toEqual(['2611.00002', '2611.00001']);
    expect((await runPapers(['config', 'unset', 'limit'], env)).code).toBe(0);
    expect((await runPapers(['config', 'get', 'limit'], env)).stdout).toBe('30\n');
    expect((await runPapers(['config', 'path'], env)).stdout).toBe(`${path.join(dirs.config, 'config.json')}\n`);
  });

  it('a bad key or value exits 2 with the accepted ones', async () => {
    const key = await runPapers(['config', 'set', 'colour', 'red'], env);
    expect(key.code).toBe(2);
    expect(key.stderr).toMatch(/settings are limit, sort, format, columns, cache-max-mb/);
    const value = await runPapers(['config', 'set', 'format', 'yaml'], env);
    expect(value.code).toBe(2);
    expect(value.stderr).toMatch(/format takes table, tsv, json, jsonl, csv, markdown, bibtex/);
    expect((await runPapers(['config', 'frob'], env)).code).toBe(2);
  });
});

describe('papers cache', () => {
  it('path, ls and clear', async () => {
    expect((await runPapers(['cache', 'path'], env)).stdout).toBe(`${dirs.cache}\n`);
    await runPapers(['day', day], env);
    const ls = await runPapers(['cache', 'ls'], env);
    expect(ls.stdout).toMatch(new RegExp(`^day:${day}\\t\\d{4}-\\d{2}-\\d{2}T[^\\t]+\\t(just now|\\d+ min ago)\\t[\\d.]+ (B|KiB)\\n$`));
    writeFileSync(path.join(dirs.cache, 'keep-me.txt'), 'not ours');
    const clear = await runPapers(['cache', 'clear'], env);
    expect(clear.code).toBe(0);
    expect(readdirSync(dirs.cache)).toEqual(['keep-me.txt']);
    expect((await runPapers(['cache', 'ls'], env)).stderr).toMatch(/the cache is empty/);
  });
});
