import { beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import { FIELDS } from '../../src/core/paper.js';
import { TODAY as today, runPapers } from '../helpers/run.js';
import { dayItems, type FakeHf, hfItem } from '../helpers/server.js';
import { useHarness } from '../helpers/harness.js';
import { tsvIds } from '../helpers/tsv.js';

// "Today" is the New York date of the CLI's clock: the server, not the calendar, decides which days have papers.
const yesterday = addDays(today, -1);
const older = addDays(today, -20);

let server: FakeHf;
let env: NodeJS.ProcessEnv;

useHarness((h) => ({ server, env } = h));

describe('papers today', () => {
  it('lists today ranked by upvotes, then comments, then id, as TSV when piped', async () => {
    server.days.set(today, [
      hfItem('2611.00003', today, 5, 1),
      hfItem('2611.00001', today, 9, 0),
      hfItem('2611.00004', today, 5, 1),
      hfItem('2611.00002', today, 5, 4),
    ]);
    const r = await runPapers(['today'], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        '1\t9\t0\t2611.00001\tPaper 2611.00001',
        '2\t5\t4\t2611.00002\tPaper 2611.00002',
        '3\t5\t1\t2611.00003\tPaper 2611.00003',
        '4\t5\t1\t2611.00004\tPaper 2611.00004',
        '',
      ].join('\n'),
    );
    expect(server.requests).toEqual([`/api/daily_papers?date=${today}&limit=100&p=0`]);
  });

  it('runs today when no command is given', async () => {
    server.days.set(today, [hfItem('2611.00001', today, 1)]);
    const r = await runPapers([], env);
    expect(r.code).toBe(0);
    expect(tsvIds(r.stdout)).toEqual(['2611.00001']);
  });

  it('follows pages until a short one, losing and duplicating no paper', async () => {
    server.days.set(today, dayItems(today, 250));
    const r = await runPapers(['today', '--limit', '0'], env);
    expect(r.code).toBe(0);
    const ids = tsvIds(r.stdout);
    expect(ids).toHaveLength(250);
    expect(new Set(ids).size).toBe(250);
    expect(server.requests.map((u) => new URL(u, 'http://x').searchParams.get('p'))).toEqual(['0', '1', '2']);
  });

  it('shows 30 by default', async () => {
    server.days.set(today, dayItems(today, 45));
    const r = await runPapers(['today'], env);
    expect(tsvIds(r.stdout)).toHaveLength(30);
  });

  it('falls back to the latest day with papers when today has none, and says which', async () => {
    server.days.set(today, []);
    server.days.set(yesterday, [hfItem('2611.00007', yesterday, 3), hfItem('2611.00008', yesterday, 8)]);
    const r = await runPapers(['today'], env);
    expect(r.code).toBe(0);
    expect(tsvIds(r.stdout)).toEqual(['2611.00008', '2611.00007']);
    expect(r.stderr).toContain(`no papers yet for`);
    expect(r.stderr).toContain(yesterday);
    // -q silences the note but not the list.
    const quiet = await runPapers(['today', '-q'], env);
    expect(quiet.stderr).toBe('');
    expect(tsvIds(quiet.stdout)).toEqual(['2611.00008', '2611.00007']);
  });

  it('serves a second run from the cache without any request', async () => {
    server.days.set(today, [hfItem('2611.00001', today, 1)]);
    await runPapers(['today'], env);
    server.requests = [];
    const r = await runPapers(['today'], env);
    expect(r.code).toBe(0);
    expect(tsvIds(r.stdout)).toEqual(['2611.00001']);
    expect(server.requests).toEqual([]);
    // --refresh skips the fresh entry.
    await runPapers(['today', '--refresh'], env);
    expect(server.requests).toHaveLength(1);
  });
});

describe('papers day', () => {
  it('accepts YYYY-MM-DD, yesterday and -N', async () => {
    server.days.set(yesterday, [hfItem('2611.00011', yesterday, 2)]);
    server.days.set(older, [hfItem('2610.00022', older, 4)]);
    expect(tsvIds((await runPapers(['day', yesterday], env)).stdout)).toEqual(['2611.00011']);
    expect(tsvIds((await runPapers(['day', 'yesterday', '--refresh'], env)).stdout)).toEqual(['2611.00011']);
    expect(tsvIds((await runPapers(['day', '-20'], env)).stdout)).toEqual(['2610.00022']);
  });

  it('is an empty success on a day without papers', async () => {
    const r = await runPapers(['day', older], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/no papers on/);
    const j = await runPapers(['day', older, '--json'], env);
    expect(j.stdout).toBe('[]\n');
  });

  it('says why a day is empty when it knows: a weekend has no Daily Papers', async () => {
    const saturday = await runPapers(['day', '2026-11-21'], env);
    expect(saturday.code).toBe(0);
    expect(saturday.stderr).toBe('papers: no papers on 2026-11-21 (Saturday: no Daily Papers on weekends)\n');
    const weekday = await runPapers(['day', '2026-11-19'], env);
    expect(weekday.stderr).toBe('papers: no papers on 2026-11-19\n');
  });

  it.each([['2026-02-30'], ['tomorrow'], ['2023-05-03']])('rejects the bad date %s with exit 2 and the accepted forms', async (bad) => {
    const r = await runPapers(['day', bad], env);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toMatch(/^papers: /);
    expect(r.stderr).toMatch(/YYYY-MM-DD \(or YYYY-M-D\), today, yesterday, or -N/);
    expect(server.requests).toEqual([]);
  });

  it('says a future date is in the future, with exit 2 and no format hint', async () => {
    const r = await runPapers(['day', addDays(today, 1)], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^papers: \d{4}-\d{2}-\d{2} is in the future: today is \d{4}-\d{2}-\d{2} in New York\n$/);
    expect(server.requests).toEqual([]);
  });

  it('rejects a missing date and bad options with exit 2', async () => {
    for (const args of [['day'], ['day', yesterday, '--limit', '-1'], ['day', yesterday, '--format', 'yaml'], ['today', '--sort', 'x'], ['today', '--bogus']]) {
      const r = await runPapers(args, env);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^papers: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('output formats', () => {
  beforeEach(() => {
    server.days.set(yesterday, [
      hfItem('2611.00001', yesterday, 3, 1, 'Evil \u001b]52;c;Zm9v\u0007title \u001b[2J\u009b31m'),
      hfItem('2611.00002', yesterday, 9, 2),
    ]);
  });

  it('--json prints every SPEC field on every paper', async () => {
    const r = await runPapers(['day', yesterday, '--json'], env);
    expect(r.code).toBe(0);
    const papers = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(papers.map((p) => p.id)).toEqual(['2611.00002', '2611.00001']);
    for (const p of papers) expect(Object.keys(p)).toEqual([...FIELDS]);
    expect(papers[0]).toMatchObject({ rank: 1, upvotes: 9, comments: 2, day: yesterday, source: 'hf', url: 'https://huggingface.co/papers/2611.00002' });
    // Lossless, yet no raw control byte on stdout.
    expect(papers[1]!.title).toBe('Evil \u001b]52;c;Zm9v\u0007title \u001b[2J\u009b31m');
    expect(r.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
  });

  it('--format tsv, jsonl and a forced table never print a control character', async () => {
    for (const format of ['tsv', 'jsonl', 'table']) {
      const r = await runPapers(['day', yesterday, '--format', format], { ...env, COLUMNS: '60' });
      expect(r.code, format).toBe(0);
      expect(r.stdout, format).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    }
    const table = await runPapers(['day', yesterday, '--format', 'table'], { ...env, COLUMNS: '60' });
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^#\s+▲\s+cmt\s+id\s+title$/);
    expect(lines[2]).toContain('Evil title');
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(60);
    const jsonl = await runPapers(['day', yesterday, '--format', 'jsonl', '--fields', 'id,upvotes'], env);
    expect(jsonl.stdout).toBe('{"id":"2611.00002","upvotes":9}\n{"id":"2611.00001","upvotes":3}\n');
  });

  it('--fields picks TSV columns in order; an unknown field is a usage error listing the valid ones', async () => {
    const r = await runPapers(['day', yesterday, '--fields', 'upvotes,id'], env);
    expect(r.stdout).toBe('9\t2611.00002\n3\t2611.00001\n');
    const bad = await runPapers(['day', yesterday, '--fields', 'id,nope'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--fields must be one of rank, id, title/);
  });
});
