// What `npm start` gives the API process besides the code: the environment below (values already
// set win) and package.json's V8 flag. Shared by scripts/start.cjs and by benchmarks that must
// measure the API as npm start runs it (scripts/as-started.cjs).

// glibc's malloc settings (why: scripts/start.cjs; about 75 MiB off an idle API, bench:startup).
const MALLOC_SETTINGS = { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072', MALLOC_TRIM_THRESHOLD_: '131072' };

/**
 * The API's environment under npm start: the malloc settings, and NODE_ENV=production unless
 * NODE_ENV is set. Under production graphql-js drops its development check on every type test
 * (`instanceOf` looking for a second copy of graphql; about a quarter of graphql-js's time on a
 * page of claims), and Express and graphql-ws keep internal error details out of their answers.
 * Schema visibility stays what it was for npm start (public) unless GRAPHQL_SCHEMA_VISIBILITY
 * says otherwise: it follows NODE_ENV only where an operator sets NODE_ENV=production themselves.
 */
function startEnvironment(env = process.env) {
  const production = env.NODE_ENV ? {} : { NODE_ENV: 'production', GRAPHQL_SCHEMA_VISIBILITY: env.GRAPHQL_SCHEMA_VISIBILITY || 'public' };
  return { ...MALLOC_SETTINGS, ...env, ...production };
}

module.exports = { startEnvironment };
