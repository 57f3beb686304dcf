import type { Context } from '../context.js';
import type { ListOptions, RawOptions } from './listOptions.js';
import type { ShowFormat } from './formats.js';
import type { Linked, LINKED_FIELDS } from './linked.js';
import type { Field, Paper, RankedPaper } from './paper.js';
import type { Selected } from './rank.js';

/** A paper as `show` has it: with the repositories built on it when the paper API told (else null). */
export interface ShownPaper {
  paper: Paper;
  linked: Linked | null;
}

/** The fields `show --json` prints: a list's, plus the linked repositories and their totals. */
export type ShowField = Field | (typeof LINKED_FIELDS)[number];

/** A list command's result: the papers to show, how to show them, what the list is and what to say when it is empty. */
export interface ListResult {
  papers: RankedPaper[];
  /** How many matched the filters before the limit. */
  total: number;
  /** Which list this is, for the line over a table: `Daily Papers of Thu 2026-11-26`, `search "diffusion"`. */
  heading: string;
  emptyNote: string;
  options: ListOptions;
  /** The same list fetched afresh (`r` in the interactive reader), in the context the reader gives. */
  reload?: (ctx: Context) => Promise<ListResult>;
  /** The previous or next day's list (`[`/`]` in the reader), for day lists. */
  step?: (ctx: Context, delta: -1 | 1) => Promise<ListResult>;
  /** What the list is called as a feed (`--format atom|rss`), with its page on Hugging Face; else the heading names it. */
  name?: ListName;
  /** Whether printing it marks its papers seen: by default only a table on a terminal does. */
  seen?: 'always' | 'never';
  /** `papers new`: the newest day it covered, recorded with the marks once the list is out. */
  newThrough?: string;
}

/** What names a list where it leaves papers as a feed: a title and its web page, if any. */
export interface ListName {
  title: string;
  link: string | null;
}

/** What a list may carry for the interactive reader besides its papers. */
export type ReaderHooks = Pick<ListResult, 'reload' | 'step'>;

/** What a command hands back to the CLI to print: commands return data, the CLI decides how it looks. */
export type Result =
  | { kind: 'list'; list: ListResult }
  /** `show`: papers in the abstract view (`view`) or a format; `fields` for json. */
  | { kind: 'paper'; papers: ShownPaper[]; format: ShowFormat | 'view'; fields?: readonly ShowField[] }
  /** `show --full`: the paper's markdown, rendered on a terminal unless `raw`. */
  | { kind: 'fullText'; id: string; markdown: string; fetchedAt: number; raw: boolean }
  /** Plain lines; tab-separated fields are cleaned one by one. */
  | { kind: 'lines'; lines: string[] }
  /** A small table for a person (`cache ls` on a terminal): aligned under a header, then a last line. */
  | { kind: 'table'; columns: readonly GridColumn[]; rows: readonly GridRow[]; footer: string }
  /** Text papers wrote itself (a completion script), printed as it is. */
  | { kind: 'text'; text: string }
  | { kind: 'none' };

export const NOTHING: Result = { kind: 'none' };

/** A column of a small table: its header, its side, and whether it is the text cut to fit the width. */
export interface GridColumn {
  head: string;
  align: 'left' | 'right';
  cut?: boolean;
}

/** A row of a small table: its cells, in the columns' order; `dim` for a row that matters less (a stale entry). */
export interface GridRow {
  cells: readonly string[];
  dim?: boolean;
}

/** What a command is given: its positional words (in order, variadic ones included) and its options. */
export interface Invocation {
  args: readonly string[];
  options: RawOptions;
}

/** A list result: the selection shown, which list it is, the note for an empty one, and what else it carries. */
export function listOf(
  selected: Selected,
  heading: string,
  emptyNote: string,
  options: ListOptions,
  extra: ReaderHooks & { name?: ListName } & Pick<ListResult, 'seen' | 'newThrough'> = {},
): Result {
  return { kind: 'list', list: { ...selected, heading, emptyNote, options, ...extra } };
}

const HF_PAPERS = 'https://huggingface.co/papers';

/** The names of the lists papers makes, with the Hugging Face page that shows the same list. */
export const listNames = {
  day: (day: string): ListName => ({ title: `Hugging Face Daily Papers — ${day}`, link: `${HF_PAPERS}/date/${day}` }),
  period: (kind: 'week' | 'month', label: string): ListName => ({
    title: `Hugging Face Daily Papers — ${kind} ${label}`,
    link: `${HF_PAPERS}/${kind}/${label}`,
  }),
  search: (q: string): ListName => ({ title: `search: ${q}`, link: `${HF_PAPERS}?q=${encodeURIComponent(q)}` }),
  trending: (): ListName => ({ title: 'Hugging Face trending papers', link: `${HF_PAPERS}/trending` }),
  command: (words: string): ListName => ({ title: `papers ${words}`, link: null }),
};
