import type { ListOptions, RawOptions } from './listOptions.js';
import type { Paper, RankedPaper } from './paper.js';

/** A list command's result: the papers to show, how to show them, and what to say when there are none. */
export interface ListResult {
  papers: RankedPaper[];
  emptyNote: string;
  options: ListOptions;
}

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

/** A list result. */
export function listOf(papers: RankedPaper[], emptyNote: string, options: ListOptions): Result {
  return { kind: 'list', list: { papers, emptyNote, options } };
}
