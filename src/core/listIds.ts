/**
 * Whether every paper in the JSON text of a cached list has an id that `test` accepts, found without
 * parsing the text: papers new looks at up to 15 days, most of them often seen already, and parsing
 * them only to drop every paper costs more than the rest of the run.
 *
 * Each `"id":` in JSON is a key: a quote inside a string is written `\"`, so these bytes cannot occur
 * within one. A paper's only object key that is `id` is its own id, and every paper has it (`null`
 * when unknown: such a paper is never seen, so the answer is no). Only a plain quoted id is read
 * (`"2611.01234"`); anything else (escapes, a number) answers no, and then the text is parsed and
 * checked as ever. An empty list answers yes.
 */
export function everyListId(text: string, test: (id: string) => boolean): boolean {
  const KEY = '"id":';
  for (let at = text.indexOf(KEY); at !== -1; at = text.indexOf(KEY, at)) {
    const start = at + KEY.length;
    if (text.charCodeAt(start) !== 0x22) return false;
    const end = text.indexOf('"', start + 1);
    if (end === -1 || end - start > 40) return false;
    const id = text.slice(start + 1, end);
    if (id.includes('\\') || !test(id)) return false;
    at = end + 1;
  }
  return true;
}
