declare const __PAPERS_VERSION__: string | undefined;

/** Set by the build from package.json; tests running the sources see a dev version. */
export const VERSION: string = typeof __PAPERS_VERSION__ === 'string' ? __PAPERS_VERSION__ : '0.0.0-dev';
