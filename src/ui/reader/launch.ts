import { PapersError } from '../../core/errors.js';
import type { PaperDetail } from '../../core/linked.js';
import { isHfId, type Paper } from '../../core/paper.js';
import type { ListResult } from '../../core/result.js';
import type { Context, TtyStreams } from '../../context.js';
import { openUrl } from '../../io/browser.js';
import { HttpClient } from '../../io/http.js';
import { VERSION } from '../../version.js';
import { lookupPaper } from '../../sources/paper.js';
import { savePapers, unsavePapers } from '../../sources/readingList.js';
import { loadFullText } from '../../sources/fullText.js';
import { loadTextWidth } from '../../render/text.js';
import { loadChalk } from '../chalkPaint.js';
import { linkOf } from './keys.js';
import type { ReaderList, ReaderProps } from './props.js';
import { giveBack, paintFirstFrame } from './screen.js';

const listFor = (list: ListResult): ReaderList => ({ title: list.heading, papers: list.papers });

/**
 * The context the reader's callbacks run in: nothing may write over the screen, so notes and
 * warnings are kept for after (and the spinner is stopped: the status line spins instead); each
 * network action gets its own HTTP client, with its own --timeout deadline, as a command would.
 */
function quietContext(ctx: Context, said: string[]): { ctx: Context; close: () => Promise<void> } {
  const clients: HttpClient[] = [];
  const quiet: Context = {
    ...ctx,
    note: () => undefined,
    warn: (m) => void said.push(`papers: warning: ${m}`),
    debug: () => undefined,
    async http(timeoutMs) {
      const client = new HttpClient({ userAgent: `papers/${VERSION}`, deadline: Date.now() + timeoutMs, signal: ctx.signal, env: ctx.env });
      clients.push(client);
      return client;
    },
  };
  return { ctx: quiet, close: async () => void (await Promise.all(clients.map((c) => c.close()))) };
}

/** A paper lacks what the detail view shows when it has no authors or no abstract (a search result, a feed item). */
const incomplete = (p: Paper): boolean => p.id !== null && (p.authors.length === 0 || !p.summary);

/**
 * `-i`: the list in the interactive reader, its keys wired to the reading list, the browser opener
 * and the sources; resolves to the exit code (0 on q, 130 on Ctrl-C, 143 on SIGTERM).
 * Moving onto a paper marks it seen and opening it marks it read, in the marks store (`papers new`,
 * `--unseen`, `--unread` see them); papers new when the reader opened keep their mark while it runs.
 */
export async function readList(ctx: Context, list: ListResult, tty: TtyStreams): Promise<number> {
  await ctx.spinner.stop();
  const said: string[] = [];
  const quiet = quietContext(ctx, said);
  const net = list.options;
  const saved = new Set((await ctx.settings().read()).saved.map((e) => e.paper.id));
  const marks = ctx.marks();
  // Whether a paper was new is decided when the reader first shows it, and kept while it runs.
  const wasNew = new Map<string, boolean>();
  const isNew = (id: string): boolean => {
    if (!wasNew.has(id)) wasNew.set(id, !marks.isSeen(id));
    return wasNew.get(id)!;
  };
  for (const p of list.papers) if (p.id !== null) isNew(p.id);
  const readNow = new Map<string, boolean>();
  let current = list;
  const props: Omit<ReaderProps, 'onQuit'> = {
    ...listFor(list),
    colorLevel: ctx.terminal.colorLevel,
    isSaved: (id) => saved.has(id),
    isNew,
    // A failed write of the marks is shown in the status line, and the reader goes on.
    onSeen: (id) => marks.markSeen([id]),
    isRead: (id) => readNow.get(id) ?? marks.isRead(id),
    onRead: async (id, isRead) => {
      readNow.set(id, isRead);
      await marks.markRead([id], isRead);
    },
    onOpen: async (paper, link) => {
      const url = linkOf(paper, link);
      if (url === null) return;
      // The reader holds the terminal: only a graphical opener is started from it.
      const opened = await openUrl(url, ctx.env, ctx.platform, { terminal: false });
      if (opened.kind === 'none') throw new PapersError(`no browser to open ${url} with`, 1, 'set $BROWSER');
      if (opened.kind === 'failed') throw new PapersError(`${opened.command} could not open ${url}: ${opened.message}`, 1);
    },
    onToggleSave: async (paper) => {
      if (paper.id === null) throw new PapersError('a paper without an arXiv id cannot be saved', 1);
      if (saved.has(paper.id)) {
        await unsavePapers(quiet.ctx, [paper.id]);
        saved.delete(paper.id);
        return false;
      }
      // The linked repositories a lookup brought stay in the cache, not the reading list (as `papers save`).
      const { linked: _linked, ...plain } = paper as PaperDetail;
      await savePapers(quiet.ctx, [plain]);
      saved.add(paper.id);
      return true;
    },
    // As `papers show`: the paper API (cached), for what the list lacks and the repositories built on it.
    loadDetail: async (paper) => {
      if (paper.id === null || (!incomplete(paper) && !isHfId(paper.id))) return paper;
      try {
        return await lookupPaper(quiet.ctx, paper.id, net, true);
      } catch (error) {
        // Offline and not cached: the list's copy is enough when it is complete, else the reading list's.
        if (!incomplete(paper)) return paper;
        const entry = (await ctx.settings().read()).saved.find((e) => e.paper.id === paper.id);
        if (entry) return entry.paper;
        throw error;
      }
    },
    // `f`: the whole paper as Hugging Face serves it (markdown), through the same cache as show --full.
    loadFullText: async (paper) => {
      if (paper.id === null) throw new PapersError('a paper without an arXiv id has no full text', 1);
      return (await loadFullText(quiet.ctx, paper.id, net)).markdown;
    },
    ...(list.reload && {
      onRefresh: async () => listFor((current = await current.reload!(quiet.ctx))),
    }),
    ...(list.step && {
      onDay: async (delta: -1 | 1) => listFor((current = await current.step!(quiet.ctx, delta))),
    }),
  };
  try {
    await Promise.all([loadChalk(), loadTextWidth()]);
    const streams = { ...tty, process };
    // The list is on the screen before ink and React are loaded: they are what takes time here.
    const painted = paintFirstFrame(props, streams);
    let runReader: typeof import('./run.js').runReader;
    try {
      ({ runReader } = await import('./run.js'));
    } catch (error) {
      painted.release();
      giveBack(streams);
      throw error;
    }
    return await runReader(props, streams, painted);
  } finally {
    await quiet.close();
    for (const line of said) ctx.warn(line.replace(/^papers: warning: /, ''));
  }
}
