// Lets Node run the TypeScript sources directly (npm start, the demo, the TypeORM CLI, evals):
// ts-node in transpile-only mode (types are checked by `npm run typecheck`), CommonJS output,
// and the @isnad/* path aliases from tsconfig.json.
require('ts-node').register({
  transpileOnly: true,
  compilerOptions: { module: 'commonjs', moduleResolution: 'node10', ignoreDeprecations: '6.0' },
});
require('tsconfig-paths').register({
  baseUrl: require('node:path').join(__dirname, '..'),
  paths: require('../tsconfig.json').compilerOptions.paths,
});
