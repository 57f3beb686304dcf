import { NotFoundError } from '../core/errors.js';
import { linksFor } from '../core/paper.js';
import type { Context } from '../context.js';
import { assertOpenable, openUrl } from '../io/browser.js';
import type { Net } from './daily.js';
import { lookupPaper, resolveRef } from './lookup.js';

export type Target = 'abs' | 'pdf' | 'code' | 'hf';

/** The link `papers open` opens: arXiv abstract by default; code needs the paper's data, the rest do not. */
export async function linkFor(ctx: Context, ref: string, target: Target, net: Net): Promise<string> {
  const id = resolveRef(ctx, ref);
  if (target === 'code') {
    const paper = await lookupPaper(ctx, id, net);
    if (!paper.githubRepo) throw new NotFoundError(`no code link known for ${id}`, 'try papers show to see its links');
    return paper.githubRepo;
  }
  const links = linksFor(id);
  const url = target === 'pdf' ? links.pdfUrl : target === 'hf' ? links.url : links.arxivUrl;
  if (!url) throw new NotFoundError(`Hugging Face has no page for ${id}`, 'old-style arXiv ids are on arXiv only');
  return url;
}

/** `papers open <ref>`: opens the link in the browser, or prints it (`--print`, or when no opener exists). */
export async function open(ctx: Context, ref: string, target: Target, print: boolean, net: Net): Promise<void> {
  const url = await linkFor(ctx, ref, target, net);
  assertOpenable(url);
  await ctx.spinner.stop();
  if (print || !(await openUrl(url, ctx.env, ctx.platform))) {
    if (!print) ctx.note('no browser to open it with (set $BROWSER); here is the link');
    await ctx.stdout.write(`${url}\n`);
    return;
  }
  ctx.note(`opened ${url}`);
}
