// One date grammar (issue 18): day, week, month and new --since take the same forms, YYYY-MM-DD and
// YYYY-M-D, today, yesterday, -N (in the command's unit) and any date inside a week or month; a
// future date is said to be in the future, without a format hint; an empty day says why only when
// that is known. And options before the command: a typo is named, a command's option is accepted.
import { describe, expect, it } from 'vitest';
import { TODAY, runPapers } from '../helpers/run.js';
import { type FakeHf, hfItem } from '../helpers/server.js';
import { useHarness } from '../helpers/harness.js';

let server: FakeHf;
let env: NodeJS.ProcessEnv;
useHarness((h) => ({ server, env } = h));

/** The in-process clock's today (Wednesday 2026-11-25, noon in New York), spelt out so the cases read. */
const today = '2026-11-25';

describe('one date grammar', () => {
  it('runs on the day the cases assume', () => expect(TODAY).toBe(today));

  // [command words, what the empty note names]: every list is empty, so the note says what was read.
  it.each([
    [['day', '2026-11-24'], 'papers: no papers on 2026-11-24\n'],
    [['day', '2026-11-3'], 'papers: no papers on 2026-11-03\n'],
    [['day', 'yesterday'], 'papers: no papers on 2026-11-24\n'],
    [['day', '-2'], 'papers: no papers on 2026-11-23\n'],
    [['week', '2026-11-18'], 'papers: no papers in 2026-W47\n'],
    [['week', '2026-11-3'], 'papers: no papers in 2026-W45\n'],
    [['week', 'today'], 'papers: no papers in 2026-W48\n'],
    [['week', 'yesterday'], 'papers: no papers in 2026-W48\n'],
    [['week', '-1'], 'papers: no papers in 2026-W47\n'],
    [['month', '2026-08-18'], 'papers: no papers in 2026-08\n'],
    [['month', '2026-8-1'], 'papers: no papers in 2026-08\n'],
    [['month', 'today'], 'papers: no papers in 2026-11\n'],
    [['month', 'yesterday'], 'papers: no papers in 2026-11\n'],
    [['month', '-1'], 'papers: no papers in 2026-10\n'],
    [['new', '--since', '2026-11-20', '--peek'], 'papers: nothing new since Fri 2026-11-20\n'],
    [['new', '--since', 'yesterday', '--peek'], 'papers: nothing new since Tue 2026-11-24\n'],
    [['new', '--since', '-3', '--peek'], 'papers: nothing new since Sun 2026-11-22\n'],
    [['new', '--since', 'today', '--peek'], 'papers: nothing new since Wed 2026-11-25\n'],
  ])('%j reads as the note says', async (args, note) => {
    const r = await runPapers(args, env);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(note);
  });

  it('new --since takes YYYY-M-D too', async () => {
    const r = await runPapers(['new', '--since', '2026-12-1', '--peek'], env, { now: new Date('2026-12-04T17:00:00Z') });
    expect(r.stderr).toBe('papers: nothing new since Tue 2026-12-01\n');
  });

  it.each([
    [['day', '2026-11-26'], '2026-11-26'],
    [['day', '2026-12-1'], '2026-12-01'],
    [['week', '2026-12-01'], '2026-W49'],
    [['week', '2026-W49'], '2026-W49'],
    [['month', '2026-12-1'], '2026-12'],
    [['month', '2026-12'], '2026-12'],
    [['new', '--since', '2026-11-26'], '2026-11-26'],
  ])('%j: in the future, said so in one line with no format hint', async (args, what) => {
    const r = await runPapers(args, env);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`papers: ${what} is in the future: today is ${today} in New York\n`);
    expect(server.requests).toEqual([]);
  });
});

describe('an empty day says why only when it knows', () => {
  it.each([
    ['2026-11-21', 'papers: no papers on 2026-11-21 (Saturday: no Daily Papers on weekends)\n'],
    ['2026-11-22', 'papers: no papers on 2026-11-22 (Sunday: no Daily Papers on weekends)\n'],
    // Today, a weekday, before Hugging Face has published it.
    ['today', 'papers: no papers on 2026-11-25 (not published yet)\n'],
    // A past weekday with nothing: no reason is known, so none is given.
    ['2026-11-19', 'papers: no papers on 2026-11-19\n'],
  ])('day %s', async (day, note) => {
    const r = await runPapers(['day', day], env);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(note);
  });
});

describe('options before the command', () => {
  it("a command's options are read there (papers -n 2 day ...), a typo is named with a suggestion", async () => {
    server.days.set('2026-11-24', [hfItem('2611.00001', '2026-11-24', 1), hfItem('2611.00002', '2026-11-24', 2), hfItem('2611.00003', '2026-11-24', 3)]);
    const r = await runPapers(['-n', '2', 'day', '2026-11-24', '--format', 'tsv', '--fields', 'id'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('2611.00003\n2611.00002\n');
    const typo = await runPapers(['--limt', '3'], env);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe("papers: unknown option '--limt'\nhint: did you mean --limit?\n");
    // commander's own message for an option without its value, in papers' voice.
    const bare = await runPapers(['week', '--sort'], env);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toBe('papers: --sort needs a value (<key>)\n');
  });
});
