import type { Field } from './paper.js';

/** Output formats of `--format`. */
export const FORMATS = ['table', 'tsv', 'json', 'jsonl', 'csv', 'markdown', 'bibtex', 'atom', 'rss'] as const;
export type Format = (typeof FORMATS)[number];

/** Formats of `papers show --format` (with no format: the abstract view). */
export const SHOW_FORMATS = ['json', 'bibtex', 'markdown'] as const satisfies readonly Format[];
export type ShowFormat = (typeof SHOW_FORMATS)[number];

/** Formats whose columns `--fields` picks (the table's too: any field can be a column). */
export const FIELD_FORMATS = ['table', 'json', 'jsonl', 'tsv', 'csv'] as const satisfies readonly Format[];

/** Columns the terminal table can show (`papers config set columns ...`); the title always comes last. */
export const TABLE_COLUMNS = ['rank', 'upvotes', 'comments', 'id', 'day', 'stars', 'title'] as const;
export type TableColumn = (typeof TABLE_COLUMNS)[number];
/** The table's default columns, which are also TSV's default fields. */
export const DEFAULT_TABLE_COLUMNS = ['rank', 'upvotes', 'comments', 'id', 'title'] as const satisfies readonly (TableColumn & Field)[];
