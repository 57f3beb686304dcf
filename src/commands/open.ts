import { httpUrl } from '../core/coerce.js';
import { EXIT, NotFoundError, PapersError, UsageError } from '../core/errors.js';
import { sanitizeLine } from '../core/sanitize.js';
import { flagOption, parseNet, type Net } from '../core/listOptions.js';
import { linksFor } from '../core/paper.js';
import { NOTHING, type Invocation, type Result } from '../core/result.js';
import type { Context } from '../context.js';
import { assertOpenable, openUrl } from '../io/browser.js';
import { recordMarks } from '../io/marksStore.js';
import { lookupPaper, resolveRef } from '../sources/paper.js';

const TARGETS = ['pdf', 'code', 'hf'] as const;
type Target = 'abs' | (typeof TARGETS)[number];

/** The link `papers open` opens: arXiv abstract by default; code needs the paper's data, the rest do not. */
async function linkFor(ctx: Context, id: string, target: Target, net: Net): Promise<string> {
  if (target === 'code') {
    const paper = await lookupPaper(ctx, id, net);
    if (!paper.githubRepo) throw new NotFoundError(`no code link known for ${id}`, 'try papers show to see its links');
    // Printed, said and opened as its normalised URL: never the feed's raw text.
    const href = httpUrl(paper.githubRepo);
    if (!href) throw new PapersError(`refusing to open the code link of ${id}: not an http or https URL`, 1, 'only http and https links are opened');
    return href;
  }
  const links = linksFor(id);
  const url = target === 'pdf' ? links.pdfUrl : target === 'hf' ? links.url : links.arxivUrl;
  if (!url) throw new NotFoundError(`Hugging Face has no page for ${id}`, 'old-style arXiv ids are on arXiv only');
  return url;
}

/** `papers open <ref>`: opens the link in the browser, or prints it (`--print`, or when no opener exists). */
export async function run(ctx: Context, { args, options }: Invocation): Promise<Result> {
  const targets = TARGETS.filter((t) => flagOption(options, t));
  if (targets.length > 1) throw new UsageError(`--${targets.join(' and --')} contradict each other; give one`);
  const print = flagOption(options, 'print');
  const id = resolveRef(ctx, args[0] ?? '');
  const url = await linkFor(ctx, id, targets[0] ?? 'abs', parseNet(options));
  assertOpenable(url);
  await ctx.spinner.stop();
  if (print) return { kind: 'lines', lines: [url] };
  const terminal = ctx.terminal.stdoutTTY && Boolean(ctx.stdin().isTTY);
  // A terminal browser owns Ctrl-C while it runs, as a pager does.
  const start = () => openUrl(url, ctx.env, ctx.platform, { terminal });
  const opened = await (terminal ? ctx.deferInterrupts(start) : start());
  if (opened.kind === 'none') {
    ctx.note('no browser to open it with (set $BROWSER); here is the link');
    return { kind: 'lines', lines: [url] };
  }
  if (opened.kind === 'failed') {
    throw new PapersError(`${opened.command} could not open the link: ${sanitizeLine(opened.message)}`, EXIT.failure, `open it yourself: ${url}`);
  }
  await recordMarks(ctx.warn, () => ctx.marks().markRead([id]));
  ctx.note(`opened ${url}`);
  return NOTHING;
}
