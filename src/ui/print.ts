import type { Paper, RankedPaper } from '../core/paper.js';
import type { Format } from '../core/formats.js';
import type { ListOptions } from '../core/listOptions.js';
import type { ListResult, Result } from '../core/result.js';
import { sanitizeLine } from '../core/sanitize.js';
import { columnsFor, contextLine } from '../render/listHeading.js';
import type { Context } from '../context.js';
import { writeChunks } from '../io/output.js';
import { pick } from '../render/fields.js';
import { renderJson, renderJsonl, toJson } from '../render/json.js';
import { renderTsv } from '../render/tsv.js';

/** `papers show`: the abstract view, paged when taller than the terminal; or one JSON object. */
async function printPaper(ctx: Context, paper: Paper, json: boolean): Promise<void> {
  if (json) {
    // The same fields, in the same order, as a list's objects; a single paper has no rank.
    await writeChunks(ctx.stdout, [`${toJson(pick({ ...paper, rank: null } as unknown as RankedPaper))}\n`]);
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
      return printPaper(ctx, result.paper, result.json);
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

/** The format a list is shown in: `--format`/`--json`, else a table on a terminal and TSV in a pipe. */
export function listFormat(ctx: Context, opts: ListOptions): Format {
  return opts.format ?? (ctx.terminal.stdoutTTY ? 'table' : 'tsv');
}

/** Prints a list in the chosen format: a table on a terminal, TSV in a pipe, unless --format/--json say. */
async function printList(ctx: Context, result: ListResult): Promise<void> {
  const opts = result.options;
  const format = listFormat(ctx, opts);
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
      // text.js loads string-width (~9 ms): only tables need it, never a list in a pipe.
      const [{ renderTable }, { terminalPaint }, { truncate }] = await Promise.all([
        import('../render/table.js'),
        import('./chalkPaint.js'),
        import('../render/text.js'),
      ]);
      const paint = terminalPaint(ctx.terminal.colorLevel);
      const highlight = opts.filters.grep;
      // --fields are the user's columns as given; otherwise the settings' columns, fitted to the papers.
      const columns = opts.fields ?? columnsFor(papers, opts.columns);
      const rows = renderTable(papers, { width: ctx.terminal.columns, paint, columns, highlight });
      const context = papers.length > 0 && ctx.terminal.stdoutTTY ? [paint.dim(truncate(sanitizeLine(contextLine(result)), ctx.terminal.columns))] : [];
      chunks = [...context, ...rows].map((line) => `${line}\n`);
      break;
    }
  }
  await writeChunks(ctx.stdout, chunks);
}
