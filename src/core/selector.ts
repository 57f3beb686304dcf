import { accepts, NO_FILTERS } from './filter.js';
import type { Paper } from './paper.js';
import { compareBy, keepsState, sortPapers, withRanks, type Selected, type Selection } from './rank.js';
import { TopN } from './topN.js';

/**
 * selection(), fed one paper at a time: the filters apply as papers arrive, and with a limit only the
 * best `limit` are kept (a bounded heap), so a feed of any length is listed in the memory of its top N.
 * The result equals selection() over all the papers offered, in the order they were offered.
 */
export class PaperSelector {
  readonly #sel: Selection;
  readonly #top: TopN<Paper> | null;
  readonly #all: Paper[] = [];
  #count = 0;
  #matched = 0;

  constructor(sel: Selection) {
    this.#sel = sel;
    this.#top = sel.limit > 0 ? new TopN(sel.limit, compareBy(sel.sort), sel.reverse) : null;
  }

  /** Every paper offered, kept or not: what the feed held. */
  get count(): number {
    return this.#count;
  }

  add(paper: Paper): void {
    this.#count++;
    if (!accepts(paper, this.#sel.filters ?? NO_FILTERS) || !keepsState(paper, this.#sel)) return;
    this.#matched++;
    if (this.#top) this.#top.push(paper);
    else this.#all.push(paper);
  }

  /** The list to show: filtered, sorted, cut to the limit, ranked by position; with how many matched. */
  result(): Selected {
    const papers = withRanks(this.#top ? this.#top.result() : sortPapers(this.#all, this.#sel.sort, this.#sel.reverse), this.#sel.watches ?? []);
    return { papers, total: this.#matched };
  }
}
