import type { PaperDetail } from '../../core/linked.js';
import type { Paper, RankedPaper } from '../../core/paper.js';
import type { LinkKind } from './keys.js';

/** A list the reader shows: its header title and its papers, ranked, each with the watches it matches. */
export interface ReaderList {
  title: string;
  papers: RankedPaper[];
}

/**
 * What the reader is given: the list, what is known of each paper, and the effects of its keys.
 * The reader owns no store and no network: every effect is a callback, so it is tested with fakes
 * and the commands wire in the real marks, reading list, browser and sources.
 */
export interface ReaderProps extends ReaderList {
  /** Colour level 0..3 (0: none). */
  colorLevel?: 0 | 1 | 2 | 3;
  isNew?(id: string): boolean;
  isRead?(id: string): boolean;
  isSaved(id: string): boolean;
  /** The cursor moved onto a paper. */
  onSeen?(id: string): void | Promise<void>;
  /** Opened in the detail view (true), or `m` pressed. */
  onRead?(id: string, read: boolean): void | Promise<void>;
  onOpen(paper: Paper, link: LinkKind): void | Promise<void>;
  /** `s`: saves or unsaves; resolves to whether the paper is saved now. */
  onToggleSave(paper: Paper): boolean | Promise<boolean>;
  /** The paper in full, for the detail view (authors of a search result, say; the repositories built on it). */
  loadDetail?(paper: Paper): Promise<PaperDetail>;
  /** `f`: the whole paper's text. */
  loadFullText?(paper: Paper): Promise<string>;
  /** `[`/`]` on day lists. */
  onDay?(delta: -1 | 1): Promise<ReaderList>;
  /** `r`: the same list from the network. */
  onRefresh?(): Promise<ReaderList>;
  /** `q` (0) or Ctrl-C (130): the reader is done. */
  onQuit(code: 0 | 130): void;
}
