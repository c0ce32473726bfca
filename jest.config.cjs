// NestJS 12 ships ESM-only packages. The application is CommonJS and loads them through Node's
// require(esm); Jest's own module loader only learns require(esm) on Node 24.9+, so under Jest the
// ESM packages (NestJS and any other "type": "module" dependency) are compiled to CommonJS by
// babel-jest (import.meta included). Our TypeScript goes
// through ts-jest in transpile-only mode; `npm run typecheck` (part of `npm test`) checks types.
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const aliases = ['text', 'database', 'common', 'outlets', 'articles', 'sources', 'claims', 'verdicts', 'feeds', 'webhooks', 'linking', 'health', 'auth', 'rate-limits', 'audit', 'monitoring'];

/** Installed packages published as ES modules ("type": "module"): these get compiled for Jest. */
function esmPackages() {
  const root = join(__dirname, 'node_modules');
  const names = readdirSync(root).flatMap((entry) =>
    entry.startsWith('@') ? readdirSync(join(root, entry)).map((name) => `${entry}/${name}`) : [entry],
  );
  return names.filter((name) => {
    try {
      return JSON.parse(readFileSync(join(root, name, 'package.json'), 'utf8')).type === 'module';
    } catch {
      return false;
    }
  });
}
const escape = (name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

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
    '^.+\\.js$': [
      'babel-jest',
      { babelrc: false, configFile: false, plugins: [
          require.resolve('./test/support/babel-plugin-rename-local-require.cjs'),
          'babel-plugin-transform-import-meta',
          '@babel/plugin-transform-dynamic-import',
          '@babel/plugin-transform-modules-commonjs',
        ] },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages().map(escape).join('|')})/)`],
  moduleNameMapper: Object.fromEntries(
    aliases.flatMap((name) => [
      [`^@isnad/${name}$`, `<rootDir>/libs/${name}/src`],
      [`^@isnad/${name}/(.*)$`, `<rootDir>/libs/${name}/src/$1`],
    ]),
  ),
  globalSetup: '<rootDir>/libs/database/src/testing/jest-global-setup.ts',
  testTimeout: 60000,
};
