// Worker entry when the API runs its TypeScript sources (ts-node, Jest): a worker thread starts
// without the parent's TypeScript hooks, so it installs them before loading the worker module.
// The compiled build (dist/) loads sentence.worker.js directly and never uses this file.
require('../../../../scripts/register-ts.cjs');
module.exports = require('./sentence.worker.ts');
