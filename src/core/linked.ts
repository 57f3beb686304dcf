import { count, isObject, str } from './coerce.js';
import { FIELDS, type Paper } from './paper.js';

/** The kinds of Hugging Face repositories a paper page links, with where their pages live. */
export const LINKED_KINDS = [
  { kind: 'models', list: 'linkedModels', total: 'numTotalModels', path: '' },
  { kind: 'datasets', list: 'linkedDatasets', total: 'numTotalDatasets', path: 'datasets/' },
  { kind: 'spaces', list: 'linkedSpaces', total: 'numTotalSpaces', path: 'spaces/' },
] as const;

/** A model, dataset or Space built on a paper. */
interface LinkedRepo {
  id: string;
  likes: number | null;
  downloads: number | null;
  url: string;
}

/** What only the paper API knows (`/api/papers/{id}`): the repositories built on the paper, and how many. */
export interface Linked {
  linkedModels: LinkedRepo[];
  linkedDatasets: LinkedRepo[];
  linkedSpaces: LinkedRepo[];
  numTotalModels: number | null;
  numTotalDatasets: number | null;
  numTotalSpaces: number | null;
}

/** A paper as the paper API gives it: with what is built on it, when that is known. */
export type PaperDetail = Paper & { linked?: Linked };

/** The linked repositories a looked-up paper carries (ids checked again: it may come from the cache); null when unknown. */
export function linkedOf(paper: PaperDetail): Linked | null {
  return isObject(paper.linked) ? linkedFromHf(paper.linked) : null;
}

/** The JSON fields `show --json` adds to a paper's, in order. */
export const LINKED_FIELDS = [
  'linkedModels',
  'linkedDatasets',
  'linkedSpaces',
  'numTotalModels',
  'numTotalDatasets',
  'numTotalSpaces',
] as const satisfies readonly (keyof Linked)[];

/** The fields of `show --json`: a list's, then the linked repositories'. */
export const SHOW_FIELDS = [...FIELDS, ...LINKED_FIELDS] as const;

const HUB = 'https://huggingface.co/';
const PART = '[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,94}[A-Za-z0-9])?';
const REPO_ID = new RegExp(`^(?:${PART}/)?${PART}$`);

/**
 * A Hugging Face repository id (`owner/name` or `name`), strictly: it becomes a URL path, so nothing
 * that could climb (`..`), query, fragment or escape passes.
 */
export function isRepoId(id: string): boolean {
  return REPO_ID.test(id) && !id.includes('..') && !id.includes('--');
}

/** Nothing known: what a paper from a list, arXiv or a feed file carries. */
export function unknownLinked(): Linked {
  return { linkedModels: [], linkedDatasets: [], linkedSpaces: [], numTotalModels: null, numTotalDatasets: null, numTotalSpaces: null };
}

/**
 * The linked repositories of a paper API object, or of our own cached copy (same keys): ids are checked
 * every time, since the cache directory is not ours alone. Entries without a valid id are dropped.
 */
export function linkedFromHf(item: unknown): Linked {
  const out = unknownLinked();
  if (!isObject(item)) return out;
  for (const { list, total, path } of LINKED_KINDS) {
    const raw = item[list];
    if (Array.isArray(raw)) {
      for (const entry of raw) {
        const id = isObject(entry) ? str(entry.id)?.trim() : null;
        if (!id || !isRepoId(id)) continue;
        out[list].push({
          id,
          likes: count((entry as Record<string, unknown>).likes),
          downloads: count((entry as Record<string, unknown>).downloads),
          url: `${HUB}${path}${id}`,
        });
      }
    }
    out[total] = count(item[total]);
  }
  return out;
}
