import { defineConfig } from 'vitest/config';

// Two projects, both run by `npx vitest run` (one "Tests N passed" line for .ci/run):
// - unit: pure modules and in-process pieces (tests/**, except e2e);
// - e2e: the whole CLI against the local fake server, in-process through tests/helpers/run.ts,
//   and the few spawned smoke tests where a process is the point (tests/e2e/process.test.ts, ptys).
// Run one with `npx vitest run --project unit`.
//
// Worker threads, and test files not isolated from each other in a worker: starting a fork and
// importing the sources again for every file was a third of the suite's CPU time. So nothing a
// test runs may leave global state behind (the CLI takes its process, clock and sleep as
// arguments; see tests/helpers/run.ts). To rule a leak in or out, run with --isolate.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'threads',
    // ink (the interactive reader) holds every frame until exit when it believes it runs in CI; the
    // shipped bundle is built with that check off, and the component tests load ink unbundled.
    env: { CI: 'false', CONTINUOUS_INTEGRATION: 'false' },
    isolate: false,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/e2e/**'] } },
      { extends: true, test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'] } },
    ],
  },
});
