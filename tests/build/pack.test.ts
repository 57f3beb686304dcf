import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

// What `npm pack` puts in the package, as npm lists it (the build has run: npm test builds first).
it('the package ships the bundles and the source map, and no V8 code cache (one is only good for the file it was made from)', () => {
  const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  const files = (JSON.parse(r.stdout) as [{ files: { path: string }[] }])[0].files.map((f) => f.path);
  expect(files).toContain('bin/papers.cjs');
  expect(files).toContain('dist/cli.cjs');
  expect(files).toContain('dist/cli.cjs.map');
  expect(files.filter((f) => f.startsWith('dist/vendor/')).length).toBeGreaterThan(3);
  expect(files.filter((f) => f.endsWith('.cache'))).toEqual([]);
});
