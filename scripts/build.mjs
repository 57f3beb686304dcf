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
};

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
/** esbuild plugins for one vendor bundle's own build. */
const VENDOR_PLUGINS = { conf: [noAjv] };

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
    define: { __PAPERS_VERSION__: JSON.stringify(pkg.version) },
    plugins: [vendorPlugin],
  }),
  ...Object.entries(VENDOR).map(([name, contents]) =>
    build({ ...common, stdin: { contents, resolveDir: process.cwd(), loader: 'js' }, outfile: `dist/vendor/${name}.cjs`, plugins: VENDOR_PLUGINS[name] ?? [] }),
  ),
]);

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
// functions it compiled, so a list from the cache is the run the cache is made for.
{
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  const { execFileSync } = await import('node:child_process');
  const dir = mkdtempSync(path.join(tmpdir(), 'papers-build-'));
  const day = '2026-01-05';
  const paper = (i) => ({
    id: `2601.${String(10000 + i)}`,
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
    url: null,
    arxivUrl: null,
    pdfUrl: null,
    source: 'hf',
  });
  writeFileSync(path.join(dir, `day-${day}.json`), JSON.stringify({ v: 1, key: `day:${day}`, fetchedAt: Date.now(), data: [1, 2, 3].map(paper) }));
  try {
    execFileSync(process.execPath, ['bin/papers.cjs', 'day', day, '--offline', '--format', 'tsv'], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, PAPERS_CACHE_DIR: dir, PAPERS_CONFIG_DIR: path.join(dir, 'config') },
      // stdout a pipe, as in `papers day ... | cut -f4`: the path the cache is made for.
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
