/** "1 paper", "3 papers", "2 entries": a count with its noun, never "paper(s)". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
