import type { Format } from '../core/formats.js';
import type { ListOptions } from '../core/listOptions.js';
import type { RankedPaper } from '../core/paper.js';
import type { ListResult, Result } from '../core/result.js';
import { sanitizeLine } from '../core/sanitize.js';
import { columnsFor, contextLine } from '../render/listHeading.js';
import type { Context } from '../context.js';
import { writeChunks } from '../io/output.js';
import { renderJson, renderJsonl } from '../render/json.js';
import { renderTsv } from '../render/tsv.js';
import { renderCsv } from '../render/csv.js';
import { renderMarkdown } from '../render/markdown.js';
import { renderBibtex } from '../render/bibtex.js';
import { renderAtom } from '../render/atom.js';
import { renderRss } from '../render/rss.js';
import { loadTable, renderGrid, renderTable, type TableMarks } from '../render/table.js';
import { truncate } from '../render/text.js';
import { recordMarks } from '../io/marksStore.js';
import { loadChalk, terminalPaint } from './chalkPaint.js';
import { printFullText, printPapers } from './printPaper.js';

/** Prints what a command returned: the one place command results become output. */
export async function present(ctx: Context, result: Result): Promise<void> {
  await ctx.spinner.stop();
  switch (result.kind) {
    case 'list':
      return printList(ctx, result.list);
    case 'paper':
      return printPapers(ctx, result);
    case 'fullText':
      return printFullText(ctx, result);
    case 'lines':
      // Tab-separated fields are cleaned one by one, so a tab in a value cannot make a new column.
      await writeChunks(
        ctx.stdout,
        result.lines.map((l) => `${l.split('\t').map(sanitizeLine).join('\t')}\n`),
      );
      return;
    case 'table': {
      // Drawn as the paper table is, with what it loads: only on a terminal.
      await Promise.all([loadTable(), loadChalk()]);
      const rows = renderGrid(result.columns, result.rows, { width: ctx.terminal.columns, paint: terminalPaint(ctx.terminal.colorLevel) });
      await writeChunks(
        ctx.stdout,
        [...rows, sanitizeLine(result.footer)].map((line) => `${line}\n`),
      );
      return;
    }
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
      chunks = renderJson(papers, opts.fields ?? opts.allFields);
      break;
    case 'jsonl':
      chunks = renderJsonl(papers, opts.fields ?? opts.allFields);
      break;
    case 'tsv':
      chunks = renderTsv(papers, opts.fields);
      break;
    case 'csv':
      chunks = renderCsv(papers, opts.fields ?? opts.allFields);
      break;
    case 'markdown':
      chunks = renderMarkdown(papers);
      break;
    case 'bibtex':
      chunks = renderBibtex(papers);
      break;
    case 'atom':
    case 'rss': {
      const meta = { ...(result.name ?? { title: result.heading, link: null }), updated: ctx.now() };
      chunks = format === 'atom' ? renderAtom(papers, meta) : renderRss(papers, meta);
      break;
    }
    case 'table': {
      // cli-table3, string-width (~9 ms) and chalk: only tables need them, never a list in a pipe.
      await Promise.all([loadTable(), loadChalk()]);
      const paint = terminalPaint(ctx.terminal.colorLevel);
      const highlight = opts.filters.grep;
      // Only a person sees a terminal table: it shows what is new and what was read.
      const marks = ctx.terminal.stdoutTTY ? tableMarks(ctx, papers) : undefined;
      const watches = opts.watches.length > 0;
      // --fields are the user's columns as given; otherwise the settings' columns, fitted to the papers.
      const columns = opts.fields ?? columnsFor(papers, opts.columns);
      const rows = renderTable(papers, { width: ctx.terminal.columns, paint, columns, highlight, marks, watches });
      const context =
        papers.length > 0 && ctx.terminal.stdoutTTY ? [paint.dim(truncate(sanitizeLine(contextLine(result, marks?.unseen)), ctx.terminal.columns))] : [];
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
  if (seen === 'always' && complete && !ctx.aborted) {
    const ids: string[] = [];
    for (let i = 0; i < papers.length; i++) if (papers[i]!.id !== null) ids.push(papers[i]!.id!);
    // A Ctrl-C from here on is too late to take the list back: the marks are written whole, not cut,
    // and then the run ends as interrupted (a second Ctrl-C, say during a wait for the lock, quits).
    if (ids.length > 0 || result.newThrough) await ctx.finishBeforeInterrupt(() => recordMarks(ctx.warn, () => ctx.marks().markSeen(ids, result.newThrough)));
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
