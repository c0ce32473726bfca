// Runs before `npm start`: builds the workspace (apps/web) when it has not been built yet, so the
// README's two commands serve it at `/` with nothing else done. Rebuild after changes with
// `npm run build:web`.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { execSync } = require('node:child_process');

const root = join(__dirname, '..');
const webDir = process.env.WEB_DIST_DIR || join(root, 'apps', 'web', 'dist');
// graphiql.html came later: a build from before it is made again.
if (!existsSync(join(webDir, 'index.html')) || !existsSync(join(webDir, 'graphiql.html'))) {
  if (!existsSync(join(root, 'node_modules', 'vite'))) {
    console.warn('The workspace is not built and Vite is not installed (npm ci without --omit=dev builds it); serving the API only.');
  } else {
    console.log('Building the workspace (npm run build:web) ...');
    execSync('npm run -s build:web', { cwd: root, stdio: 'inherit' });
  }
}
