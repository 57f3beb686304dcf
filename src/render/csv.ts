import { FIELDS, type Field, type RankedPaper } from '../core/paper.js';
import { sanitizeBlock } from '../core/sanitize.js';
import { cellText } from './fields.js';

/** One RFC 4180 field: quoted when it holds a comma, a quote or a line break; quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * A cell a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, or a tab or carriage return
 * first) gets a leading `'`, so that a hostile title cannot run one; plain numbers stay numbers.
 */
function defuseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) && !/^-?\d+(?:\.\d+)?$/.test(value) ? `'${value}` : value;
}

/** `--format csv`: a header row, then one row per paper (CRLF line ends); every field unless `--fields` says. */
export function* renderCsv(papers: readonly RankedPaper[], fields: readonly Field[] = FIELDS): Generator<string> {
  yield `${fields.map(csvField).join(',')}\r\n`;
  for (const paper of papers) {
    // Line breaks inside a value are kept (quoted); terminal controls are not.
    yield `${fields.map((f) => csvField(defuseFormula(sanitizeBlock(cellText(paper, f))))).join(',')}\r\n`;
  }
}
