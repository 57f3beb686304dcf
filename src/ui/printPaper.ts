import { renderStamp } from '../core/renderCopy.js';
import type { Result, ShownPaper } from '../core/result.js';
import type { Context } from '../context.js';
import { writeChunks } from '../io/output.js';
import { renderAbstract } from '../render/abstract.js';
import { renderBibtex } from '../render/bibtex.js';
import { cleanMarkdown } from '../render/fullText.js';
import { toJson } from '../render/json.js';
import { renderPaperMarkdown } from '../render/paperMarkdown.js';
import { showObject } from '../render/showJson.js';
import { loadTextWidth } from '../render/text.js';
import { loadChalk, terminalPaint } from './chalkPaint.js';
import { renderFullText } from './fullText.js';
import { readRenderCopy, writeRenderCopy } from './renderCopy.js';
import { page } from './pager.js';
import { VERSION } from '../version.js';

type PaperResult = Extract<Result, { kind: 'paper' }>;
type FullTextResult = Extract<Result, { kind: 'fullText' }>;

/** Text on a terminal, paged through $PAGER when taller than it; else written as it is. */
async function show(ctx: Context, text: string): Promise<void> {
  const { rows } = ctx.terminal;
  if (rows !== null && text.split('\n').length > rows) {
    if (await ctx.deferInterrupts(() => page(text, ctx.env))) return;
  }
  await writeChunks(ctx.stdout, [text]);
}

/** `papers show`: each paper in the abstract view (a rule between them), or as JSON lines, BibTeX or markdown. */
export async function printPapers(ctx: Context, { papers, format, fields }: PaperResult): Promise<void> {
  switch (format) {
    case 'json': {
      await writeChunks(
        ctx.stdout,
        papers.map((p) => `${toJson(showObject(p, fields))}\n`),
      );
      return;
    }
    case 'bibtex': {
      await writeChunks(ctx.stdout, renderBibtex(papers.map((p, i) => ({ ...p.paper, rank: i + 1, watches: [] }))));
      return;
    }
    case 'markdown': {
      await writeChunks(ctx.stdout, [papers.map((p: ShownPaper) => renderPaperMarkdown(p.paper, p.linked)).join('\n')]);
      return;
    }
    case 'view': {
      await Promise.all([loadChalk(), loadTextWidth()]);
      const width = ctx.terminal.columns;
      const paint = terminalPaint(ctx.terminal.colorLevel);
      const views = papers.map((p) => renderAbstract(p.paper, { width, paint, ...(p.linked ? { linked: p.linked } : {}) }).join('\n'));
      await show(ctx, `${views.join(`\n\n${paint.dim('─'.repeat(Math.min(width, 40)))}\n\n`)}\n`);
      return;
    }
  }
}

/**
 * `papers show --full`: rendered on a terminal; piped or `--raw`, the markdown as served, cleaned. A
 * render is kept in the cache, stamped with what it depends on (ui/renderCopy.ts): shown again for the
 * same text on a terminal of the same width and colour, it is printed without marked. The copy is
 * written once the text is out (or the pager has ended), so a first render shows no later for it.
 */
export async function printFullText(ctx: Context, result: FullTextResult): Promise<void> {
  if (result.raw || !ctx.terminal.stdoutTTY) {
    await writeChunks(ctx.stdout, [cleanMarkdown(result.markdown)]);
    return;
  }
  const { columns, colorLevel } = ctx.terminal;
  const stamp = renderStamp(VERSION, result, columns, colorLevel);
  const cache = ctx.cache();
  const copy = readRenderCopy(cache, result.id, stamp);
  if (copy !== null) {
    ctx.debug(`the full text of ${result.id}: rendered copy from the cache`);
    await show(ctx, copy);
    return;
  }
  const text = await renderFullText(result.markdown, columns, colorLevel);
  await show(ctx, text);
  const failed = writeRenderCopy(cache, result.id, stamp, text);
  if (failed !== null) ctx.debug(`${failed}; the text will be rendered again next time`);
}
