import type { Paper } from '../../core/paper.js';
import type { Action, ReaderState } from './state.js';

/** The parts of ink's key event the reader reads. */
export interface KeyEvent {
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  home?: boolean;
  end?: boolean;
  return?: boolean;
  escape?: boolean;
  ctrl?: boolean;
  meta?: boolean;
  backspace?: boolean;
  delete?: boolean;
  tab?: boolean;
}

/** Links `o p c h` open. */
export type LinkKind = 'abs' | 'pdf' | 'code' | 'hf';

/** The address a link key opens, or null when the paper has none. */
export function linkOf(paper: Paper, link: LinkKind): string | null {
  if (link === 'abs') return paper.arxivUrl;
  if (link === 'pdf') return paper.pdfUrl;
  if (link === 'code') return paper.githubRepo;
  return paper.url;
}

/** What a key asks for: a state change, or an effect the reader performs with its callbacks. */
export type Command =
  | { kind: 'state'; action: Action }
  | { kind: 'open'; link: LinkKind }
  | { kind: 'save' }
  | { kind: 'mark' }
  | { kind: 'day'; delta: -1 | 1 }
  | { kind: 'refresh' }
  | { kind: 'fullText' }
  | { kind: 'quit'; code: 0 | 130 };

const CONTROL_KEYS: Record<string, KeyEvent> = {
  '\r': { return: true },
  '\n': { return: true },
  '\x7f': { backspace: true },
  '\b': { backspace: true },
  '\t': { tab: true },
};

/**
 * One key event per character. A terminal sends keys typed faster than they are read, and tmux's
 * send-keys and a paste send them, as one chunk, which ink passes on as one input ("jj\r").
 */
export function splitKeys(input: string, key: KeyEvent): [string, KeyEvent][] {
  const chars = [...input];
  if (chars.length <= 1 || key.ctrl || key.meta || key.escape) return [[input, key]];
  return chars.map((c) => (c === '\x03' ? ['c', { ctrl: true }] : c in CONTROL_KEYS ? ['', CONTROL_KEYS[c]!] : [c, {}]));
}

const state = (action: Action): Command => ({ kind: 'state', action });
const LINKS: Record<string, LinkKind> = { o: 'abs', p: 'pdf', c: 'code', h: 'hf' };

/** Keys both views share: links, save, read mark, help, quit. */
function common(input: string): Command | null {
  const link = LINKS[input];
  if (link) return { kind: 'open', link };
  if (input === 's') return { kind: 'save' };
  if (input === 'm') return { kind: 'mark' };
  if (input === '?') return state({ type: 'help' });
  return null;
}

/** Reads one key press in the light of the view; null when the key means nothing there. */
export function commandFor(s: ReaderState, input: string, key: KeyEvent, detailLines: number): Command | null {
  if (key.ctrl && input === 'c') return { kind: 'quit', code: 130 };
  if (s.view === 'help') {
    if (input === 'q' || input === '?' || key.escape || key.leftArrow || key.return) return state({ type: 'back' });
    return null;
  }
  if (s.view === 'list' && s.filtering) {
    if (key.return) return state({ type: 'filterKeep' });
    if (key.escape) return state({ type: 'filterClear' });
    if (key.backspace || key.delete) return state({ type: 'filterErase' });
    if (key.upArrow) return state({ type: 'move', delta: -1 });
    if (key.downArrow) return state({ type: 'move', delta: 1 });
    if (key.ctrl || key.meta || key.tab || input === '') return null;
    return state({ type: 'filterType', text: input });
  }
  if (s.view === 'detail') {
    const lines = detailLines;
    if (input === 'q' || key.escape || key.leftArrow) return state({ type: 'back' });
    if (input === 'j' || key.downArrow) return state({ type: 'scroll', delta: 1, lines });
    if (input === 'k' || key.upArrow) return state({ type: 'scroll', delta: -1, lines });
    if (input === ' ' || key.pageDown) return state({ type: 'scrollPage', direction: 1, lines });
    if (key.pageUp) return state({ type: 'scrollPage', direction: -1, lines });
    if (input === 'g' || key.home) return state({ type: 'scroll', delta: -Infinity, lines });
    if (input === 'G' || key.end) return state({ type: 'scroll', delta: Infinity, lines });
    if (input === 'f') return { kind: 'fullText' };
    return common(input);
  }
  if (input === 'q') return { kind: 'quit', code: 0 };
  if (key.escape && s.filter !== '') return state({ type: 'filterClear' });
  if (input === 'j' || key.downArrow) return state({ type: 'move', delta: 1 });
  if (input === 'k' || key.upArrow) return state({ type: 'move', delta: -1 });
  if (key.pageDown) return state({ type: 'page', direction: 1 });
  if (key.pageUp) return state({ type: 'page', direction: -1 });
  if (input === 'g' || key.home) return state({ type: 'first' });
  if (input === 'G' || key.end) return state({ type: 'last' });
  if (key.return) return state({ type: 'open' });
  if (input === '/') return state({ type: 'filterStart' });
  if (input === '[') return { kind: 'day', delta: -1 };
  if (input === ']') return { kind: 'day', delta: 1 };
  if (input === 'r') return { kind: 'refresh' };
  return common(input);
}
