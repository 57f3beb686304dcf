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
  /** Whether printing it marks its papers seen: by default only a table on a terminal does. */
  seen?: 'always' | 'never';
  /** `papers new`: the newest day it covered, recorded with the marks once the list is out. */
  newThrough?: string;
}

/** What a command hands back to the CLI to print: commands return data, the CLI decides how it looks. */
export type Result =
  | { kind: 'list'; list: ListResult }
  /** One paper in full, with the names of the watches it matches. */
  | { kind: 'paper'; paper: Paper; json: boolean; watches?: string[] }
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

/** A list result: the selection shown, which list it is, the note for an empty one, and how showing it marks it. */
export function listOf(
  selected: Selected,
  heading: string,
  emptyNote: string,
  options: ListOptions,
  marking: Pick<ListResult, 'seen' | 'newThrough'> = {},
): Result {
  return { kind: 'list', list: { ...selected, heading, emptyNote, options, ...marking } };
}
