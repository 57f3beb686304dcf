import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completionScript } from '../helpers/completion.js';
import { FIELDS, SAVED_FIELDS } from '../../src/core/paper.js';
import { SORT_KEYS } from '../../src/core/rank.js';
import { BIN, cleanEnv, tempDirs } from '../helpers/cli.js';
import { makePaper } from '../helpers/papers.js';
import { runPapers } from '../helpers/run.js';

// What each shell completes, by its own completion machinery: bash through the script's function with
// COMP_WORDS set, zsh through a real interactive zsh on a pseudo-terminal (zpty), fish with complete -C.

let dirs: ReturnType<typeof tempDirs>;
let env: NodeJS.ProcessEnv;
let work: string;
const has = (shell: string) => spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;

beforeAll(() => {
  dirs = tempDirs();
  const bin = path.join(dirs.root, 'bin');
  mkdirSync(bin);
  symlinkSync(BIN, path.join(bin, 'papers'));
  env = cleanEnv({ PATH: `${bin}:${process.env.PATH}`, PAPERS_CACHE_DIR: dirs.cache, PAPERS_CONFIG_DIR: dirs.config, PAPERS_DATA_DIR: dirs.data });
  mkdirSync(dirs.cache, { recursive: true });
  mkdirSync(dirs.config, { recursive: true });
  writeFileSync(path.join(dirs.cache, 'last-list.ids'), JSON.stringify({ ids: ['2611.00001', '2611.00002'], at: 0 }));
  // The reading list holds other papers than the last list, and one planted id that must never be offered.
  const saved = [makePaper('2611.00031'), makePaper('2611.00032')].map((paper) => ({ paper, savedAt: '2026-11-20T10:00:00.000Z' }));
  saved.push({ paper: makePaper('2611.00033', { id: '$(touch pwned)' }), savedAt: '2026-11-20T10:00:00.000Z' });
  writeFileSync(path.join(dirs.config, 'config.json'), JSON.stringify({ settings: {}, saved }));
  // A directory with feeds in it, where the shells run.
  work = path.join(dirs.root, 'work');
  mkdirSync(path.join(work, 'feeds'), { recursive: true });
  writeFileSync(path.join(work, 'daily.json'), '[]');
  writeFileSync(path.join(work, 'digest.xml'), '');
});
afterAll(() => dirs.cleanup());

const script = (shell: string): Promise<string> => completionScript(shell, env, dirs.root);

describe('completion of arguments, actions, settings and fields', () => {
  it('prints the reading list ids, each checked again, for unsave', async () => {
    expect((await runPapers(['completion', 'saved'], env)).stdout).toBe('2611.00031\n2611.00032\n');
  });

  it('bash: files for read, actions, setting keys and values, field lists after a comma, saved ids for unsave', async () => {
    const file = await script('bash');
    const lines = [
      'papers read ',
      'papers read d',
      'papers config ',
      'papers config s',
      'papers config get ',
      'papers config set sort ',
      'papers config set columns rank,d',
      'papers config set sort title ',
      'papers cache ',
      'papers completion ',
      'papers watch ',
      'papers today --fields ',
      'papers today --fields id,ti',
      'papers show --fields id,linkedM',
      'papers saved --fields id,sav',
      'papers today --fields id,sav',
      'papers saved --sort ',
      'papers today -n 5 --sort ',
      'papers unsave ',
      'papers show 2611.00001 ',
    ];
    const cases = lines.map((line) => {
      const words = line.split(' ');
      return `( COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _papers; printf '%s\\n' "\${COMPREPLY[@]}" ); echo '--end--'`;
    });
    const out = execFileSync('bash', ['-c', `source '${file}'; ${cases.join('; ')}`], { env, cwd: work, encoding: 'utf8' });
    const replies = out.split('--end--\n').slice(0, lines.length);
    expect(replies).toHaveLength(lines.length);
    const complete = (line: string) => replies[lines.indexOf(line)]!.split('\n').filter(Boolean);
    expect(complete('papers read ').sort()).toEqual(['daily.json', 'digest.xml', 'feeds']);
    expect(complete('papers read d').sort()).toEqual(['daily.json', 'digest.xml']);
    expect(complete('papers config ')).toEqual(['list', 'get', 'set', 'unset', 'path']);
    expect(complete('papers config s')).toEqual(['set']);
    expect(complete('papers config get ')).toEqual(['limit', 'sort', 'format', 'columns', 'cache-max-mb', 'interactive']);
    expect(complete('papers config set sort ')).toEqual([...SORT_KEYS]);
    expect(complete('papers config set columns rank,d')).toEqual(['rank,day']);
    expect(complete('papers config set sort title ')).not.toContain('title');
    expect(complete('papers cache ')).toEqual(['ls', 'path', 'clear']);
    expect(complete('papers completion ')).toEqual(['bash', 'zsh', 'fish']);
    expect(complete('papers watch ')).toEqual(['add', 'ls', 'rm']);
    expect(complete('papers today --fields ')).toEqual([...FIELDS]);
    expect(complete('papers today --fields id,ti')).toEqual(['id,title']);
    expect(complete('papers show --fields id,linkedM')).toEqual(['id,linkedModels']);
    expect(complete('papers saved --fields id,sav')).toEqual(['id,savedAt']);
    expect(complete('papers today --fields id,sav')).toEqual([]);
    expect(complete('papers saved --sort ')).toEqual([...SORT_KEYS, 'saved']);
    expect(complete('papers today -n 5 --sort ')).toEqual([...SORT_KEYS]);
    expect(complete('papers unsave ')).toEqual(['2611.00031', '2611.00032']);
    expect(complete('papers show 2611.00001 ')).toEqual(['2611.00001', '2611.00002']);
  });

  it.skipIf(!has('zsh'))('zsh: an interactive zsh completes files, actions, settings, fields and saved ids, with descriptions intact', async () => {
    const file = await script('zsh');
    expect(spawnSync('zsh', ['-n', file]).status).toBe(0);
    const driver = path.join(dirs.root, 'drive.zsh');
    const capture = path.join(dirs.root, 'offered');
    // Types the line and a TAB into an interactive zsh on a pseudo-terminal. compadd, which every zsh
    // completion function ends in, is wrapped to write what it is given to offer (matches, and the
    // descriptions beside them) to a file. TAB runs complete-word and then writes a done file; the rest
    // of the input is typed only once that file is there, so completion never sees typeahead (on a
    // loaded machine, it would then be skipped). A line that prints a mark ends the session.
    const done = path.join(dirs.root, 'completed');
    writeFileSync(
      driver,
      `zmodload zsh/zpty
zpty z 'TERM=dumb COLUMNS=500 zsh -f -i'
zpty -w z 'PROMPT="> "; autoload -Uz compinit; compinit -u -D; source ${file}; compadd() { local -a m; local d="" i; for ((i = 1; i < $#; i++)); do [[ \${@[i]} == -d ]] && d=\${@[i+1]}; done; builtin compadd -O m "$@"; print -lr -- $m >> ${capture}; [[ -n $d ]] && print -lr -- \${(P)d} >> ${capture}; builtin compadd "$@"; }; tab-then-mark() { zle complete-word; : > ${done}; }; zle -N tab-then-mark; bindkey "^I" tab-then-mark; print READY""NOW'
zpty -r z line '*READYNOW*'
zpty -n -w z "$1"$'\\t'
for i in {1..600}; do [[ -e ${done} ]] && break; sleep 0.05; done
zpty -n -w z $'\\x15print -r -- END""MARK\\n'
zpty -r z out '*ENDMARK*'
zpty -d z
`,
    );
    const complete = (line: string): string[] => {
      writeFileSync(capture, '');
      rmSync(done, { force: true });
      const r = spawnSync('zsh', ['-f', driver, line], { env, cwd: work, encoding: 'utf8', timeout: 30_000 });
      expect(r.status, r.stderr).toBe(0);
      return readFileSync(capture, 'utf8')
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
    };
    expect(complete('papers read ')).toEqual(expect.arrayContaining(['daily.json', 'digest.xml', 'feeds']));
    expect(complete('papers today ')).not.toContain('daily.json');
    expect(complete('papers cache ')).toEqual(expect.arrayContaining(['clear', 'ls', 'path']));
    expect(complete('papers completion ')).toEqual(expect.arrayContaining(['bash', 'fish', 'zsh']));
    expect(complete('papers watch ')).toEqual(expect.arrayContaining(['add', 'ls', 'rm']));
    expect(complete('papers config ')).toEqual(expect.arrayContaining(['get', 'list', 'path', 'set', 'unset']));
    expect(complete('papers config get ')).toEqual(expect.arrayContaining(['cache-max-mb', 'columns', 'interactive', 'sort']));
    expect(complete('papers config set sort ').sort()).toEqual([...SORT_KEYS].sort());
    expect(complete('papers today --fields ')).toEqual(expect.arrayContaining([...FIELDS]));
    expect(complete('papers today --fields id,ti')).toEqual(['title']);
    expect(complete('papers show --fields id,linkedM')).toEqual(['linkedModels']);
    expect(complete('papers saved --fields id,')).toEqual(expect.arrayContaining(SAVED_FIELDS.filter((f) => f !== 'id')));
    expect(complete('papers unsave ').sort()).toEqual(['2611.00031', '2611.00032']);
    // Descriptions as written: colons, parentheses, semicolons and quotes kept.
    expect(complete('papers ')).toEqual(
      expect.arrayContaining([expect.stringMatching(/-- the reading list, newest first, like any other list \(works offline\)$/)]),
    );
    const options = complete('papers today --');
    expect(options).toEqual(
      expect.arrayContaining([expect.stringMatching(/-- comma-separated fields \(the table's columns too\), in that order: rank, id, title,/)]),
    );
    expect(options).toEqual(expect.arrayContaining([expect.stringMatching(/-- keep papers whose organization's name or handle matches/)]));
  });

  it.skipIf(!has('fish'))('fish: files for read, actions, setting values, fields after a comma and saved ids', async () => {
    const file = await script('fish');
    expect(spawnSync('fish', ['-n', file]).status).toBe(0);
    const complete = (line: string) =>
      execFileSync('fish', ['--no-config', '-c', `source '${file}'; complete -C '${line}'`], { env, cwd: work, encoding: 'utf8' })
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split('\t')[0]);
    expect(complete('papers read ')).toEqual(expect.arrayContaining(['daily.json', 'digest.xml', 'feeds/']));
    expect(complete('papers today ')).not.toContain('daily.json');
    expect(complete('papers cache ')).toEqual(['clear', 'ls', 'path']);
    expect(complete('papers cache ls ')).toEqual([]);
    expect(complete('papers completion ')).toEqual(['bash', 'fish', 'zsh']);
    expect(complete('papers watch ')).toEqual(['add', 'ls', 'rm']);
    expect(complete('papers config ')).toEqual(expect.arrayContaining(['list', 'get', 'set', 'unset', 'path']));
    expect(complete('papers config get ')).toEqual(expect.arrayContaining(['limit', 'sort', 'columns']));
    expect(complete('papers config set sort ').sort()).toEqual([...SORT_KEYS].sort());
    expect(complete('papers config set columns rank,')).toEqual(expect.arrayContaining(['rank,day', 'rank,title']));
    expect(complete('papers today --fields ').sort()).toEqual([...FIELDS].sort());
    expect(complete('papers today --fields id,ti')).toEqual(['id,title']);
    expect(complete('papers show --fields id,linkedM')).toEqual(['id,linkedModels']);
    expect(complete('papers saved --fields id,sav')).toEqual(['id,savedAt']);
    expect(complete('papers unsave ').sort()).toEqual(['2611.00031', '2611.00032']);
  });
});
