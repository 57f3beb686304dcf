import type { RankedPaper } from '../core/paper.js';
import type { Context } from '../context.js';
import type { ListOptions } from '../commands/listOptions.js';
import { writeChunks } from '../io/output.js';
import { renderJson, renderJsonl } from '../render/json.js';
import { renderTsv } from '../render/tsv.js';

/** A list command's result: the papers to show and what to say when there are none. */
export interface ListResult {
  papers: RankedPaper[];
  emptyNote: string;
}

/** Prints a list in the chosen format: a table on a terminal, TSV in a pipe, unless --format/--json say. */
export async function printList(ctx: Context, result: ListResult, opts: Pick<ListOptions, 'format' | 'fields'>): Promise<void> {
  await ctx.spinner.stop();
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
    case 'table': {
      const [{ renderTable }, { terminalPaint }] = await Promise.all([import('../render/table.js'), import('./paint.js')]);
      const paint = terminalPaint(ctx.terminal.colorLevel);
      chunks = renderTable(papers, { width: ctx.terminal.columns, paint }).map((line) => `${line}\n`);
      break;
    }
  }
  await writeChunks(ctx.stdout, chunks);
}
