import { useRef, useState } from 'react';
import type { PaperDetail } from '../../core/linked.js';
import { factsOf } from './frame.js';
import { linkOf, type Command, type LinkKind } from './keys.js';
import type { ReaderProps } from './props.js';
import { current, reduce, type Action, type ReaderState } from './state.js';
import type { Status } from './statusLine.js';

const LINK_NAMES: Record<LinkKind, string> = { abs: 'arXiv page', pdf: 'PDF', code: 'code', hf: 'Hugging Face page' };

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The reader's state and the effects of its keys. The state lives in a ref, changed synchronously
 * by every key, so keys typed faster than frames are drawn (a filter, `j j Enter`) each see the
 * state the one before left. Moving onto a paper marks it seen, opening it marks it read and loads
 * what the list lacks; every effect reports in the status line: a spinner while it runs, a note
 * when done, its message when it fails (never a stack over the screen).
 */
export function useReaderState(props: ReaderProps, initial: () => ReaderState) {
  const [, setVersion] = useState(0);
  const redraw = () => setVersion((v) => v + 1);
  const ref = useRef<ReaderState | null>(null);
  ref.current ??= initial();
  const status = useRef<Status>(null);
  const details = useRef(new Map<string, PaperDetail>()).current;
  const texts = useRef(new Map<string, string>()).current;
  const full = useRef(false);

  const setStatus = (next: Status) => {
    status.current = next;
    redraw();
  };

  /** Runs one effect with a status line; a rejection becomes an error in it. */
  const attempt = async <T>(busy: string | null, work: () => T | Promise<T>, done?: (value: T) => string | null): Promise<void> => {
    if (busy !== null) setStatus({ kind: 'busy', text: busy });
    try {
      const value = await work();
      const note = done ? done(value) : null;
      if (busy !== null || note !== null) setStatus(note === null ? null : { kind: 'note', text: note });
    } catch (error) {
      setStatus({ kind: 'error', text: messageOf(error) });
    } finally {
      redraw();
    }
  };

  /** What follows a move: seen on landing in the list, read and details on opening. */
  const arrived = (before: ReaderState, after: ReaderState) => {
    const paper = current(after);
    const id = paper?.id ?? null;
    if (paper === undefined || id === null) return;
    if (after.view === 'list' && (before.view !== 'list' || current(before)?.id !== id) && props.onSeen) {
      void attempt(null, () => props.onSeen!(id));
    }
    if (after.view === 'detail' && before.view === 'list') {
      full.current = false;
      if (props.onRead) void attempt(null, () => props.onRead!(id, true));
      if (props.loadDetail && !details.has(id)) {
        void attempt('loading the paper…', async () => details.set(id, await props.loadDetail!(paper)));
      }
    }
  };

  const apply = (action: Action) => {
    const before = ref.current!;
    ref.current = reduce(before, action);
    redraw();
    arrived(before, ref.current);
  };

  const facts = factsOf(props);

  const perform = (command: Exclude<Command, { kind: 'state' }>): void => {
    if (command.kind === 'quit') return props.onQuit(command.code);
    if (command.kind === 'day' || command.kind === 'refresh') {
      const load = command.kind === 'day' ? props.onDay && (() => props.onDay!(command.delta)) : props.onRefresh;
      if (!load) return setStatus({ kind: 'note', text: command.kind === 'day' ? '[ and ] move between days on day lists' : 'this list cannot be refreshed' });
      void attempt(command.kind === 'day' ? 'loading the day…' : 'refreshing…', load, (list) => {
        apply({ type: 'load', title: list.title, papers: list.papers, keep: command.kind === 'refresh' });
        return null;
      });
      return;
    }
    const paper = current(ref.current!);
    if (paper === undefined) return;
    const id = paper.id;
    const known = (id !== null && details.get(id)) || paper;
    switch (command.kind) {
      case 'open':
        if (linkOf(known, command.link) === null) return setStatus({ kind: 'note', text: `no ${LINK_NAMES[command.link]} known for this paper` });
        void attempt(
          null,
          () => props.onOpen(known, command.link),
          () => `opened the ${LINK_NAMES[command.link]}`,
        );
        return;
      case 'save':
        void attempt(
          null,
          () => props.onToggleSave(known),
          (saved) => (saved ? 'saved to the reading list' : 'removed from the reading list'),
        );
        return;
      case 'mark': {
        if (id === null || !props.onRead) return setStatus({ kind: 'note', text: 'read marks need a paper id' });
        const read = !(props.isRead?.(id) ?? false);
        void attempt(
          null,
          () => props.onRead!(id, read),
          () => (read ? 'marked read' : 'marked unread'),
        );
        return;
      }
      case 'fullText':
        if (!props.loadFullText || id === null) return setStatus({ kind: 'note', text: 'the whole paper is not available here' });
        if (texts.has(id)) {
          full.current = !full.current;
          return apply({ type: 'scroll', delta: -Infinity, lines: 0 });
        }
        void attempt('loading the whole paper…', async () => {
          texts.set(id, await props.loadFullText!(known));
          if (current(ref.current!)?.id === id && ref.current!.view === 'detail') {
            full.current = true;
            apply({ type: 'scroll', delta: -Infinity, lines: 0 });
          }
        });
        return;
    }
  };

  return {
    state: () => ref.current!,
    status: () => status.current,
    /** The paper the detail view shows: fetched details when there are some. */
    shown: (s: ReaderState) => {
      const paper = current(s);
      return paper && paper.id !== null ? (details.get(paper.id) ?? paper) : paper;
    },
    fullText: (s: ReaderState) => {
      const id = current(s)?.id;
      return full.current && id != null ? texts.get(id) : undefined;
    },
    apply,
    arrived,
    facts,
    perform,
    setStatus,
  };
}
