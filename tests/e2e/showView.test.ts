import { describe, expect, it } from 'vitest';
import { FIELDS } from '../../src/core/paper.js';
import { LINKED_FIELDS } from '../../src/core/linked.js';
import { PROSE_WIDTH } from '../../src/render/fullText.js';
import { useHarness } from '../helpers/harness.js';
import { runInPty, visible } from '../helpers/pty.js';
import { runPapers } from '../helpers/run.js';
import { atomFeed, type FakeHf } from '../helpers/server.js';

let server: FakeHf;
let env: NodeJS.ProcessEnv;
useHarness((h) => ({ server, env } = h));

const ESC = '\x1b';
const LATEX = 'It costs \\$0.0007 per task at 29.5\\% pass@2, see Fig.~3 and the \\emph{sparse} case with $\\frac{a}{b}~c$ as written.';
const CLEAN = 'It costs $0.0007 per task at 29.5% pass@2, see Fig. 3 and the sparse case with $\\frac{a}{b}~c$ as written.';

/** A Hugging Face paper with a long abstract in LaTeX, and the user who submitted it to Daily Papers. */
const hfPaper = {
  id: '2611.00042',
  title: 'A Paper To Read Well',
  summary: `${'A sentence of the abstract that goes on. '.repeat(12)}${LATEX}`,
  authors: [{ name: 'Ada Quill' }, { name: 'Bo Lindqvist' }],
  publishedAt: '2026-11-20T01:30:00+05:00',
  submittedOnDailyAt: '2026-11-23T00:00:00.000Z',
  submittedOnDailyBy: { _id: 'u1', fullname: 'Ada Quill', name: 'adaq', user: 'adaq', avatarUrl: '/a.svg' },
  upvotes: 5,
  ai_summary: `${'The summary says more. '.repeat(8)}Cheaper by 10\\%.`,
};

/** An arXiv-only record (Hugging Face answers 404): categories, a primary one listed last, and a wrapped comment. */
const arxivOnly = atomFeed(
  `<entry><id>http://arxiv.org/abs/2611.00077v2</id><published>2026-11-19T17:59:37Z</published><title>Only On arXiv</title><summary>An arXiv abstract at 5\\% cost.</summary><author><name>B. Author</name></author><arxiv:comment>12 pages,\n  NeurIPS 2026</arxiv:comment><category term="cs.AI"/><category term="cs.LG"/><arxiv:primary_category term="cs.LG"/><link title="pdf" href="https://arxiv.org/pdf/2611.00077v2" rel="related" type="application/pdf"/></entry>`,
);

describe('papers show reads well', () => {
  it('wraps the abstract and AI summary at 100 columns on a wide terminal, and at the width of a narrow one', async () => {
    server.papers.set('2611.00042', hfPaper);
    for (const columns of [60, 160]) {
      const r = await runPapers(['show', '2611.00042'], env, { tty: { columns, colorDepth: 1 } });
      expect(r.code).toBe(0);
      const lines = r.stdout.split('\n');
      const prose = lines.slice(lines.indexOf('AI summary'));
      const widest = Math.max(...prose.map((l) => [...l].length));
      expect(widest).toBeLessThanOrEqual(Math.min(columns, PROSE_WIDTH));
      expect(widest).toBeGreaterThan(Math.min(columns, PROSE_WIDTH) - 15);
    }
  });

  it('sets the title apart from the authors on a colour terminal, plain when piped', async () => {
    server.papers.set('2611.00042', hfPaper);
    const tty = await runPapers(['show', '2611.00042'], env, { tty: { columns: 80, colorDepth: 8 } });
    const [title, authors] = tty.stdout.split('\n');
    expect(title).toMatch(new RegExp(`^${ESC}\\[1mA Paper To Read Well${ESC}\\[22m$`));
    expect(authors).toMatch(new RegExp(`^${ESC}\\[2mAda Quill, Bo Lindqvist${ESC}\\[22m$`));
    const piped = await runPapers(['show', '2611.00042'], env);
    expect(piped.stdout).not.toContain(ESC);
    expect(piped.stdout.split('\n').slice(0, 2)).toEqual(['A Paper To Read Well', 'Ada Quill, Bo Lindqvist']);
  });

  it('names the submitter, cleans the LaTeX of the text, and keeps the source text and the fields exactly in JSON', async () => {
    server.papers.set('2611.00042', hfPaper);
    const text = (await runPapers(['show', '2611.00042'], { ...env, COLUMNS: '400' })).stdout;
    expect(text).toContain('\nSubmitted by Ada Quill (@adaq)\n');
    expect(text.replace(/\n/g, ' ')).toContain(CLEAN);
    expect(text.replace(/\n/g, ' ')).toContain('Cheaper by 10%.');
    expect(text).toContain('https://huggingface.co/papers/2611.00042');
    const json = JSON.parse((await runPapers(['show', '2611.00042', '--json'], env)).stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual([...FIELDS, ...LINKED_FIELDS]);
    expect(json.summary).toBe(hfPaper.summary);
    expect(json.aiSummary).toBe(hfPaper.ai_summary);
  });

  it('shows an arXiv-only record with its categories and comment and without a Hugging Face link', async () => {
    server.arxiv.set('2611.00077', arxivOnly);
    const r = await runPapers(['show', '2611.00077'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\nCategories: cs.LG, cs.AI\nComment: 12 pages, NeurIPS 2026\n');
    expect(r.stdout).toContain('An arXiv abstract at 5% cost.');
    expect(r.stdout).not.toContain('Hugging Face');
    expect(r.stdout).not.toContain('huggingface.co');
    expect(r.stdout).toContain('https://arxiv.org/abs/2611.00077');
    // JSON has the contract's fields and no others; the abstract as arXiv wrote it.
    const json = JSON.parse((await runPapers(['show', '2611.00077', '--json', '--offline'], env)).stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual([...FIELDS, ...LINKED_FIELDS]);
    expect(json).toMatchObject({ source: 'arxiv', summary: 'An arXiv abstract at 5\\% cost.' });
  });

  it('gives publishedAt in ISO 8601 UTC whatever form the source wrote, and its UTC day in the text', async () => {
    server.papers.set('2611.00042', hfPaper);
    server.arxiv.set('2611.00077', arxivOnly);
    const hf = JSON.parse((await runPapers(['show', '2611.00042', '--json'], env)).stdout) as { publishedAt: string };
    const arxiv = JSON.parse((await runPapers(['show', '2611.00077', '--json'], env)).stdout) as { publishedAt: string };
    expect(hf.publishedAt).toBe('2026-11-19T20:30:00.000Z');
    expect(arxiv.publishedAt).toBe('2026-11-19T17:59:37.000Z');
    expect((await runPapers(['show', '2611.00042'], env)).stdout).toContain('published 2026-11-19');
  });

  it('on a real terminal: a bold title and prose no wider than 100 columns of 150', async () => {
    server.papers.set('2611.00042', hfPaper);
    const r = await runInPty(['show', '2611.00042'], { ...env, FORCE_COLOR: '1' }, 150);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${ESC}[1mA Paper To Read Well`);
    const lines = visible(r.stdout).split('\n');
    const prose = lines.slice(lines.findIndex((l) => l.startsWith('Abstract')));
    expect(Math.max(...prose.map((l) => l.trimEnd().length))).toBeLessThanOrEqual(PROSE_WIDTH);
    expect(lines.join(' ')).toContain('Submitted by Ada Quill (@adaq)');
  });
});
