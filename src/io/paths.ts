import envPaths from 'env-paths';

/**
 * Where settings, cache and marks live: the platform dirs conf uses (env-paths `data` for the marks),
 * unless PAPERS_CONFIG_DIR / PAPERS_CACHE_DIR / PAPERS_DATA_DIR say.
 */
export function statePaths(env: NodeJS.ProcessEnv): { configDir: string; cacheDir: string; dataDir: string } {
  let paths: ReturnType<typeof envPaths> | undefined;
  const platform = () => (paths ??= envPaths('papers', { suffix: 'nodejs' }));
  return {
    configDir: env.PAPERS_CONFIG_DIR || platform().config,
    cacheDir: env.PAPERS_CACHE_DIR || platform().cache,
    // Asked for only by what reads the marks: a cache hit does not look the platform dir up for it.
    get dataDir() {
      return env.PAPERS_DATA_DIR || platform().data;
    },
  };
}
