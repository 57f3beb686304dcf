import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { runPapers } from './run.js';

/** Writes `papers completion <shell>` to a file in `dir`, as a user installs it, and returns its path. */
export async function completionScript(shell: string, env: NodeJS.ProcessEnv, dir: string): Promise<string> {
  const r = await runPapers(['completion', shell], env);
  expect(r.code).toBe(0);
  const file = path.join(dir, `papers.${shell}`);
  writeFileSync(file, r.stdout);
  return file;
}
