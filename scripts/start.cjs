// `npm start`: runs the compiled API from dist/, compiling it first when dist/ is missing or older
// than a source file (so a fresh clone still needs only `npm start`). Sources: apps/api/src, libs,
// ormconfig.ts and the TypeScript configs; `npm run build` is the compile step.
const { buildIfStale, entry } = require('./build-if-stale.cjs');
const { startEnvironment } = require('./start-settings.cjs');

buildIfStale();

// The API runs in this process made anew (process.execve, Node 22.15+/23.11+: the same pid, so
// Ctrl-C, a supervisor's SIGTERM and the exit code are the API's own) with npm start's environment
// (scripts/start-settings.cjs: glibc's malloc settings, which glibc reads only when a process
// starts, and NODE_ENV=production unless set). The malloc settings keep an idle API on PGlite some
// 75 MiB smaller (npm run bench:startup): two malloc arenas rather than one per thread that ever
// allocated (V8's compiler and GC threads, libuv's pool); and fixed mmap and trim thresholds, so the
// large buffers start-up allocates and frees (loading PGlite's WebAssembly) go back to the system
// instead of staying in the heap, as glibc's self-raising threshold has them.
// Settings already in the environment win. The V8 flags given to this script (package.json's) are
// passed on; where process.execve is missing the API runs in this process as it is (NODE_ENV
// still set, before the API's modules load).
// No compile cache (module.enableCompileCache): it saved about 0.15 s of a 1.8 s restart, but the
// code it loads is compiled up front, where V8 otherwise compiles a function when it first runs,
// and an idle API held some 13 MiB more for it (bench:startup). NODE_COMPILE_CACHE still turns it on.
const env = startEnvironment(process.env);
if (typeof process.execve === 'function') {
  process.execve(process.execPath, [process.execPath, ...process.execArgv, entry, ...process.argv.slice(2)], env);
}
Object.assign(process.env, env);
require(entry);
