import { filterPapers, NO_FILTERS, type Filters } from './filter.js';
import type { Paper, RankedPaper } from './paper.js';
import { sortPapers, withRanks, type SortKey } from './rank.js';

export interface Selection {
  sort: SortKey;
  reverse: boolean;
  /** 0 = all. */
  limit: number;
  filters?: Filters;
}

/** What a list command shows: filtered, sorted, cut to the limit, ranked by position. */
export function selectPapers(papers: readonly Paper[], sel: Selection): RankedPaper[] {
  const sorted = sortPapers(filterPapers(papers, sel.filters ?? NO_FILTERS), sel.sort, sel.reverse);
  return withRanks(sel.limit > 0 ? sorted.slice(0, sel.limit) : sorted);
}
