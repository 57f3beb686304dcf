import { UsageError } from '../core/errors.js';
import { pattern, type Filters } from '../core/filter.js';
import { FIELDS, type Field } from '../core/paper.js';
import { SORT_KEYS, type SortKey } from '../core/rank.js';
import { DEFAULT_TABLE_COLUMNS, FIELD_FORMATS, FORMATS, type Format, type TableColumn } from '../core/formats.js';
import type { Settings } from '../core/settings.js';

/** Raw options as commander hands them over. */
export interface RawListOptions {
  limit?: string;
  sort?: string;
  grep?: string[];
  exclude?: string[];
  minUpvotes?: string;
  hasCode?: boolean;
  reverse?: boolean;
  json?: boolean;
  format?: string;
  fields?: string;
  offline?: boolean;
  refresh?: boolean;
  timeout?: string;
}

export interface ListOptions {
  limit: number;
  filters: Filters;
  sort: SortKey;
  reverse: boolean;
  format: Format | undefined;
  fields: Field[] | undefined;
  /** Columns of the terminal table. */
  columns: readonly TableColumn[];
  offline: boolean;
  refresh: boolean;
  timeout: number;
}

/** A whole number within bounds, or a usage error naming the option. */
export function wholeNumber(value: string, option: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`${option} takes a whole number from ${min}${max === Number.MAX_SAFE_INTEGER ? ' up' : ` to ${max}`}, not '${value}'`);
  }
  return n;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], option: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${option} must be one of ${allowed.join(', ')}; not '${value}'`);
}

/** The network options every networked command shares. */
export function parseNet(raw: Pick<RawListOptions, 'offline' | 'refresh' | 'timeout'>): { offline: boolean; refresh: boolean; timeout: number } {
  return { offline: Boolean(raw.offline), refresh: Boolean(raw.refresh), timeout: wholeNumber(raw.timeout ?? '20000', '--timeout', 1) };
}

/** Validates list options once, so commands and renderers only see good values; the command line beats the settings. */
export function parseListOptions(raw: RawListOptions, settings: Settings = {}): ListOptions {
  let format = raw.format === undefined ? undefined : oneOf(raw.format, FORMATS, '--format');
  if (raw.json) {
    if (format && format !== 'json') throw new UsageError(`--json and --format ${format} disagree; give one`);
    format = 'json';
  }
  let fields: Field[] | undefined;
  if (raw.fields !== undefined) {
    fields = raw.fields.split(',').map((f) => f.trim()).filter(Boolean).map((f) => oneOf(f, FIELDS, '--fields'));
    if (fields.length === 0) throw new UsageError(`--fields needs at least one of ${FIELDS.join(', ')}`);
    if (format && !(FIELD_FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`--fields applies to ${FIELD_FORMATS.join(', ')}, not to ${format}`);
    }
  }
  // A format from the settings yields to --fields that it cannot honour.
  format ??= fields && settings.format && !(FIELD_FORMATS as readonly string[]).includes(settings.format) ? undefined : settings.format;
  return {
    limit: raw.limit === undefined ? (settings.limit ?? 30) : wholeNumber(raw.limit, '--limit', 0),
    filters: {
      grep: (raw.grep ?? []).map((p) => pattern(p, '--grep')),
      exclude: (raw.exclude ?? []).map((p) => pattern(p, '--exclude')),
      minUpvotes: raw.minUpvotes === undefined ? null : wholeNumber(raw.minUpvotes, '--min-upvotes', 0),
      hasCode: Boolean(raw.hasCode),
    },
    sort: raw.sort === undefined ? (settings.sort ?? 'upvotes') : oneOf(raw.sort, SORT_KEYS, '--sort'),
    reverse: Boolean(raw.reverse),
    format,
    fields,
    columns: settings.columns ?? DEFAULT_TABLE_COLUMNS,
    ...parseNet(raw),
  };
}
