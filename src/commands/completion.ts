import { UsageError } from '../core/errors.js';
import { parseArxivId } from '../core/ref.js';
import type { Invocation, Result } from '../core/result.js';
import { SETTING_KEYS, SETTINGS } from '../core/settings.js';
import { SHELLS, type Shell } from '../core/shells.js';
import type { Context } from '../context.js';
import { recallList } from '../io/lastList.js';
import { completionScript } from '../render/completion.js';
import { COMMANDS, GLOBAL_OPTIONS } from '../cli/table.js';

/** Ids as the scripts may offer them: each checked again (the files they come from may be planted). */
const checkedIds = (ids: readonly (string | null)[]): string[] =>
  ids.flatMap((id) => {
    const parsed = id === null ? null : parseArxivId(id);
    return parsed ? [parsed.id] : [];
  });

/**
 * `papers completion <shell>`; the scripts call back `ids` (the last list's ids) and `saved` (the
 * reading list's), which print every id checked again.
 */
export async function run(ctx: Context, { args }: Invocation): Promise<Result> {
  const shell = args[0] ?? '';
  if (shell === 'ids') return { kind: 'lines', lines: checkedIds(recallList(ctx.cache().dir)?.ids ?? []) };
  if (shell === 'saved') return { kind: 'lines', lines: checkedIds((await ctx.settings().read()).saved.map((e) => e.paper.id)) };
  if (!(SHELLS as readonly string[]).includes(shell)) throw new UsageError(`no completion for '${shell}'`, `use ${SHELLS.join(', ')}`);
  const settings = SETTING_KEYS.map((key) => ({ key, values: SETTINGS[key].values, list: SETTINGS[key].list }));
  return { kind: 'text', text: completionScript(shell as Shell, COMMANDS, GLOBAL_OPTIONS, settings) };
}
