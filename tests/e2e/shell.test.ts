import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completionScript } from '../helpers/completion.js';
import { FIELDS } from '../../src/core/paper.js';
import { SHOW_FIELDS } from '../../src/core/linked.js';
import { runInPty, visible } from '../helpers/pty.js';
import { COMMANDS } from '../../src/cli/table.js';
import { BIN, cleanEnv, ROOT, tempDirs } from '../helpers/cli.js';
import { runPapers } from '../helpers/run.js';

let dirs: ReturnType<typeof tempDirs>;
let env: NodeJS.ProcessEnv;
const has = (shell: string) => spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;

beforeAll(() => {
  dirs = tempDirs();
  // `papers` on the PATH, as after an install, for the scripts' calls back into it.
  const bin = path.join(dirs.root, 'bin');
  mkdirSync(bin);
  symlinkSync(BIN, path.join(bin, 'papers'));
  env = cleanEnv({ PATH: `${bin}:${process.env.PATH}`, PAPERS_CACHE_DIR: dirs.cache, PAPERS_CONFIG_DIR: dirs.config, PAPERS_DATA_DIR: dirs.data });
  mkdirSync(dirs.cache, { recursive: true });
  writeFileSync(path.join(dirs.cache, 'last-list.ids'), JSON.stringify({ ids: ['2611.00001', '2611.00002', null], at: 0 }));
});
afterAll(() => dirs.cleanup());

const script = (shell: string): Promise<string> => completionScript(shell, env, dirs.root);

describe('papers completion', () => {
  it('bash: sourcing registers papers; commands, options, option values and the last ids complete', async () => {
    const file = await script('bash');
    // Every line completes in a subshell of one bash that sourced the script once (a bash per line costs ~0.5 s here).
    const lines = [
      'papers ',
      'papers da',
      'papers today --so',
      'papers today --sort ',
      'papers day -1 --format m',
      'papers read --from ',
      'papers show ',
      'papers open 2611.0000',
    ];
    const cases = lines.map((line) => {
      const words = line.split(' ');
      return `( COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _papers; printf '%s\\n' "\${COMPREPLY[@]}"; complete -p papers ); echo '--end--'`;
    });
    const out = execFileSync('bash', ['-c', `source '${file}'; ${cases.join('; ')}`], { env, encoding: 'utf8' });
    const replies = out.split('--end--\n').slice(0, lines.length);
    expect(replies).toHaveLength(lines.length);
    const complete = (line: string) => replies[lines.indexOf(line)]!.trim().split('\n');
    expect(complete('papers ').at(-1)).toBe('complete -F _papers papers');
    expect(complete('papers da')).toContain('day');
    expect(complete('papers da')).not.toContain('show');
    expect(complete('papers today --so')).toContain('--sort');
    expect(complete('papers today --sort ')).toEqual(['upvotes', 'comments', 'date', 'title', 'stars', 'complete -F _papers papers']);
    expect(complete('papers day -1 --format m')).toContain('markdown');
    expect(complete('papers read --from ')).toEqual(['hf', 'atom', 'rss', 'page', 'complete -F _papers papers']);
    expect(complete('papers show ')).toEqual(['2611.00001', '2611.00002', 'complete -F _papers papers']);
    expect(complete('papers open 2611.0000')).toEqual(['2611.00001', '2611.00002', 'complete -F _papers papers']);
  });

  it.skipIf(!has('zsh'))('zsh: the script parses (zsh -n) and loads under compinit', async () => {
    const file = await script('zsh');
    expect(spawnSync('zsh', ['-n', file]).status).toBe(0);
    const r = spawnSync('zsh', ['-f', '-c', `autoload -Uz compinit && compinit -u -D && source '${file}' && print -r -- \${_comps[papers]}`], {
      env,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('_papers');
  });

  it.skipIf(!has('fish'))('fish: the script parses (fish -n) and completes commands, values and ids', async () => {
    const file = await script('fish');
    expect(spawnSync('fish', ['-n', file]).status).toBe(0);
    const complete = (line: string) =>
      execFileSync('fish', ['--no-config', '-c', `source '${file}'; complete -C '${line}'`], { env, encoding: 'utf8' })
        .trim()
        .split('\n')
        .map((l) => l.split('\t')[0]);
    expect(complete('papers da')).toContain('day');
    expect(complete('papers today --sort ')).toEqual(expect.arrayContaining(['upvotes', 'comments', 'date', 'title', 'stars']));
    expect(complete('papers show ')).toEqual(expect.arrayContaining(['2611.00001', '2611.00002']));
  });

  it('an unknown shell is a usage error', async () => {
    const r = await runPapers(['completion', 'tcsh'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/use bash, zsh, fish/);
  });
});

describe('help', () => {
  it.each([[[]], ...COMMANDS.map((c) => [[c.name]])])('papers %j --help: summary, usage, options with defaults and choices, examples', async (words) => {
    const r = await runPapers([...(words as string[]), '--help'], { ...env, COLUMNS: '100' });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Usage: papers/);
    expect(r.stdout).toMatch(/Examples:\n {2}(# .*\n {2})?\$ \S/);
    expect(r.stdout).toMatchSnapshot();
  });

  it('list options show their defaults and accepted values', async () => {
    const r = await runPapers(['today', '--help'], env);
    // Help is wrapped at 80 columns in a pipe: read it as one line.
    const text = r.stdout.replace(/\s+/g, ' ');
    expect(text).toMatch(/--limit <N> [^-]*\(default: 30\)/);
    expect(text).toMatch(/--sort <key> .*?\(default: upvotes\) \(choices: "upvotes", "comments", "date", "title", "stars"\)/);
    expect(text).toMatch(/--format <format> .*?\(choices: "table", "tsv", "json", "jsonl", "csv", "markdown", "bibtex", "atom", "rss"\)/);
  });

  it('wraps help at the width of the terminal it is printed on, and at 80 columns in a pipe', async () => {
    const widest = (text: string) => Math.max(...text.split('\n').map((l) => l.length));
    const wide = await runPapers(['today', '--help'], env, { tty: { columns: 120, rows: 40 } });
    expect(widest(wide.stdout)).toBeGreaterThan(80);
    expect(widest(wide.stdout)).toBeLessThanOrEqual(120);
    const piped = await runPapers(['today', '--help'], env);
    expect(widest(piped.stdout)).toBeLessThanOrEqual(80);
  });

  it('an unknown command suggests the nearest one, exit 2', async () => {
    const r = await runPapers(['tody'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("papers: unknown command 'tody'\nhint: did you mean 'today'? papers --help lists the commands\n");
    const far = await runPapers(['-n', '5', 'xyzzy'], env);
    expect(far.code).toBe(2);
    expect(far.stderr).toMatch(/^papers: unknown command 'xyzzy'\nhint: papers --help lists the commands/);
  });

  it('a missing argument names the command whose help says what it takes, exit 2', async () => {
    for (const [command, arg] of [
      ['show', 'ref'],
      ['mark', 'ref'],
      ['search', 'query'],
    ] as const) {
      const r = await runPapers([command], env);
      expect(r.code, command).toBe(2);
      expect(r.stderr, command).toBe(`papers: missing the ${arg} argument\nhint: papers ${command} --help shows what it takes\n`);
    }
  });

  it('every command lists the global options; every --fields lists its field names; read and saved offer no network options', async () => {
    for (const c of COMMANDS) {
      const text = (await runPapers([c.name, '--help'], env)).stdout;
      expect(text, c.name).toMatch(/Global Options:[\s\S]*--no-color[\s\S]*-q, --quiet[\s\S]*--verbose/);
      for (const o of c.options.filter((o) => o.items !== undefined && !o.hidden)) {
        expect(text.replace(/\s+/g, ' '), `${c.name} ${o.flags}`).toContain(`in that order: ${o.items!.join(', ')}`);
      }
    }
    const today = (await runPapers(['today', '--help'], env)).stdout.replace(/\s+/g, ' ');
    expect(today).toContain(`in that order: ${FIELDS.join(', ')}`);
    expect(today).toContain('--offline');
    const show = (await runPapers(['show', '--help'], env)).stdout.replace(/\s+/g, ' ');
    expect(show).toContain(`in that order: ${SHOW_FIELDS.join(', ')}`);
    for (const name of ['read', 'saved']) {
      const text = (await runPapers([name, '--help'], env)).stdout;
      for (const flag of ['--offline', '--refresh', '--timeout']) expect(text, `${name} ${flag}`).not.toContain(flag);
    }
  });

  // The words of a help text, sorted: the same at every width when no word is ever cut (the ` \`
  // of a command that goes on to the next line is not a word).
  const wordsOf = (text: string) =>
    text
      .split(/\s+/)
      .filter((w) => w !== '' && w !== '\\')
      .sort();

  it('wraps every help at word boundaries to COLUMNS: no line wider, no word cut, at 40, 60, 80 and 120', async () => {
    for (const command of [[], ...COMMANDS.map((c) => [c.name])]) {
      const whole = wordsOf((await runPapers([...command, '--help'], { ...env, COLUMNS: '200' })).stdout);
      for (const columns of [40, 60, 80, 120]) {
        const text = (await runPapers([...command, '--help'], { ...env, COLUMNS: String(columns) })).stdout;
        for (const line of text.split('\n')) expect(line.length, `${command.join(' ')} at ${columns}: ${line}`).toBeLessThanOrEqual(columns);
        expect(wordsOf(text), `${command.join(' ')} at ${columns}`).toEqual(whole);
      }
    }
  });

  it('wraps help to the width of the pseudo-terminal it is printed on', async () => {
    for (const [command, columns] of [
      [['--help'], 40],
      [['today', '--help'], 40],
      [['show', '--help'], 60],
      [['completion', '--help'], 40],
      [['saved', '--help'], 120],
    ] as const) {
      const r = await runInPty([...command], env, columns);
      expect(r.code).toBe(0);
      const lines = visible(r.stdout).split('\n');
      for (const line of lines) expect(line.length, `${command.join(' ')} at ${columns}: ${line}`).toBeLessThanOrEqual(columns);
      expect(Math.max(...lines.map((l) => l.length)), command.join(' ')).toBeGreaterThan(columns - 10);
    }
  });

  it("speaks with one voice: commander's messages become papers: and hint: lines", async () => {
    const typo = await runPapers(['today', '--limt', '3'], env);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe("papers: unknown option '--limt'\nhint: did you mean --limit?\n");
    const choice = await runPapers(['today', '--sort', 'up'], env);
    expect(choice.stderr).toBe("papers: --sort must be one of upvotes, comments, date, title, stars; not 'up'\n");
    const help = await runPapers(['help', 'tody'], env);
    expect(help.code).toBe(2);
    expect(help.stdout).toBe('');
    expect(help.stderr).toMatch(/^papers: unknown command 'tody'\nhint: did you mean 'today'\?/);
    const id = await runPapers(['2608.09888'], env);
    expect(id.code).toBe(2);
    expect(id.stderr).toMatch(/hint: to see that paper: papers show 2608\.09888/);
  });
});

describe('man page', () => {
  const page = path.join(ROOT, 'man', 'papers.1');

  it('is built from the same definitions and listed in package.json', () => {
    expect(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).man).toEqual(['man/papers.1']);
    const text = readFileSync(page, 'utf8');
    for (const section of [
      'NAME',
      'SYNOPSIS',
      'DESCRIPTION',
      'COMMANDS',
      'LIST OPTIONS',
      'GLOBAL OPTIONS',
      'ENVIRONMENT',
      'FILES',
      'EXIT STATUS',
      'EXAMPLES',
    ]) {
      expect(text).toContain(`.SH ${section}`);
    }
    for (const c of COMMANDS) expect(text).toContain(`.B ${c.name}`);
    for (const v of ['PAPERS_API_URL', 'PAPERS_CACHE_DIR', 'NO_COLOR']) expect(text).toContain(v);
  });

  it.skipIf(!existsSync('/usr/bin/man'))('renders with man without warnings', () => {
    const r = spawnSync('man', ['--warnings', '-l', page], { env: { ...env, MANWIDTH: '80', MANPAGER: 'cat', PAGER: 'cat' }, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('papers - Hugging Face Daily Papers');
  });
});
