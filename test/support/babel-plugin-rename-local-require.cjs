// Some ESM-only @nestjs files declare `const require = createRequire(import.meta.url)`. Once
// babel-jest turns them into CommonJS that local binding collides with the module's own
// `require`, so this plugin renames it first. Jest-only tooling; the app loads the ESM as is.
module.exports = function renameLocalRequire() {
  return {
    name: 'rename-local-require',
    visitor: {
      Program(path) {
        if (path.scope.hasOwnBinding('require')) path.scope.rename('require', '__esmLocalRequire');
      },
    },
  };
};
