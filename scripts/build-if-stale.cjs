// Compiles the API into dist/ (scripts/build.cjs, what `npm run build` runs) when dist/ is missing or
// older than a source file. Used by `npm start` (scripts/start.cjs) and by benchmarks that run the
// compiled API (bench/support/bench-api.ts). Sources: apps/api/src, libs, ormconfig.ts, the
// TypeScript configs and package-lock.json.
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

/** Builds dist/ when it is stale (the compiler's output shown); exits the process when the build fails. */
function buildIfStale() {
  if (!isStale()) return;
  console.log('Compiling the API into dist/ (npm run build) ...');
  const build = spawnSync(process.execPath, [join(__dirname, 'build.cjs')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

module.exports = { buildIfStale, entry, root };
