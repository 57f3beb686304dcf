import type { Context } from '../context.js';
import type { ListOptions, RawOptions } from './listOptions.js';
import type { Paper, RankedPaper } from './paper.js';
import type { Selected } from './rank.js';

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
}

/** What a list may carry for the interactive reader besides its papers. */
export type ReaderHooks = Pick<ListResult, 'reload' | 'step'>;

/** What a command hands back to the CLI to print: commands return data, the CLI decides how it looks. */
export type Result =
  | { kind: 'list'; list: ListResult }
  | { kind: 'paper'; paper: Paper; json: boolean }
  /** Plain lines; tab-separated fields are cleaned one by one. */
  | { kind: 'lines'; lines: string[] }
  /** Text papers wrote itself (a completion script), printed as it is. */
  | { kind: 'text'; text: string }
  | { kind: 'none' };

export const NOTHING: Result = { kind: 'none' };

/** What a command is given: its positional words (in order, variadic ones included) and its options. */
export interface Invocation {
  args: readonly string[];
  options: RawOptions;
}

/** A list result: the selection shown, which list it is, and the note for an empty one. */
export function listOf(selected: Selected, heading: string, emptyNote: string, options: ListOptions, hooks: ReaderHooks = {}): Result {
  return { kind: 'list', list: { ...selected, heading, emptyNote, options, ...hooks } };
}
