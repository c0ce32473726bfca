// Preloaded (`node -r ./scripts/as-started.cjs …`) by benchmarks that time the API as `npm start`
// runs it: the process is made anew (process.execve, same pid and arguments) with npm start's
// environment (scripts/start-settings.cjs: NODE_ENV=production unless set, glibc's malloc
// settings), so both are in place before any module of the API loads; package.json gives the
// benchmark npm start's V8 flag itself. A process that already has that environment (the re-made
// one, or a child it forks) goes on as it is.
const { startEnvironment } = require('./start-settings.cjs');

const env = startEnvironment(process.env);
const missing = Object.keys(env).some((name) => process.env[name] !== env[name]);
if (missing && typeof process.execve === 'function') {
  process.execve(process.execPath, [process.execPath, ...process.execArgv, ...process.argv.slice(1)], env);
}
Object.assign(process.env, env);
