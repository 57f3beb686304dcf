/** How a renderer colours text; the terminal layer builds one from chalk, tests use `plain`. */
export interface Paint {
  bold(text: string): string;
  dim(text: string): string;
  link(text: string): string;
  /** Upvotes coloured by heat. */
  heat(text: string, upvotes: number | null): string;
  /** A `--grep` match inside a title. */
  match(text: string): string;
}

const same = (text: string): string => text;

/** No colour at all: for pipes, NO_COLOR, TERM=dumb and tests. */
export const plain: Paint = { bold: same, dim: same, link: same, heat: same, match: same };
