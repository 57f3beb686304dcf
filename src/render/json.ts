import type { Field, RankedPaper } from '../core/paper.js';
import { escapeJsonText } from '../core/sanitize.js';
import { pick } from './fields.js';

/** One JSON value with no raw control or bidi character: safe to print, lossless to parse. */
export function toJson(value: unknown): string {
  return escapeJsonText(JSON.stringify(value));
}

/** `--json`: one array, one paper per line, yielded piece by piece so a huge list is never one string. */
export function* renderJson(papers: readonly RankedPaper[], fields?: readonly Field[]): Generator<string> {
  if (papers.length === 0) {
    yield '[]\n';
    return;
  }
  for (let i = 0; i < papers.length; i++) {
    yield `${i === 0 ? '[\n' : ',\n'}${toJson(pick(papers[i]!, fields))}`;
  }
  yield '\n]\n';
}

/** `--format jsonl`: one object per line. */
export function* renderJsonl(papers: readonly RankedPaper[], fields?: readonly Field[]): Generator<string> {
  for (const paper of papers) yield `${toJson(pick(paper, fields))}\n`;
}
