import { UsageError } from '../core/errors.js';
import { parseArxivId } from '../core/ref.js';
import type { Invocation, Result } from '../core/result.js';
import type { Context } from '../context.js';
import { recallList } from '../io/lastList.js';
import { completionScript, SHELLS, type Shell } from '../render/completion.js';
import { COMMANDS, GLOBAL_OPTIONS } from '../cli/table.js';

/** `papers completion <shell>`; `ids` (used by the scripts) prints the last list's ids, each checked again. */
export async function run(ctx: Context, { args }: Invocation): Promise<Result> {
  const shell = args[0] ?? '';
  if (shell === 'ids') {
    const ids = (recallList(ctx.cache().dir)?.ids ?? []).flatMap((id) => {
      const parsed = id === null ? null : parseArxivId(id);
      return parsed ? [parsed.id] : [];
    });
    return { kind: 'lines', lines: ids };
  }
  if (!(SHELLS as readonly string[]).includes(shell)) throw new UsageError(`no completion for '${shell}'`, `use ${SHELLS.join(', ')}`);
  return { kind: 'text', text: completionScript(shell as Shell, COMMANDS, GLOBAL_OPTIONS) };
}
