import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { cleanEnv, tempDirs } from './cli.js';
import { FakeHf } from './server.js';

export interface Harness {
  server: FakeHf;
  dirs: ReturnType<typeof tempDirs>;
  /** PAPERS_API_URL and PAPERS_ARXIV_URL at the server, fresh cache and config dirs. */
  env: NodeJS.ProcessEnv;
}

/**
 * One fake Hugging Face/arXiv server for a test file, reset before every test, and fresh temporary
 * cache and settings directories for every test. `bind` hands them to the file's own variables.
 */
export function useHarness(bind: (h: Harness) => void, extra: Record<string, string> = {}): Harness {
  const h = {} as Harness;
  beforeAll(async () => {
    h.server = new FakeHf();
    await h.server.start();
    bind(h);
  });
  afterAll(() => h.server.stop());
  beforeEach(() => {
    h.server.reset();
    h.dirs = tempDirs();
    h.env = cleanEnv({
      PAPERS_API_URL: h.server.url,
      PAPERS_ARXIV_URL: h.server.url,
      PAPERS_CACHE_DIR: h.dirs.cache,
      PAPERS_CONFIG_DIR: h.dirs.config,
      PAPERS_DATA_DIR: h.dirs.data,
      ...extra,
    });
    bind(h);
  });
  afterEach(() => h.dirs.cleanup());
  return h;
}
