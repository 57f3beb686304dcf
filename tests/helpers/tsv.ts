// Reading the TSV a list prints into a pipe.

/** The arXiv ids of a TSV list, in order. */
export const tsvIds = (tsv: string) =>
  tsv
    .trimEnd()
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split('\t').find((cell) => /^\d{4}\.\d{4,5}$/.test(cell)));
