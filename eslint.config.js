// Lint: typescript-eslint's recommended rules, plus the rules of the architecture that a reviewer
// would otherwise have to keep in mind: core/ and render/ stay pure, and laziness is at the leaves.
// Own modules import each other statically (esbuild puts them in one bundle: there is nothing to
// wait for); a heavy package is imported by value only with import(), only by the one leaf module
// that uses it, on first use (src/core/lazy.ts). The lazy own-module imports left are a command's
// module (cli/table.ts), the interactive reader (cli/run.ts), and its ink part, loaded once its first
// frame is painted (ui/reader/launch.ts).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// node:child_process is Node's, but it loads net, streams and dgram (~3 ms): it is loaded like a vendor.
const VENDORS = [
  'node:child_process',
  'undici',
  'conf',
  'ora',
  'chalk',
  'commander',
  'cli-table3',
  'fast-xml-parser',
  'string-width',
  'ink',
  'react',
  'marked',
  'marked-terminal',
];
const vendorRule = (allowed = []) => ({
  paths: VENDORS.filter((name) => !allowed.includes(name)).map((name) => ({
    name,
    allowTypeImports: true,
    message: 'a heavy package: its leaf module loads it with import() on first use (see eslint.config.js)',
  })),
});
/** Where import() may name a vendor, and where it may name an own module. */
const LEAVES = {
  'src/core/xml.ts': ['fast-xml-parser'],
  'src/render/table.ts': ['cli-table3'],
  'src/render/text.ts': ['string-width'],
  'src/io/http.ts': ['undici'],
  'src/io/confWrite.ts': ['conf'],
  'src/ui/chalkPaint.ts': ['chalk'],
  'src/ui/spinner.ts': ['ora'],
  'src/cli/program.ts': ['commander'],
  'src/ui/pager.ts': ['node:child_process'],
  'src/io/browser.ts': ['node:child_process'],
  'src/ui/fullText.ts': ['marked', 'marked-terminal'],
};
const LAZY_OWN = ['src/cli/table.ts', 'src/cli/run.ts', 'src/ui/reader/launch.ts'];
const lazyRule = (file) => [
  'error',
  ...(LAZY_OWN.includes(file)
    ? []
    : [{ selector: 'ImportExpression[source.value=/^[.]/]', message: 'own modules are imported statically: only a heavy package waits, in its leaf' }]),
  ...VENDORS.filter((name) => !(LEAVES[file] ?? []).includes(name)).map((name) => ({
    selector: `ImportExpression[source.value='${name}']`,
    message: `${name} is loaded only by its leaf module (see LEAVES in eslint.config.js)`,
  })),
];
const WORLD = ['node:fs', 'node:fs/promises', 'node:child_process', 'node:net', 'node:http', 'node:https', 'node:os', 'node:process', 'env-paths'];
const pureRule = (allowedVendors) => ({
  ...vendorRule(allowedVendors),
  paths: [...vendorRule(allowedVendors).paths, ...WORLD.map((name) => ({ name, message: 'core/ and render/ are pure: side effects live in io/ and ui/' }))],
  patterns: [
    {
      group: ['**/io/*', '**/ui/*', '**/cli/*', '**/commands/*', '**/sources/*', '**/context.js'],
      allowTypeImports: true,
      message: 'core/ and render/ are pure: they may not reach the edges',
    },
  ],
});

export default tseslint.config(
  { ignores: ['dist/', 'man/', 'node_modules/', 'coverage/', 'bench/.data/', 'bin/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  { files: ['src/**/*.ts'], rules: { 'no-restricted-imports': ['error', vendorRule()], 'no-restricted-syntax': lazyRule('') } },
  { files: ['src/core/**/*.ts', 'src/render/**/*.ts'], rules: { 'no-restricted-imports': ['error', pureRule()] } },
  ...[...Object.keys(LEAVES), ...LAZY_OWN].map((file) => ({ files: [file], rules: { 'no-restricted-syntax': lazyRule(file) } })),
  // The interactive reader is itself reached lazily (cli/run.ts), so it imports ink and React statically.
  { files: ['src/ui/reader/**/*.ts'], rules: { 'no-restricted-imports': ['error', vendorRule(['ink', 'react'])] } },
  // A test's "today" is the CLI's: in-process runs take the fixed clock of tests/helpers/clock.ts, so a
  // suite that crosses midnight in New York cannot fail. Only a spawned CLI runs on the real clock.
  {
    files: ['tests/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'the in-process CLI runs on NOW of tests/helpers/clock.ts: use NOW or TODAY (a spawned CLI alone has the real clock)',
        },
      ],
    },
  },
);
