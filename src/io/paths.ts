import envPaths from 'env-paths';

/** Where settings and cache live: the platform dirs conf uses, unless PAPERS_CONFIG_DIR / PAPERS_CACHE_DIR say. */
export function statePaths(env: NodeJS.ProcessEnv): { configDir: string; cacheDir: string } {
  let paths: ReturnType<typeof envPaths> | undefined;
  const platform = () => (paths ??= envPaths('papers', { suffix: 'nodejs' }));
  return {
    configDir: env.PAPERS_CONFIG_DIR || platform().config,
    cacheDir: env.PAPERS_CACHE_DIR || platform().cache,
  };
}
