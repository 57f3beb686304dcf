import type { Paper, RankedPaper } from '../core/paper.js';
import type { ListResult, Result } from '../core/result.js';
import { sanitizeLine } from '../core/sanitize.js';
import { columnsFor, contextLine } from '../render/listHeading.js';
import { truncate } from '../render/text.js';
import type { Context } from '../context.js';
import { writeChunks } from '../io/output.js';
import { pick } from '../render/fields.js';
import { renderJson, renderJsonl, toJson } from '../render/json.js';
import { renderTsv } from '../render/tsv.js';
import type { TableMarks } from '../render/table.js';
import { recordMarks } from '../io/marksStore.js';

/** `papers show`: the abstract view, paged when taller than the terminal; or one JSON object. */
async function printPaper(ctx: Context, paper: Paper, json: boolean, watches: string[] = []): Promise<void> {
  if (json) {
    // The same fields, in the same order, as a list's objects; a single paper has no rank.
    await writeChunks(ctx.stdout, [`${toJson(pick({ ...paper, rank: null, watches } as unknown as RankedPaper))}\n`]);
    return;
  }
  const [{ renderAbstract }, { terminalPaint }] = await Promise.all([import('../render/abstract.js'), import('./chalkPaint.js')]);
  const lines = renderAbstract(paper, { width: ctx.terminal.columns, paint: terminalPaint(ctx.terminal.colorLevel) });
  const text = `${lines.join('\n')}\n`;
  const { rows } = ctx.terminal;
  if (rows !== null && lines.length >= rows) {
    const { page } = await import('./pager.js');
    if (await page(text, ctx.env)) return;
  }
  await writeChunks(ctx.stdout, [text]);
}

/** Prints what a command returned: the one place command results become output. */
export async function present(ctx: Context, result: Result): Promise<void> {
  await ctx.spinner.stop();
  switch (result.kind) {
    case 'list':
      return printList(ctx, result.list);
    case 'paper':
      return printPaper(ctx, result.paper, result.json, result.watches);
    case 'lines':
      // Tab-separated fields are cleaned one by one, so a tab in a value cannot make a new column.
      await writeChunks(
        ctx.stdout,
        result.lines.map((l) => `${l.split('\t').map(sanitizeLine).join('\t')}\n`),
      );
      return;
    case 'text':
      await writeChunks(ctx.stdout, [result.text]);
      return;
    case 'none':
      return;
  }
}

/** Prints a list in the chosen format: a table on a terminal, TSV in a pipe, unless --format/--json say. */
async function printList(ctx: Context, result: ListResult): Promise<void> {
  const opts = result.options;
  const format = opts.format ?? (ctx.terminal.stdoutTTY ? 'table' : 'tsv');
  const { papers } = result;
  if (papers.length === 0 && format !== 'json') ctx.note(result.emptyNote);
  let chunks: Iterable<string>;
  switch (format) {
    case 'json':
      chunks = renderJson(papers, opts.fields);
      break;
    case 'jsonl':
      chunks = renderJsonl(papers, opts.fields);
      break;
    case 'tsv':
      chunks = renderTsv(papers, opts.fields);
      break;
    case 'csv':
      chunks = (await import('../render/csv.js')).renderCsv(papers, opts.fields);
      break;
    case 'markdown':
      chunks = (await import('../render/markdown.js')).renderMarkdown(papers);
      break;
    case 'bibtex':
      chunks = (await import('../render/bibtex.js')).renderBibtex(papers);
      break;
    case 'table': {
      const [{ renderTable }, { terminalPaint }] = await Promise.all([import('../render/table.js'), import('./chalkPaint.js')]);
      const paint = terminalPaint(ctx.terminal.colorLevel);
      const highlight = opts.filters.grep;
      // Only a person sees a terminal table: it shows what is new and what was read.
      const marks = ctx.terminal.stdoutTTY ? tableMarks(ctx, papers) : undefined;
      const watches = opts.watches.length > 0;
      const rows = renderTable(papers, { width: ctx.terminal.columns, paint, columns: columnsFor(papers, opts.columns), highlight, marks, watches });
      const context = papers.length > 0 && ctx.terminal.stdoutTTY ? [paint.dim(truncate(sanitizeLine(contextLine(result)), ctx.terminal.columns))] : [];
      chunks = [...context, ...rows].map(
        (line) => `${line}
`,
      );
      break;
    }
  }
  const complete = await writeChunks(ctx.stdout, chunks);
  // Seen: a table on a terminal, or what papers new delivered in full; never a run cut short.
  const seen = result.seen ?? (format === 'table' && ctx.terminal.stdoutTTY ? 'always' : 'never');
  if (seen === 'always' && complete && !ctx.signal.aborted) {
    const ids = papers.flatMap((p) => (p.id === null ? [] : [p.id]));
    if (ids.length > 0 || result.newThrough) await recordMarks(ctx.warn, () => ctx.marks().markSeen(ids, result.newThrough));
  }
}

/** Which of the listed papers are new to the reader and which were read, for the table. */
function tableMarks(ctx: Context, papers: readonly RankedPaper[]): TableMarks {
  const store = ctx.marks();
  const unseen = new Set<string>();
  const read = new Set<string>();
  for (const p of papers) {
    if (p.id === null) continue;
    if (store.isRead(p.id)) read.add(p.id);
    else if (!store.isSeen(p.id)) unseen.add(p.id);
  }
  return { unseen, read };
}
