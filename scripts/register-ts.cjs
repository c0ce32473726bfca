// Lets Node run the TypeScript sources directly (npm start, the demo, the TypeORM CLI, evals):
// ts-node in transpile-only mode (types are checked by `npm run typecheck`), CommonJS output,
// and the @isnad/* path aliases from tsconfig.json.
// ts-node's entry point loads its REPL module, and through it Node's repl and domain modules; domain,
// once loaded, replaces EventEmitter.init and emit for the whole process (every request's objects
// pay for it, which the compiled API under npm start never does). Nothing here starts a REPL: its
// module is put in the require cache empty, so neither is loaded.
const Module = require('node:module');
const replPath = require('node:path').join(require.resolve('ts-node'), '..', 'repl.js');
const repl = new Module(replPath, module);
Object.assign(repl, { filename: replPath, loaded: true, exports: {} });
require.cache[replPath] = repl;
require('ts-node').register({
  transpileOnly: true,
  compilerOptions: { module: 'commonjs', moduleResolution: 'node10', ignoreDeprecations: '6.0' },
});
require('tsconfig-paths').register({
  baseUrl: require('node:path').join(__dirname, '..'),
  paths: require('../tsconfig.json').compilerOptions.paths,
});
