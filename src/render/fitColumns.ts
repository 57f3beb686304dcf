/** How one column may give way when the table is too wide. */
export interface Give {
  /** Its widest cell, header included. */
  natural: number;
  /** Can be cut (a text column); a cut column keeps at least `min` cells while columns can be dropped. */
  cut: boolean;
  min: number;
  /** Lower is dropped first; Infinity never. */
  drop: number;
}

/**
 * Fits columns into `width` cells with one space between them: drops columns (lowest `drop` first)
 * until the rest fit at their minimum, then gives the room left to the cut columns (evenly, none past
 * its natural width). When nothing more can be dropped, columns are cut below their minimum, widest
 * first, down to one cell, and the last ones dropped after all: the sum never exceeds `width`.
 * Returns the kept columns' indices, in order, and their widths.
 */
export function fitColumns(columns: readonly Give[], width: number): { keep: number[]; widths: number[] } {
  let keep = columns.map((_, i) => i);
  const floor = (i: number) => (columns[i]!.cut ? Math.min(columns[i]!.natural, columns[i]!.min) : columns[i]!.natural);
  const need = (ids: number[]) => ids.reduce((sum, i) => sum + floor(i), 0) + Math.max(0, ids.length - 1);
  while (keep.length > 1 && need(keep) > width) {
    const victim = keep.filter((i) => Number.isFinite(columns[i]!.drop)).sort((a, b) => columns[a]!.drop - columns[b]!.drop)[0];
    if (victim === undefined) break;
    keep = keep.filter((i) => i !== victim);
  }
  // Past dropping, each column needs one cell and a gap: keep as many as that allows.
  keep = keep.slice(0, Math.max(1, Math.floor((width + 1) / 2)));
  const widths = keep.map(floor);
  let room = width - widths.reduce((a, b) => a + b, 0) - (keep.length - 1);
  // Room left: shared by the cut columns, the narrowest first, none past its natural width.
  const growable = keep.map((i, k) => ({ i, k })).filter(({ i }) => columns[i]!.cut);
  growable.sort((a, b) => columns[a.i]!.natural - columns[b.i]!.natural);
  for (let n = 0; n < growable.length && room > 0; n++) {
    const { i, k } = growable[n]!;
    const share = Math.floor(room / (growable.length - n));
    const add = Math.min(share === 0 ? room : share, columns[i]!.natural - widths[k]!);
    widths[k]! += add;
    room -= add;
  }
  // Room still left goes to a cut last column (the title of the default table), as a terminal line would.
  const last = keep.length - 1;
  if (room > 0 && columns[keep[last]!]!.cut) {
    widths[last]! += room;
    room = 0;
  }
  // No room: cut the widest, cut columns first, down to one cell each.
  while (room < 0) {
    let widest = -1;
    for (const pass of [true, false]) {
      for (let k = 0; k < keep.length; k++) {
        if (columns[keep[k]!]!.cut === pass && widths[k]! > 1 && (widest < 0 || widths[k]! > widths[widest]!)) widest = k;
      }
      if (widest >= 0) break;
    }
    if (widest < 0) break;
    widths[widest]! -= 1;
    room += 1;
  }
  return { keep, widths };
}
