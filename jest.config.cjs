// NestJS 12 ships ESM-only packages; the application is CommonJS and loads them through Node's
// require(esm). Jest's module loader does the same on Node 24.9+ (with --experimental-vm-modules,
// which `npm test` passes; PGlite also loads its WebAssembly with import()), so dependencies run
// untransformed. Our TypeScript goes through ts-jest in transpile-only mode; `npm run typecheck`
// (part of `npm test`) checks types.
const vm = require('node:vm');

if (typeof vm.SourceTextModule?.prototype.hasAsyncGraph !== 'function') {
  throw new Error(
    `The test suite runs on Node 24.9 or newer with --experimental-vm-modules (this is Node ${process.versions.node}). ` +
      'Run `npm test`, after `source scripts/use-node24.sh` if your Node is older.',
  );
}

const aliases = ['text', 'database', 'common', 'outlets', 'articles', 'sources', 'claims', 'verdicts', 'feeds', 'webhooks', 'linking', 'health', 'auth', 'rate-limits', 'audit', 'monitoring'];

module.exports = {
  testEnvironment: 'node',
  rootDir: '.',
  roots: ['<rootDir>/libs', '<rootDir>/apps', '<rootDir>/test'],
  testRegex: '.*\\.(spec|e2e-spec)\\.ts$',
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      { tsconfig: { module: 'commonjs', moduleResolution: 'node10', ignoreDeprecations: '6.0', isolatedModules: true } },
    ],
  },
  moduleNameMapper: Object.fromEntries(
    aliases.flatMap((name) => [
      [`^@isnad/${name}$`, `<rootDir>/libs/${name}/src`],
      [`^@isnad/${name}/(.*)$`, `<rootDir>/libs/${name}/src/$1`],
    ]),
  ),
  globalSetup: '<rootDir>/libs/database/src/testing/jest-global-setup.ts',
  // Generous: a test file's API starts (PGlite, migrations, Nest) in seconds, but far slower on a busy machine.
  testTimeout: 120000,
  // On two cores Jest would run every file inside its own process, whose heap then grows by about
  // 50 MB a file (each starts a Nest application; 818 MB after 15 of the 85 files). Collecting a
  // heap that size can pause the event loop for a second, in the middle of the tests that prove
  // nothing stalls it. With a memory limit Jest runs the files in a worker process instead, and
  // replaces it after any file that leaves its heap above 1 GB.
  workerIdleMemoryLimit: '1GB',
};
