import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Built into apps/web/dist and served by the API at `/` (apps/api/src/workspace.ts); `npm run dev:web`
// proxies the API's routes to a local API on port 3000.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', reportCompressedSize: false },
  server: { proxy: { '/graphql': 'http://127.0.0.1:3000', '/verdicts': 'http://127.0.0.1:3000' } },
});
