// Lint: typescript-eslint's recommended rules, plus the two rules of the architecture that a
// reviewer would otherwise have to keep in mind: core/ and render/ stay pure, and the heavy
// packages are imported only by the one leaf module that uses each (reached by a lazy import).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const VENDORS = ['undici', 'conf', 'ora', 'chalk', 'commander', 'cli-table3', 'fast-xml-parser', 'string-width', 'ink', 'react', 'marked', 'marked-terminal'];
const vendorRule = (allowed = []) => ({
  paths: VENDORS.filter((name) => !allowed.includes(name)).map((name) => ({
    name,
    allowTypeImports: true,
    message: 'a heavy package: import it only in its leaf module (see eslint.config.js), which is loaded lazily',
  })),
});
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
  { files: ['src/**/*.ts'], rules: { 'no-restricted-imports': ['error', vendorRule()] } },
  { files: ['src/core/**/*.ts'], rules: { 'no-restricted-imports': ['error', pureRule()] } },
  { files: ['src/core/xml.ts'], rules: { 'no-restricted-imports': ['error', pureRule(['fast-xml-parser'])] } },
  { files: ['src/render/**/*.ts'], rules: { 'no-restricted-imports': ['error', pureRule()] } },
  { files: ['src/render/table.ts'], rules: { 'no-restricted-imports': ['error', pureRule(['cli-table3'])] } },
  { files: ['src/render/text.ts'], rules: { 'no-restricted-imports': ['error', pureRule(['string-width'])] } },
  { files: ['src/io/http.ts'], rules: { 'no-restricted-imports': ['error', vendorRule(['undici'])] } },
  { files: ['src/ui/chalkPaint.ts'], rules: { 'no-restricted-imports': ['error', vendorRule(['chalk'])] } },
  { files: ['src/cli/program.ts'], rules: { 'no-restricted-imports': ['error', vendorRule(['commander'])] } },
  // The interactive reader: reached only through the lazy import of ui/reader/launch.js from cli/run.ts.
  { files: ['src/ui/reader/**/*.ts'], rules: { 'no-restricted-imports': ['error', vendorRule(['ink', 'react'])] } },
  { files: ['src/ui/fullText.ts'], rules: { 'no-restricted-imports': ['error', vendorRule(['marked', 'marked-terminal'])] } },
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
