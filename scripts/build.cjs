// `npm run build`: compiles apps/api and libs into dist/ (tsconfig.build.json, type-checked,
// incremental), then rewrites the @isnad/* path aliases into relative requires (tsc-alias), so
// `node dist/apps/api/src/main.js` needs nothing but node_modules. Every file under libs/ is emitted,
// so files loaded by path (worker threads) exist beside their module as .js.
const { spawnSync } = require('node:child_process');
const { utimesSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const run = (script, args) => {
  const result = spawnSync(process.execPath, [require.resolve(script, { paths: [root] }), ...args], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
run('typescript/bin/tsc', ['-p', 'tsconfig.build.json']);
run('tsc-alias/dist/bin/index.js', ['-p', 'tsconfig.build.json']);
// tsc leaves its build info untouched when nothing changed; `npm start` compares sources with it.
const now = new Date();
utimesSync(join(root, 'dist', '.tsbuildinfo'), now, now);
