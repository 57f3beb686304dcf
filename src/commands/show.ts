import { UsageError } from '../core/errors.js';
import { SHOW_FORMATS, type ShowFormat } from '../core/formats.js';
import { linkedOf, SHOW_FIELDS } from '../core/linked.js';
import { flagOption, oneOf, parseNet, stringOption } from '../core/listOptions.js';
import type { Invocation, Result, ShowField } from '../core/result.js';
import type { Context } from '../context.js';
import { mapLimit } from '../io/mapLimit.js';
import { lookupPaper, resolveRef } from '../sources/paper.js';
import { loadFullText } from '../sources/fullText.js';
import { recordMarks } from '../io/marksStore.js';

/** What `--json`, `--format` and `--fields` ask for together; contradictions are usage errors. */
function showFormat(options: Invocation['options']): { format: ShowFormat | 'view'; fields?: ShowField[] } {
  const given = stringOption(options, 'format');
  let format: ShowFormat | undefined = given === undefined ? undefined : oneOf(given, SHOW_FORMATS, '--format');
  if (flagOption(options, 'json')) {
    if (format && format !== 'json') throw new UsageError(`--json and --format ${format} disagree; give one`);
    format = 'json';
  }
  const fieldText = stringOption(options, 'fields');
  if (fieldText === undefined) return { format: format ?? 'view' };
  if (format && format !== 'json') throw new UsageError(`--fields applies to json, not to ${format}`);
  const fields = fieldText
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean)
    .map((f) => oneOf(f, SHOW_FIELDS, '--fields'));
  if (fields.length === 0) throw new UsageError(`--fields needs at least one of ${SHOW_FIELDS.join(', ')}`);
  return { format: 'json', fields };
}

/** `papers show <ref...>`: papers in full (or in a format), or with `--full` one paper's whole text. */
export async function run(ctx: Context, { args, options }: Invocation): Promise<Result> {
  const net = parseNet(options);
  // Every ref is checked before anything is fetched: a typo in the third is not found after two lookups.
  const ids = [...new Set(args.map((ref) => resolveRef(ctx, ref)))];
  if (ids.length === 0) throw new UsageError('show needs a paper', 'papers show 2405.13956');
  const raw = flagOption(options, 'raw');
  if (flagOption(options, 'full')) {
    if (ids.length > 1) throw new UsageError('--full shows one paper at a time');
    if (stringOption(options, 'format') !== undefined || flagOption(options, 'json') || stringOption(options, 'fields') !== undefined) {
      throw new UsageError('--full is the paper as markdown; it takes no --json, --format or --fields');
    }
    return { kind: 'fullText', id: ids[0]!, ...(await loadFullText(ctx, ids[0]!, net)), raw };
  }
  if (raw) throw new UsageError('--raw goes with --full');
  const { format, fields } = showFormat(options);
  const papers = await mapLimit(ids, 4, async (id) => {
    const paper = await lookupPaper(ctx, id, net, true);
    return { paper, linked: linkedOf(paper) };
  });
  // Shown in full to a person: read. A script's --json or --format reads nothing for the reader.
  if (format === 'view') await recordMarks(ctx.warn, () => ctx.marks().markRead(papers.flatMap(({ paper }) => (paper.id === null ? [] : [paper.id]))));
  return { kind: 'paper', papers, format, ...(fields ? { fields } : {}) };
}
