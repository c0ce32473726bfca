// `npm start`: runs the compiled API from dist/, compiling it first when dist/ is missing or older
// than a source file (so a fresh clone still needs only `npm start`). Sources: apps/api/src, libs,
// ormconfig.ts and the TypeScript configs; `npm run build` is the compile step.
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');

const root = join(__dirname, '..');
const entry = join(root, 'dist', 'apps', 'api', 'src', 'main.js');
const stamp = join(root, 'dist', '.tsbuildinfo');

/** Newest modification time among the files the build reads. */
function newestSource() {
  let newest = 0;
  const visit = (path) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const name of readdirSync(path)) if (name !== 'node_modules') visit(join(path, name));
    } else if (path.endsWith('.ts') || path.endsWith('.json')) {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const path of ['apps/api/src', 'libs', 'ormconfig.ts', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json']) visit(join(root, path));
  return newest;
}

function isStale() {
  if (!existsSync(entry) || !existsSync(stamp)) return true;
  return statSync(stamp).mtimeMs < newestSource();
}

if (isStale()) {
  console.log('Compiling the API into dist/ (npm run build) ...');
  const build = spawnSync(process.execPath, [join(__dirname, 'build.cjs')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
// V8 keeps compiled code of the API and its dependencies on disk between starts (Node 22.1+).
require('node:module').enableCompileCache?.();
require(entry);
