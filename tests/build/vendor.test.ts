import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, tempDirs } from '../helpers/cli.js';

// The vendor bundles as the build makes them (npm test builds first).
const vendor = (name: string) => path.join(ROOT, 'dist', 'vendor', `${name}.cjs`);
const require = createRequire(import.meta.url);

let dirs: ReturnType<typeof tempDirs> | undefined;
afterEach(() => dirs?.cleanup());

describe('the conf vendor bundle', () => {
  it('writes a store without a schema, and refuses a schema loudly (ajv is left out)', () => {
    dirs = tempDirs();
    const Conf = require(vendor('conf')) as new (o: Record<string, unknown>) => { store: unknown };
    const store = new Conf({ projectName: 'papers', cwd: dirs.cache, configName: 'entry' });
    store.store = { v: 1, data: [1, 2] };
    expect(JSON.parse(readFileSync(path.join(dirs.cache, 'entry.json'), 'utf8'))).toEqual({ v: 1, data: [1, 2] });
    expect(() => new Conf({ projectName: 'papers', cwd: dirs!.cache, configName: 'other', schema: { n: { type: 'number' } } })).toThrow(/built without ajv/);
    expect(existsSync(path.join(dirs.cache, 'other.json'))).toBe(false);
  });
});

describe('the undici vendor bundle', () => {
  it("is the client only: making a dispatcher never loads Node's own undici (fetch and its globals)", () => {
    const script = `
      const { EnvHttpProxyAgent, interceptors } = require(${JSON.stringify(vendor('undici'))});
      const d = new EnvHttpProxyAgent({}).compose(interceptors.redirect({ maxRedirections: 3 }));
      if (typeof d.request !== 'function') throw new Error('no request()');
      console.log(process.moduleLoadList.some((m) => m.includes('internal/deps/undici')));`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('false');
  });
});
