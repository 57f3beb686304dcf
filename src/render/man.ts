import type { CommandSpec } from '../cli/table.js';
import type { OptionSpec } from '../core/optionSpec.js';

/** Text safe in roff: backslashes doubled, a leading dot or quote escaped, dashes literal. */
function roff(text: string): string {
  return text
    .replace(/\\/g, '\\e')
    .replace(/-/g, '\\-')
    .replace(/^([.'])/gm, '\\&$1');
}

function optionItem(o: OptionSpec): string {
  const extra = [o.choices ? `one of ${o.choices.join(', ')}` : '', o.default ? `default ${o.default}` : ''].filter(Boolean).join('; ');
  return `.TP\n.B ${roff(o.flags)}\n${roff(o.description)}${extra ? ` (${roff(extra)})` : ''}.`;
}

export interface ManFacts {
  version: string;
  date: string;
  environment: readonly [string, string][];
  files: readonly [string, string][];
  exitCodes: readonly [string, string][];
}

/** papers(1), generated from the command table, so that it says what the CLI does. */
export function manPage(commands: readonly CommandSpec[], global: readonly OptionSpec[], listOptions: readonly OptionSpec[], facts: ManFacts): string {
  const out: string[] = [];
  out.push(`.TH PAPERS 1 "${facts.date}" "papers ${facts.version}" "User Commands"`);
  out.push('.SH NAME', 'papers \\- Hugging Face Daily Papers and arXiv in the terminal');
  out.push('.SH SYNOPSIS', '.B papers', '[\\fIcommand\\fR] [\\fIoptions\\fR] [\\fIarguments\\fR]');
  out.push(
    '.SH DESCRIPTION',
    roff(
      'papers lists the Hugging Face Daily Papers ranked by upvotes, shows one abstract in full, reads saved feeds (Hugging Face API JSON, arXiv Atom or RSS, a text copy of a papers page), and keeps a reading list. It works offline from its cache. With no command it runs today.',
    ),
  );
  out.push('.SH COMMANDS');
  for (const c of commands) {
    const args = c.args.map((a) => (a.required ? `\\fI${a.name}\\fR` : `[\\fI${a.name}\\fR]`) + (a.variadic ? '...' : '')).join(' ');
    out.push('.TP', `.B ${c.name}${c.aliases?.length ? ` \\fR(alias \\fB${c.aliases.join(', ')}\\fR)` : ''} ${args}`.trimEnd(), `${roff(c.description)}.`);
    const takesList = listOptions.every((o) => c.options.includes(o));
    const own = (takesList ? c.options.filter((o) => !listOptions.includes(o)) : c.options).filter((o) => !o.hidden);
    if (takesList) out.push('Takes the list options.');
    if (own.length > 0) out.push(`Options: ${own.map((o) => `\\fB${roff(o.flags.split(' <')[0]!)}\\fR`).join(', ')}.`);
  }
  const listCommands = commands.filter((c) => listOptions.every((o) => c.options.includes(o))).map((c) => c.name);
  out.push('.SH LIST OPTIONS', roff(`${listCommands.slice(0, -1).join(', ')} and ${listCommands.at(-1)} take these.`));
  for (const o of listOptions) out.push(optionItem(o));
  const own = new Map<string, OptionSpec>();
  for (const c of commands) for (const o of c.options) if (!listOptions.includes(o) && !o.hidden) own.set(o.flags, o);
  out.push('.SH OTHER OPTIONS');
  for (const o of own.values()) out.push(optionItem(o));
  out.push('.SH GLOBAL OPTIONS');
  for (const o of global) out.push(optionItem(o));
  out.push('.TP', '.B \\-h, \\-\\-help', 'Help, with examples, for papers or any command.', '.TP', '.B \\-V, \\-\\-version', 'The version.');
  out.push('.SH ENVIRONMENT');
  for (const [name, text] of facts.environment) out.push('.TP', `.B ${roff(name)}`, roff(text));
  out.push('.SH FILES');
  for (const [name, text] of facts.files) out.push('.TP', `.I ${roff(name)}`, roff(text));
  out.push('.SH EXIT STATUS');
  for (const [code, text] of facts.exitCodes) out.push('.TP', `.B ${code}`, roff(text));
  out.push('.SH EXAMPLES');
  for (const c of commands) for (const e of c.examples) out.push('.PP', '.nf', roff(`$ ${e}`), '.fi');
  out.push('.SH SEE ALSO', '.BR jq (1),', '.BR less (1)');
  return `${out.join('\n')}\n`;
}
