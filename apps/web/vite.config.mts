import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

// Built into apps/web/dist and served by the API at `/` (apps/api/src/workspace.ts), with GraphiQL
// (graphiql.html) served at GET /graphql; `npm run dev:web` proxies the API's routes to a local API on port 3000.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
    rolldownOptions: { input: { main: resolve(here, 'index.html'), graphiql: resolve(here, 'graphiql.html') } },
  },
  // Monaco's workers (GraphiQL's editors) as ES modules of their own, loaded from this origin.
  worker: { format: 'es' },
  server: { proxy: { '/graphql': 'http://127.0.0.1:3000', '/verdicts': 'http://127.0.0.1:3000' } },
});
