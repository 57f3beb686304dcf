import type { Field } from './paper.js';

/** Output formats of `--format`. */
export const FORMATS = ['table', 'tsv', 'json', 'jsonl', 'csv', 'markdown', 'bibtex'] as const;
export type Format = (typeof FORMATS)[number];

/** Formats whose columns `--fields` picks. */
export const FIELD_FORMATS = ['json', 'jsonl', 'tsv', 'csv'] as const satisfies readonly Format[];

/** Columns the terminal table can show (`papers config set columns ...`); the title always comes last. */
export const TABLE_COLUMNS = ['rank', 'upvotes', 'comments', 'id', 'day', 'stars', 'title'] as const;
export type TableColumn = (typeof TABLE_COLUMNS)[number];
export const DEFAULT_TABLE_COLUMNS: readonly TableColumn[] = ['rank', 'upvotes', 'comments', 'id', 'title'];

/** The paper field behind a table column. */
export const COLUMN_FIELD: Record<TableColumn, Field> = {
  rank: 'rank', upvotes: 'upvotes', comments: 'comments', id: 'id', day: 'day', stars: 'githubStars', title: 'title',
};
