// Builds dist/: one CommonJS bundle of all of papers' own code (the entry), and one bundle per heavy
// dependency under dist/vendor/, required only when a command gets to it.
//
// CommonJS, not ESM, for the output: Node's ESM loader costs ~8 ms at every start on this machine
// (an empty .mjs takes 1.16x an empty .cjs), and the budget for a cache hit is 1.3x `node -e ""`.
// The sources stay ESM TypeScript; only the shipped artifact is CommonJS.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
// import() of a vendor bundle becomes require(): a real import() from CommonJS would start Node's ESM
// loader (~60 ms) just to load a CommonJS file.
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: process.env.PAPERS_NO_MINIFY !== '1',
  legalComments: 'none',
  logLevel: 'warning',
  supported: { 'dynamic-import': false },
};

/** Heavy dependencies kept out of the entry: each is loaded on the one path that needs it. */
const VENDOR = {
  // The client only: undici's index also loads fetch, WebSocket, caches and cookies, whose brand checks
  // touch globalThis.Headers and so load Node's own copy of undici too (~50 ms together, every request).
  undici: `const Dispatcher = require('undici/lib/dispatcher/dispatcher');
    Object.assign(Dispatcher.prototype, require('undici/lib/api'));
    module.exports = { EnvHttpProxyAgent: require('undici/lib/dispatcher/env-http-proxy-agent'), interceptors: { redirect: require('undici/lib/interceptor/redirect') } };`,
  // The sources are ESM in a "type": "module" package, so esbuild imports these in Node's mode:
  // a default import is module.exports itself, and named imports are its properties.
  conf: "module.exports = require('conf').default;",
  ora: "module.exports = require('ora').default;",
  'cli-table3': "module.exports = require('cli-table3');",
  'fast-xml-parser': "module.exports = { XMLParser: require('fast-xml-parser').XMLParser };",
  // Only for help, errors and the rarer commands: the everyday ones are read by the fast parser (src/cli/fastParse.ts).
  commander: "module.exports = require('commander');",
  // Only for the table and the abstract view on a terminal.
  chalk: "module.exports = { Chalk: require('chalk').Chalk };",
  'string-width': "module.exports = require('string-width');",
  // Only for the interactive reader (-i). One React for the reader and ink: ink's bundle requires this one.
  react: "module.exports = require('react');",
  // ESM, naming what the reader uses, so that esbuild leaves the rest of ink out.
  ink: "export { render, Box, Text, useInput, useStdout } from 'ink'; export { initYoga as ready } from 'yoga-layout';",
  // Only for `papers show --full` on a terminal.
  marked: "module.exports = { Marked: require('marked').Marked };",
  // Imported, not required: the ESM build of marked-terminal imports its dependencies, so the stubs below
  // replace them; its CommonJS build has highlight.js inlined.
  'marked-terminal': "export { markedTerminal } from 'marked-terminal';",
};
/** Dependencies of vendor bundles that papers never calls, replaced by stubs (1.5 MB -> 57 KB for marked-terminal). */
const STUBS = { 'cli-highlight': './scripts/stubs/cli-highlight.cjs', 'node-emoji': './scripts/stubs/node-emoji.cjs' };

/**
 * conf is used without a schema, and compiles none then; its validator ajv still cost ~30 ms to load.
 * It is replaced by a stub that fails loudly should a schema ever be given.
 */
const noAjv = {
  name: 'no-ajv',
  setup(b) {
    b.onResolve({ filter: /^ajv(-formats)?(\/|$)/ }, (args) => ({ path: args.path, namespace: 'no-ajv' }));
    b.onLoad({ filter: /.*/, namespace: 'no-ajv' }, () => ({
      loader: 'js',
      contents: `function NoAjv() { throw new Error('papers is built without ajv (scripts/build.mjs): conf cannot take a schema'); }
        module.exports = { Ajv2020: NoAjv, default: NoAjv };`,
    }));
  },
};

/**
 * ink is ESM with top-level await, which a CommonJS bundle cannot hold: yoga-layout awaits its
 * WebAssembly at load, and ink's reconciler awaits React devtools when DEV=true. So yoga comes from
 * its `load` entry behind a binding the bundle fills in `ready()` (awaited by runReader before the
 * first frame; ink touches yoga only when it renders), and the devtools hook is cut. is-in-ci is
 * false: in CI ink would hold every frame until exit, and the reader only runs on a terminal.
 * A pinned ink that no longer has these lines fails the build here rather than at run time.
 */
/** A dependency's file with each `from` replaced by `to`; the build fails if one is not there. */
function patch(path, pairs) {
  let text = readFileSync(path, 'utf8');
  for (const [from, to] of pairs) {
    if (!text.includes(from)) throw new Error(`${path} changed: "${from}" is gone; see inkPlugin in scripts/build.mjs`);
    text = text.replaceAll(from, to);
  }
  return { contents: text, loader: 'js' };
}

const inkPlugin = {
  name: 'ink-cjs',
  setup(b) {
    b.onResolve({ filter: /^react$/ }, () => ({ path: './react.cjs', external: true }));
    b.onResolve({ filter: /^yoga-layout$/ }, () => ({ path: 'yoga', namespace: 'papers-shim' }));
    b.onResolve({ filter: /^is-in-ci$/ }, () => ({ path: 'ci', namespace: 'papers-shim' }));
    b.onLoad({ filter: /^yoga$/, namespace: 'papers-shim' }, () => ({
      resolveDir: process.cwd(),
      contents:
        "import { loadYoga } from 'yoga-layout/load'; let Yoga; export { Yoga as default }; export async function initYoga() { Yoga ??= await loadYoga(); }",
    }));
    b.onLoad({ filter: /^ci$/, namespace: 'papers-shim' }, () => ({ contents: 'export default false;' }));
    // Emscripten asks `typeof fetch` before it sees the WebAssembly is inline: in Node that loads
    // Node's own undici (~40 ms), for nothing.
    b.onLoad({ filter: /yoga-wasm-base64-esm\.js$/ }, async (args) => patch(args.path, [['"function"!=typeof fetch', 'true']]));
    // terminal-size (ink's fallback for a stdout that has no size, which the reader's never lacks)
    // imports node:child_process for tput: that loads net, streams and dgram (~8 ms) before the first frame.
    b.onLoad({ filter: /terminal-size[\\/]index\.js$/ }, async (args) =>
      patch(args.path, [
        ["import {execFileSync} from 'node:child_process';", "const execFileSync = (...a) => require('node:child_process').execFileSync(...a);"],
      ]),
    );
    b.onLoad({ filter: /ink[\\/]build[\\/]reconciler\.js$/ }, async (args) =>
      patch(args.path, [
        ["await import('./devtools.js');", 'void 0;'],
        ['await loadPackageJson()', '{ name: undefined, version: undefined }'],
      ]),
    );
  },
};
/** Per-vendor build options. React's and ink's packages pick their development builds unless NODE_ENV says production. */
const production = { define: { 'process.env.NODE_ENV': '"production"' } };
const VENDOR_OPTIONS = { conf: { plugins: [noAjv] }, ink: { plugins: [inkPlugin], ...production }, react: production };

/**
 * env-paths imports Node's path, os and process as defaults, which esbuild turns into __toESM copies:
 * a getter made for every property of each (process has ~100), ~0.4 ms and ~50 KB at every start,
 * as it loads with the entry. Its three imports become plain requires; the build fails if they change.
 */
const envPathsRequires = {
  name: 'env-paths-requires',
  setup(b) {
    b.onLoad({ filter: /[\\/]env-paths[\\/]index\.js$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const text = await readFile(args.path, 'utf8');
      const imports = ["import path from 'node:path';", "import os from 'node:os';", "import process from 'node:process';"];
      if (!imports.every((line) => text.includes(line))) throw new Error(`env-paths no longer imports ${imports.join(' ')}: update scripts/build.mjs`);
      let contents = text;
      for (const line of imports) {
        const [, name, mod] = /^import (\w+) from '([^']+)';$/.exec(line);
        contents = contents.replace(line, `const ${name} = require('${mod}');`);
      }
      return { contents, loader: 'js' };
    });
  },
};

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

const vendorPlugin = {
  name: 'vendor',
  setup(b) {
    const names = Object.keys(VENDOR)
      .map((n) => n.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&'))
      .join('|');
    b.onResolve({ filter: new RegExp(`^(${names})$`) }, (args) => ({ path: `./vendor/${args.path}.cjs`, external: true }));
  },
};

await Promise.all([
  build({
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.cjs',
    // dist/cli.cjs.map, named by a comment at the end of the bundle: with PAPERS_DEBUG=1, bin/papers.cjs
    // turns Node's source maps on, so a stack names src/*.ts lines instead of the minified bundle's.
    // Without the sources' text (the frames need only names and lines), so the package stays small.
    sourcemap: 'linked',
    sourcesContent: false,
    // One function expression, the module wrapper written in: bin/papers.cjs compiles the file as it is,
    // where Module.wrap(source) would make V8 copy the whole 170 KB source into a new string first.
    banner: { js: '(function (exports, require, module, __filename, __dirname) {' },
    footer: { js: '})' },
    define: { __PAPERS_VERSION__: JSON.stringify(pkg.version) },
    plugins: [vendorPlugin, envPathsRequires],
  }),
  ...Object.entries(VENDOR).map(([name, contents]) =>
    build({
      ...common,
      alias: STUBS,
      stdin: { contents, resolveDir: process.cwd(), loader: 'js' },
      outfile: `dist/vendor/${name}.cjs`,
      ...VENDOR_OPTIONS[name],
    }),
  ),
]);

// The entry must be ASCII. bin/papers.cjs reads it as a string at every start, and one character past
// U+00FF makes V8 store all of it as two bytes a character (~340 KB more to read, copy and touch than
// 170 KB). esbuild escapes strings, but leaves a regular expression literal as written: write such
// characters as \u escapes there. (An unminified build keeps comments, which may hold anything.)
if (common.minify) {
  const entry = readFileSync(new URL('../dist/cli.cjs', import.meta.url));
  const at = entry.findIndex((byte) => byte > 0x7f);
  if (at !== -1) {
    const line = entry.subarray(0, at).toString('latin1').split('\n').length;
    throw new Error(
      `dist/cli.cjs is not ASCII: line ${line}: ${entry.subarray(Math.max(0, at - 40), at + 10).toString('utf8')} (write it as a \\u escape in the source)`,
    );
  }
}

// man/papers.1, from the same command table as the CLI and its help.
{
  const { execFileSync } = await import('node:child_process');
  const { tmpdir } = await import('node:os');
  const tool = `${tmpdir()}/papers-man-${process.pid}.cjs`;
  await build({ ...common, entryPoints: ['scripts/man.ts'], outfile: tool });
  const date = new Date(Number(process.env.SOURCE_DATE_EPOCH ?? Date.now() / 1000) * 1000).toISOString().slice(0, 10);
  execFileSync(process.execPath, [tool, 'man/papers.1', pkg.version, date], { stdio: 'inherit' });
  rmSync(tool, { force: true });
}

// Warm the V8 code cache on the everyday path: the first run writes dist/cli.cjs.cache with the
// functions it compiled. The run is a morning's `papers new` over a cache of three days, one of them
// already seen: it goes through all that a list from the cache does (reading and checking entries,
// ranking, TSV) and through what `new` adds (the spared day, the marks read and written). Warmed on
// `day` alone, the functions only `new` runs were compiled at every run of it (~7 ms, paired medians);
// a cache hit is the same either way (within 2 ms, from 41 shuffled alternations).
{
  const { mkdirSync, mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  const { execFileSync } = await import('node:child_process');
  const dir = mkdtempSync(path.join(tmpdir(), 'papers-build-'));
  // The days `new --since -2` looks at: today in New York (as the CLI counts it) and the two before.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date());
  const days = [-2, -1, 0].map((n) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10));
  const paper = (day, i) => {
    const id = `${day.slice(2, 4)}${day.slice(5, 7)}.${String(10000 + Number(day.slice(8)) * 10 + i)}`;
    return {
      id,
      title: `Warm-up paper ${i}`,
      summary: 'An abstract.',
      authors: ['A. Author'],
      authorCount: 1,
      publishedAt: `${day}T00:00:00.000Z`,
      day,
      upvotes: i,
      comments: 0,
      githubRepo: null,
      githubStars: null,
      projectPage: null,
      aiSummary: null,
      keywords: [],
      organization: null,
      url: `https://huggingface.co/papers/${id}`,
      arxivUrl: `https://arxiv.org/abs/${id}`,
      pdfUrl: `https://arxiv.org/pdf/${id}`,
      source: 'hf',
    };
  };
  const cache = path.join(dir, 'cache');
  const data = path.join(dir, 'data');
  mkdirSync(cache);
  mkdirSync(data);
  const lists = days.map((day) => [1, 2, 3].map((i) => paper(day, i)));
  days.forEach((day, i) =>
    writeFileSync(path.join(cache, `day-${day}.json`), JSON.stringify({ v: 1, key: `day:${day}`, fetchedAt: Date.now(), data: lists[i] })),
  );
  // The first day already seen, as a `new` run the day before leaves it: its entry is looked at, not parsed.
  const seen = { [days[0]]: lists[0].map((p) => p.id) };
  writeFileSync(path.join(data, 'marks.json'), `${JSON.stringify({ version: 1, newThrough: days[0], seen, read: {} })}\n`);
  try {
    execFileSync(process.execPath, ['bin/papers.cjs', 'new', '--since', '-2', '--offline', '--format', 'tsv'], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, PAPERS_CACHE_DIR: cache, PAPERS_CONFIG_DIR: path.join(dir, 'config'), PAPERS_DATA_DIR: data },
      // stdout a pipe, as in `papers new | cut -f4`: the path the cache is made for.
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
