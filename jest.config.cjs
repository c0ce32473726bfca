// NestJS 12 ships ESM-only packages. The application is CommonJS and loads them through Node's
// require(esm); Jest's own module loader only learns require(esm) on Node 24.9+, so under Jest the
// ESM packages are compiled to CommonJS by babel-jest (import.meta included). Our TypeScript goes
// through ts-jest in transpile-only mode; `npm run typecheck` (part of `npm test`) checks types.
const aliases = ['text', 'database', 'common', 'outlets', 'articles', 'sources', 'claims'];

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
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs)/)'],
  moduleNameMapper: Object.fromEntries(
    aliases.flatMap((name) => [
      [`^@isnad/${name}$`, `<rootDir>/libs/${name}/src`],
      [`^@isnad/${name}/(.*)$`, `<rootDir>/libs/${name}/src/$1`],
    ]),
  ),
  globalSetup: '<rootDir>/libs/database/src/testing/jest-global-setup.ts',
  testTimeout: 60000,
};
