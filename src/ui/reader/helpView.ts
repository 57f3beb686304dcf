import { truncate } from '../../render/text.js';
import type { ReaderPaint } from './paint.js';

/** The keys, as the help view and the README list them. */
const LIST_KEYS: readonly (readonly [string, string])[] = [
  ['↑ ↓  j k', 'move'],
  ['PgUp PgDn', 'a page up or down'],
  ['g G', 'first or last paper'],
  ['Enter', 'read the paper (detail view)'],
  ['o p c h', 'open its arXiv page, PDF, code, Hugging Face page'],
  ['s', 'save to or remove from the reading list'],
  ['m', 'mark read or unread'],
  ['/', 'filter as you type (Enter keeps it, Esc clears it)'],
  ['[ ]', 'previous or next day (day lists)'],
  ['r', 'refresh from the network'],
  ['?', 'this help'],
  ['q  Ctrl-C', 'quit'],
];

const DETAIL_KEYS: readonly (readonly [string, string])[] = [
  ['j k  ↑ ↓', 'scroll a line'],
  ['Space PgDn PgUp', 'scroll a page'],
  ['f', 'the whole paper, when Hugging Face has it'],
  ['o p c h s m', 'as in the list'],
  ['Esc q ←', 'back to the list'],
];

/** The help screen, every line within `columns`. */
export function helpLines(columns: number, paint: ReaderPaint): string[] {
  const w = Math.max(...[...LIST_KEYS, ...DETAIL_KEYS].map(([k]) => k.length)) + 2;
  const section = (title: string, keys: typeof LIST_KEYS) => [paint.bold(title), ...keys.map(([k, what]) => truncate(`  ${k.padEnd(w)}${what}`, columns))];
  return [...section('List', LIST_KEYS), '', ...section('Paper', DETAIL_KEYS), '', paint.dim('Esc, q or ? closes this help')];
}
